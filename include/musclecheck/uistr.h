/* SPDX-License-Identifier: MIT */
/* uistr: the interface strings (labels, headings, prompts) that a question
 * file may translate under its "ui:" key, with the English defaults used for
 * any string a file leaves out. Keys are named by placeholders ("{yes}",
 * "{back}"; see keys.h), never by their letters. */
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
    X(UI_AMBULANCE_TITLE, "ambulance_title", "Call an ambulance now")                              \
    X(UI_AE_TITLE, "ae_title", "Go to A&E (the emergency department) now")                         \
    X(UI_URGENT_OVERRIDES, "urgent_overrides",                                                     \
      "Your answers include a warning sign. Deal with it first: the results below can wait.")      \
    X(UI_BECAUSE, "because", "Because you said yes to:")                                           \
    X(UI_AGAINST, "against", "Against it, you said no to:")                                        \
    X(UI_EXPLAINED, "explained",                                                                   \
      "{cause} may explain some of this, so it is shown one step lower.")                          \
    X(UI_CAUSE_EXPLAINS, "cause_explains",                                                         \
      "It may explain answers that would otherwise point to: {conditions}.")                       \
    X(UI_SAME_DAY_TITLE, "same_day_title", "Speak to someone today")                               \
    X(UI_UNSURE_SIGNS, "unsure_signs",                                                             \
      "You were not sure about these warning signs. A doctor or nurse should ask you about them "  \
      "today:")                                                                                    \
    X(UI_KIOSK_SAME_DAY, "kiosk_same_day",                                                         \
      "Please speak to the staff at the desk before you leave, and show them this screen.")        \
    X(UI_OTHER_CAUSES, "other_causes", "Also worth mentioning to a doctor")                        \
    X(UI_NEXT_SELF_CARE, "next_self_care",                                                         \
      "If your muscles do not feel better within a few weeks, or you are worried, see a doctor "   \
      "or pharmacist.")                                                                            \
    X(UI_NEXT_EMERGENCY, "next_emergency",                                                         \
      "First get help now, as advised at the top. Everything else can wait.")                      \
    X(UI_NEXT_SAME_DAY, "next_same_day",                                                           \
      "Speak to a doctor, nurse or pharmacist today, as advised above. Ask them about a blood "    \
      "test too.")                                                                                 \
    X(UI_UNREVIEWED, "unreviewed", "A clinician has not yet checked these questions.")             \
    X(UI_ROLE, "role", "Role in the body")                                                         \
    X(UI_MUSCLE_SYMPTOMS, "muscle_symptoms", "Muscle symptoms")                                    \
    X(UI_OTHER_SYMPTOMS, "other_symptoms", "Other symptoms")                                       \
    X(UI_FOODS, "foods", "Foods that help")                                                        \
    X(UI_TIPS, "tips", "Tips")                                                                     \
    X(UI_ADVICE, "advice", "General advice")                                                       \
    X(UI_BLOOD_TEST, "blood_test",                                                                 \
      "Ask a doctor or nurse about a blood test before you take a supplement for any of "          \
      "these. The daily 10 micrograms of vitamin D many people are advised to take needs no "      \
      "test.")                                                                                     \
    X(UI_DEFICIENCY, "deficiency", "Deficiency")                                                   \
    X(UI_TABLE_TITLE, "table_title", "The five deficiencies side by side")                         \
    X(UI_START, "start", "Press Enter to start")                                                   \
    X(UI_HOW_TO_ANSWER, "how_to_answer",                                                           \
      "Answer each question with Yes, No or Not sure. Press {yes}, {no} or {unsure}, or move "     \
      "with the arrow keys and press Enter. You can go back at any time with {back}, get help "    \
      "with {help} and quit with {quit}.")                                                         \
    X(UI_PROGRESS, "progress", "Question {n} of {total}")                                          \
    X(UI_WHY, "why", "Why we ask")                                                                 \
    X(UI_KEYS_QUESTION, "keys_question",                                                           \
      "{yes}/{no}/{unsure} answer   {back} back   {help} help   {quit} quit")                      \
    X(UI_KEYS_RESULTS, "keys_results",                                                             \
      "Arrows, PgUp/PgDn scroll   {table} table   {again} start again   {quit} quit")              \
    X(UI_KEYS_WELCOME, "keys_welcome", "Enter start   {help} help   {quit} quit")                  \
    X(UI_KEYS_RESULTS_KIOSK, "keys_results_kiosk",                                                 \
      "Arrows, PgUp/PgDn scroll   {table} table   {again} finish")                                 \
    X(UI_HELP_TITLE, "help_title", "Help")                                                         \
    X(UI_HELP_KEYS, "help_keys",                                                                   \
      "{yes} = Yes, {no} = No, {unsure} = Not sure.\n"                                             \
      "Arrow keys or Tab move between the choices; Enter picks one.\n"                             \
      "Left arrow, Backspace or {back} go back to the previous question.\n"                        \
      "{help} or F1 shows this help. {quit} or Esc quits.")                                        \
    X(UI_PRESS_ANY_KEY, "press_any_key", "Press any key to go back")                               \
    X(UI_QUIT_CONFIRM, "quit_confirm", "Quit now? Your answers will not be kept. ({yes}/{no})")    \
    X(UI_SEE_RESULTS, "see_results", "See results")                                                \
    X(UI_STOP, "stop", "Stop")                                                                     \
    X(UI_START_AGAIN, "start_again", "Start again")                                                \
    X(UI_SHOW_TABLE, "show_table", "Comparison table")                                             \
    X(UI_BACK_TO_RESULTS, "back_to_results", "Back to results")                                    \
    X(UI_QUIT, "quit", "Quit")                                                                     \
    X(UI_NOTHING_FLAGGED, "nothing_flagged", "Nothing stands out")                                 \
    X(UI_MORE_BELOW, "more_below", "More below: press Down or PgDn, or tap here")                  \
    X(UI_MORE_TEXT_BELOW, "more_text_below", "More below: press PgDn or tap here")                 \
    X(UI_MORE_TEXT_ABOVE, "more_text_above", "The beginning is above: press PgUp or tap here")     \
    X(UI_KEYS_RED_FLAG, "keys_red_flag", "Arrows choose   Enter confirms")                         \
    X(UI_START_OVER_CONFIRM, "start_over_confirm",                                                 \
      "Start over? Everything you answered will be wiped. ({yes}/{no})")                           \
    X(UI_KIOSK_URGENT, "kiosk_urgent",                                                             \
      "Please go to the reception desk now and show this screen.")                                 \
    X(UI_KIOSK_URGENT_KEY, "kiosk_urgent_key",                                                     \
      "When a member of staff has seen this, press any key.")                                      \
    X(UI_STILL_THERE, "still_there",                                                               \
      "Still there? Press any key to carry on. Otherwise your answers will be wiped in {seconds} " \
      "seconds.")                                                                                  \
    X(UI_FINISH, "finish", "Finish")                                                               \
    X(UI_KEYS_KIOSK, "keys_kiosk", "Enter start   {line} line by line   {help} help")              \
    X(UI_KEYS_QUESTION_KIOSK, "keys_question_kiosk",                                               \
      "{yes}/{no}/{unsure} answer   {back} back   {help} help   {quit} start over")                \
    X(UI_STAFF_PIN, "staff_pin", "Staff only: type the PIN and press Enter (Esc cancels).")        \
    X(UI_STAFF_PIN_WRONG, "staff_pin_wrong", "Wrong PIN.")                                         \
    X(UI_STAFF_PIN_LOCKED, "staff_pin_locked",                                                     \
      "Staff only: too many wrong PINs. Try again in {seconds} seconds (Esc closes).")             \
    X(UI_SUMMARY_TITLE, "summary_title", "Summary for your doctor")                                \
    X(UI_DATE, "date", "Date")                                                                     \
    X(UI_QUESTIONNAIRE, "questionnaire", "Questionnaire")                                          \
    X(UI_RANKING, "ranking", "Results, most likely first")                                         \
    X(UI_YOUR_ANSWERS, "your_answers", "Your answers")                                             \
    X(UI_SAVE_SUMMARY, "save_summary", "Save summary")                                             \
    X(UI_PRINT, "print", "Print")                                                                  \
    X(UI_SAVE_AS, "save_as", "Save the summary as (Enter saves, Esc cancels):")                    \
    X(UI_REPLACE, "replace", "That file exists already. Replace it? ({yes}/{no})")                 \
    X(UI_SAVED, "saved", "Saved to {file}")                                                        \
    X(UI_SAVE_FAILED, "save_failed", "Could not save the summary: {reason}")                       \
    X(UI_PRINTED, "printed",                                                                       \
      "The summary was sent to the printer. Please collect it at the desk.")                       \
    X(UI_PRINT_FAILED, "print_failed", "Printing did not work. Please tell a member of staff.")    \
    X(UI_PRINTING, "printing", "Printing your summary. Please wait a moment.")                     \
    X(UI_CHOOSE_LANGUAGE, "choose_language", "Language")                                           \
    X(UI_LANGUAGE_NAME, "language_name", "English")                                                \
    X(UI_PLAIN_HOW, "plain_how",                                                                   \
      "Type {yes} for Yes, {no} for No or {unsure} for Not sure, then press Enter. Type {back} "   \
      "to go back, {help} for help, or {quit} to quit.")                                           \
    X(UI_PLAIN_PROMPT, "plain_prompt",                                                             \
      "Your answer ({yes}, {no}, {unsure}; {back} back; {help} help; {quit} quit):")               \
    X(UI_PLAIN_INVALID, "plain_invalid",                                                           \
      "Please type {yes}, {no} or {unsure}, or {back}, {help} or {quit}.")                         \
    X(UI_PLAIN_CONTINUE, "plain_continue",                                                         \
      "Press Enter to see your results, or type {quit} to stop.")                                  \
    X(UI_PLAIN_STOPPED, "plain_stopped", "Stopped. Your answers were not kept.")                   \
    X(UI_PLAIN_EARLIER, "plain_earlier", "You answered: {answer}")                                 \
    X(UI_PLAIN_HOW_KIOSK, "plain_how_kiosk",                                                       \
      "Type {yes} for Yes, {no} for No or {unsure} for Not sure, then press Enter. Type {back} "   \
      "to go back, {help} for help, or {quit} to start over.")                                     \
    X(UI_PLAIN_PROMPT_KIOSK, "plain_prompt_kiosk",                                                 \
      "Your answer ({yes}, {no}, {unsure}; {back} back; {help} help; {quit} start over):")         \
    X(UI_PLAIN_STILL_THERE, "plain_still_there",                                                   \
      "Still there? Press Enter to carry on. Otherwise your answers will be wiped in {seconds} "   \
      "seconds.")                                                                                  \
    X(UI_PLAIN_URGENT_KEY, "plain_urgent_key",                                                     \
      "When a member of staff has seen this, press Enter to see your results.")                    \
    X(UI_PLAIN_NEXT_KEY, "plain_next_key", "When a member of staff has seen this, press Enter.")   \
    X(UI_PLAIN_FINISH, "plain_finish",                                                             \
      "When you have finished reading, press Enter. Your answers will then be wiped.")             \
    X(UI_TOO_SMALL, "too_small",                                                                   \
      "Please make this window larger: at least {cols} columns and {rows} rows.")                  \
    X(UI_NOT_ASSESSED, "not_assessed", "Not assessed")                                             \
    X(UI_NOT_FOR_TITLE, "not_for_title", "What to do instead")                                     \
    X(UI_TO_CHECK, "to_check", "To be checked")                                                    \
    X(UI_NOT_ASSESSED_NOTE, "not_assessed_note",                                                   \
      "The questions stopped at a warning sign, so these were not assessed.")                      \
    X(UI_NONE_STANDS_OUT, "none_stands_out",                                                       \
      "None of these stands out from your answers. That does not change the advice at the top.")   \
    X(UI_TRIAGE, "triage", "Triage level")                                                         \
    X(UI_LEVEL_AMBULANCE, "level_ambulance", "Ambulance now")                                      \
    X(UI_LEVEL_AE, "level_ae", "A&E now")                                                          \
    X(UI_LEVEL_SAME_DAY, "level_same_day", "Same day")                                             \
    X(UI_LEVEL_SOON, "level_soon", "Soon")                                                         \
    X(UI_LEVEL_SELF_CARE, "level_self_care", "Self-care")                                          \
    X(UI_TRIAGE_WHY, "triage_why", "Why:")                                                         \
    X(UI_WHY_RED_FLAG, "why_red_flag", "Warning sign ({level})")                                   \
    X(UI_WHY_UNSURE, "why_unsure", "Warning sign answered not sure")                               \
    X(UI_WHY_RULE, "why_rule", "Rule ({level})")                                                   \
    X(UI_WHY_FLAGGED, "why_flagged", "Deficiency flagged")                                         \
    X(UI_WHY_CAUSE, "why_cause", "Other cause")                                                    \
    X(UI_WHY_NONE, "why_none", "No warning sign, rule or flagged deficiency.")                     \
    X(UI_STOPPED_EARLY, "stopped_early",                                                           \
      "The questions stopped at this emergency, so the deficiencies were not assessed. Not asked " \
      "({n}):")                                                                                    \
    X(UI_ONSET, "onset", "Onset and duration")                                                     \
    X(UI_ANSWERED_YES, "answered_yes", "Answered yes")                                             \
    X(UI_ANSWERED_UNSURE, "answered_unsure", "Answered not sure")                                  \
    X(UI_ANSWERED_NO, "answered_no", "Answered no")                                                \
    X(UI_MEDICINES, "medicines", "Medicines")                                                      \
    X(UI_NO_MEDICINES, "no_medicines", "None of those asked about.")                               \
    X(UI_REASONS, "reasons", "Deficiencies, with the reasons for and against")                     \
    X(UI_SPEECH_HINT, "speech_hint", "Press {speech} to have everything read aloud.")              \
    X(UI_SPEECH_ON, "speech_on",                                                                   \
      "Reading aloud: {repeat} repeats, {silence} stops, {speech} turns it off.")                  \
    X(UI_SPEECH_UNAVAILABLE, "speech_unavailable",                                                 \
      "Reading aloud does not work on this terminal. Please ask a member of staff.")               \
    X(UI_FOR, "for", "For")                                                                        \
    X(UI_AGAINST_SHORT, "against_short", "Against")

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

/* A copy of TEMPLATE with each "{name}" replaced by its value from VARS, a
 * NULL-terminated list of name, value pairs; unknown names stay as they are.
 * The caller frees the result; NULL when out of memory. */
char *uistr_expand(const char *template, const char *const *vars);

/* Every key, in enum order (for "did you mean" hints); UI_COUNT entries. */
const char *const *uistr_keys(void);

#endif
