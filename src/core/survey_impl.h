/* SPDX-License-Identifier: MIT */
/* survey_impl: the layout of struct survey, shared by the model's accessors
 * (survey.c) and the loader that fills it (loader.c). Nothing else includes
 * this. */
#ifndef MUSCLECHECK_SURVEY_IMPL_H
#define MUSCLECHECK_SURVEY_IMPL_H

#include "musclecheck/arena.h"
#include "musclecheck/idindex.h"
#include "musclecheck/survey.h"

struct survey {
    struct arena *arena; /* owns every string and array below */
    const char *source;
    const char *texts[SURVEY_TEXT_COUNT];
    const char *ui[UI_COUNT]; /* NULL where the file gives no translation */
    struct condition *conditions;
    size_t condition_count;
    struct question *questions;
    size_t question_count;
    struct idindex *question_ids; /* id -> index, in the arena */
    struct band *bands;
    size_t band_count;
    int min_evidence;
    const char **advice;
    size_t advice_count;
};

#endif
