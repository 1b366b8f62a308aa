/* SPDX-License-Identifier: MIT */
/* score: how strongly one person's answers point to each condition.
 *
 * points = the condition's prior + the points of every visible answer
 * ("yes" and "no" points per question), with the "yes" points of
 * non-specific signs capped. A condition leaves the first band only when
 * anchored: a yes to a sign or cause of a kind that can lift it. Hidden,
 * "not sure" and unanswered questions count neither way. docs/scoring.md
 * says the same in plain words; keep the two in step. */
#ifndef MUSCLECHECK_SCORE_H
#define MUSCLECHECK_SCORE_H

#include "musclecheck/session.h"

#include <stdbool.h>
#include <stddef.h>

/* The points of a strong known cause, the top of the evidence guide in
 * docs/question-format.md: only such a cause stands against another cause
 * of the signs (report.c). */
enum { SCORE_STRONG_CAUSE = 3 };

struct condition_score {
    size_t condition; /* index in the survey's conditions */
    int points;       /* prior + evidence, non-specific "yes" points capped */
    bool anchored;    /* a yes to evidence that can lift the condition */
    bool caused;      /* a yes to a strong known cause of it (SCORE_STRONG_CAUSE or more) */
    bool uncertain;   /* a yes to evidence of kind uncertain: to be checked, never flagged */
    size_t band;      /* index in the survey's bands, before other causes */
};

/* Scores condition C from the answers in SE. */
struct condition_score score_condition(const struct session *se, size_t c);

/* The band for POINTS: the highest whose min_points it reaches, but the
 * first band when not ANCHORED, so that no pile of non-specific signs or
 * risk factors flags anything on its own. */
size_t score_band(const struct survey *s, int points, bool anchored);

/* What answer A to question Q adds to condition C (0 when nothing). */
int score_answer_points(const struct question *q, size_t c, enum answer a);

#endif
