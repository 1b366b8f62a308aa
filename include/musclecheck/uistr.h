/* uistr: the interface strings (labels, headings, prompts) that a question
 * file may translate under its "ui:" key, with the English defaults used for
 * any string a file leaves out. */
#ifndef MUSCLECHECK_UISTR_H
#define MUSCLECHECK_UISTR_H

#include <stddef.h>

/* X(ENUM, key in the file, English default) */
#define UISTR_LIST(X)                                                                              \
    X(UI_YES, "yes", "Yes")                                                                        \
    X(UI_NO, "no", "No")                                                                           \
    X(UI_UNSURE, "unsure", "Not sure")                                                             \
    X(UI_NOT_ANSWERED, "not_answered", "Not answered")                                             \
    X(UI_RESULTS_TITLE, "results_title", "Your results")                                           \
    X(UI_NOT_A_DIAGNOSIS, "not_a_diagnosis",                                                       \
      "This is not a diagnosis. Only a blood test can show a deficiency.")                         \
    X(UI_URGENT_TITLE, "urgent_title", "Get medical help now")                                     \
    X(UI_URGENT_OVERRIDES, "urgent_overrides",                                                     \
      "Your answers include a warning sign. Deal with it first: the results below can wait.")      \
    X(UI_BECAUSE, "because", "Because you said yes to:")                                           \
    X(UI_ROLE, "role", "Role in the body")                                                         \
    X(UI_MUSCLE_SYMPTOMS, "muscle_symptoms", "Muscle symptoms")                                    \
    X(UI_OTHER_SYMPTOMS, "other_symptoms", "Other symptoms")                                       \
    X(UI_FOODS, "foods", "Foods that help")                                                        \
    X(UI_TIPS, "tips", "Tips")                                                                     \
    X(UI_ADVICE, "advice", "General advice")                                                       \
    X(UI_BLOOD_TEST, "blood_test",                                                                 \
      "Ask a doctor or nurse for a blood test before taking any supplement.")                      \
    X(UI_SCORE, "score", "score")                                                                  \
    X(UI_TOO_FEW_ANSWERS, "too_few_answers", "too few answers to tell")                            \
    X(UI_DEFICIENCY, "deficiency", "Deficiency")                                                   \
    X(UI_TABLE_TITLE, "table_title", "The five deficiencies side by side")

enum uistr {
#define UISTR_ENUM(name, key, text) name,
    UISTR_LIST(UISTR_ENUM)
#undef UISTR_ENUM
        UI_COUNT
};

/* The key that names string ID in a question file's "ui:" mapping. */
const char *uistr_key(enum uistr id);

/* The built-in English text for ID. */
const char *uistr_default(enum uistr id);

/* The id whose key is KEY, or -1 when there is none. */
int uistr_find(const char *key);

/* Every key, in enum order (for "did you mean" hints); UI_COUNT entries. */
const char *const *uistr_keys(void);

#endif
