/* SPDX-License-Identifier: MIT */
/* session: one person's answers to a survey, and which questions apply.
 *
 * Skip logic lives here: a question is visible when it has no show_if, or
 * when the question it depends on is visible and got the expected answer.
 * Changing an answer drops the answers of questions it hides, so what is
 * scored is always what the person would see if they walked through again.
 * The session borrows the survey (which must outlive it) and owns its
 * answers, which session_reset and session_free wipe from memory. */
#ifndef MUSCLECHECK_SESSION_H
#define MUSCLECHECK_SESSION_H

#include "musclecheck/survey.h"

#include <stdbool.h>
#include <stddef.h>

struct session;

/* A new session with every question unanswered, or NULL when out of memory. */
struct session *session_new(const struct survey *s);

/* Wipes the answers and frees the session; session_free(NULL) is a no-op. */
void session_free(struct session *se);

/* Forgets every answer, overwriting the memory that held them. */
void session_reset(struct session *se);

const struct survey *session_survey(const struct session *se);

enum answer session_answer(const struct session *se, size_t q);

/* Records answer A (ANSWER_NONE clears it) to question Q, then clears the
 * answers of every question that this hides. */
void session_set_answer(struct session *se, size_t q, enum answer a);

bool session_visible(const struct session *se, size_t q);

/* The first visible question at or after FROM, or -1 when none. */
long session_next_visible(const struct session *se, size_t from);

/* The last visible question before FROM, or -1 when none. */
long session_prev_visible(const struct session *se, size_t from);

/* The not_for question whose yes ended the check (nothing after it is
 * asked), or -1. */
long session_ended_by(const struct session *se);

/* The first visible question without an answer, or -1 when all are answered. */
long session_first_unanswered(const struct session *se);

/* Where Q stands among the questions visible now: *POSITION is its 1-based
 * place, *TOTAL how many are visible. Questions revealed by later answers
 * raise the total when they appear, so the count is never a promise. */
void session_progress(const struct session *se, size_t q, size_t *position, size_t *total);

#endif
