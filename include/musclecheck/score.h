/* SPDX-License-Identifier: MIT */
/* score: how strongly one person's answers point to each condition.
 *
 * score = weight of the questions answered yes / weight of the questions
 * answered yes or no, as a rounded percentage. Hidden questions, "not sure"
 * and unanswered questions count neither way. docs/scoring.md says the same
 * in plain words; keep the two in step. */
#ifndef MUSCLECHECK_SCORE_H
#define MUSCLECHECK_SCORE_H

#include "musclecheck/session.h"

#include <stdbool.h>
#include <stddef.h>

struct condition_score {
    size_t condition;    /* index in the survey's conditions */
    int yes_weight;      /* summed weights of visible questions answered yes */
    int answered_weight; /* summed weights of visible questions answered yes or no */
    int score;           /* 0..100; 0 when nothing was answered */
    size_t band;         /* index in the survey's bands */
    bool thin_evidence;  /* answered_weight below min_evidence: band held at the first */
};

/* Scores condition C from the answers in SE. */
struct condition_score score_condition(const struct session *se, size_t c);

/* The band for SCORE: the highest whose min_score it reaches, but the first
 * band whenever ANSWERED_WEIGHT is below the survey's min_evidence, so that
 * one or two answers cannot flag anything on their own. */
size_t score_band(const struct survey *s, int score, int answered_weight);

#endif
