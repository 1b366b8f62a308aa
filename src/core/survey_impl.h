/* SPDX-License-Identifier: MIT */
/* survey_impl: the layout of struct survey, shared by the model's accessors
 * (survey.c) and the loader that fills it (loader*.c). Nothing else includes
 * this. */
#ifndef MUSCLECHECK_SURVEY_IMPL_H
#define MUSCLECHECK_SURVEY_IMPL_H

#include "musclecheck/arena.h"
#include "musclecheck/idindex.h"
#include "musclecheck/survey.h"

struct survey {
    struct arena *arena; /* owns every string and array below but question_ids */
    const char *source;
    const char *texts[SURVEY_TEXT_COUNT];
    const char *ui[UI_COUNT]; /* NULL where the file gives no translation, until
                                 survey_fill_ui fills in the defaults */
    struct condition *conditions;
    size_t condition_count;
    struct question *questions;
    size_t question_count;
    struct idindex *question_ids; /* id -> index; owned (idindex_free), keys in the arena */
    struct band *bands;
    size_t band_count;
    int nonspecific_cap;
    bool reviewed;           /* review_status: reviewed */
    const char *review_note; /* "reviewed:" free text, or NULL */
    struct triage_rule *rules;
    size_t rule_count;
    struct other_cause *causes;
    size_t cause_count;
    const char **advice;
    const struct shown_when *advice_shown; /* one per advice */
    size_t advice_count;
    size_t *summary_onset; /* the "summary" lists (question indices) */
    size_t summary_onset_count;
    size_t *summary_medicines;
    size_t summary_medicine_count;
};

/* Completes S's interface strings once loaded: the English default where
 * the file gives none, and key placeholders ("{yes}") replaced by the keys
 * (keys.h), all in S's arena. Returns 0, or -1 when out of memory. */
int survey_fill_ui(struct survey *s);

#endif
