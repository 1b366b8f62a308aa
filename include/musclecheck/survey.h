/* SPDX-License-Identifier: MIT */
/* survey: the questionnaire as loaded from one question file (one language).
 *
 * A survey is read-only once loaded. It owns every string and array reachable
 * from it; pointers handed out stay valid until survey_free. Front ends and
 * the scoring engine read it; only the loader (loader.h) builds one. */
#ifndef MUSCLECHECK_SURVEY_H
#define MUSCLECHECK_SURVEY_H

#include "musclecheck/uistr.h"

#include <stdbool.h>
#include <stddef.h>

/* An answer to one question. ANSWER_NONE is "not answered (yet)". */
enum answer { ANSWER_NONE = 0, ANSWER_YES, ANSWER_NO, ANSWER_UNSURE };

/* "yes", "no", "unsure", or NULL for ANSWER_NONE. */
const char *answer_name(enum answer a);

/* Parses "yes", "no" or "unsure"; returns false for anything else. */
bool answer_parse(const char *text, enum answer *out);

/* Highest weight a question may give a condition. */
#define WEIGHT_MAX 3

struct condition {
    const char *id;              /* "vitamin_d", ... */
    const char *name;            /* display name */
    const char *role;            /* role in the body (comparison table) */
    const char *muscle_symptoms; /* comparison table */
    const char *other_symptoms;  /* comparison table */
    const char *const *foods;    /* food sources */
    size_t food_count;
    const char *const *tips; /* other tips */
    size_t tip_count;
    int line; /* where the condition starts in its file, 1-based */
    int column;
};

struct band {
    const char *id;    /* "unlikely", "possible", "likely" */
    const char *label; /* display text */
    int min_score;     /* lowest score (0-100) in this band; the first band's is 0 */
};

struct question {
    const char *id;
    const char *text;
    const char *help;        /* "why we ask"; NULL when none */
    const int *weights;      /* one per condition, in condition order, 0..WEIGHT_MAX */
    bool has_show_if;        /* ask only when show_if_question got show_if_answer */
    size_t show_if_question; /* index of an earlier question */
    enum answer show_if_answer;
    const char *red_flag; /* urgent advice when answered yes; NULL when none */
    int line;             /* where the question starts in its file, 1-based */
    int column;
};

/* Whole-questionnaire texts. */
enum survey_text {
    SURVEY_ID,       /* stable questionnaire id, the same in every language */
    SURVEY_VERSION,  /* content version */
    SURVEY_LANGUAGE, /* language code, e.g. "en" */
    SURVEY_TITLE,
    SURVEY_INTRO,
    SURVEY_DISCLAIMER,
    SURVEY_NO_FINDINGS, /* shown when nothing is flagged */
    SURVEY_TEXT_COUNT
};

struct survey;

/* Frees S and everything it owns; survey_free(NULL) does nothing. */
void survey_free(struct survey *s);

/* The file the survey was loaded from (owned by S). */
const char *survey_source(const struct survey *s);

const char *survey_text(const struct survey *s, enum survey_text which);

/* An interface string: the file's translation, or the English default. */
const char *survey_ui(const struct survey *s, enum uistr which);

/* The interface text for answer A ("Yes", "Not sure", ...; "Not answered"
 * for ANSWER_NONE). */
const char *survey_answer_label(const struct survey *s, enum answer a);

size_t survey_condition_count(const struct survey *s);
const struct condition *survey_condition(const struct survey *s, size_t i);

size_t survey_question_count(const struct survey *s);
const struct question *survey_question(const struct survey *s, size_t i);

/* Index of the question with ID, or -1. */
long survey_find_question(const struct survey *s, const char *id);

/* Bands in ascending order of min_score; there are at least two. */
size_t survey_band_count(const struct survey *s);
const struct band *survey_band(const struct survey *s, size_t i);

/* Least answered weight before a condition can leave the first band. */
int survey_min_evidence(const struct survey *s);

size_t survey_advice_count(const struct survey *s);
const char *survey_advice(const struct survey *s, size_t i);

#endif
