/* SPDX-License-Identifier: MIT */
/* flow: the walk through a questionnaire, shared by every front end.
 *
 * It decides what comes after an answer (the next visible question, an
 * emergency stop, or the results), where "back" leads, and the progress
 * count. Front ends ask it and render what it says; none of them decides
 * these rules. A flow borrows the survey (which must outlive it) and owns
 * its session, which flow_reset and flow_free wipe. */
#ifndef MUSCLECHECK_FLOW_H
#define MUSCLECHECK_FLOW_H

#include "musclecheck/session.h"

#include <stdbool.h>
#include <stddef.h>

/* Where the walk stands. */
enum flow_step {
    FLOW_START,     /* before the first question */
    FLOW_QUESTION,  /* a question is waiting for an answer */
    FLOW_EMERGENCY, /* an answer needs urgent help: the questions are over */
    FLOW_RESULTS,   /* every visible question has been answered */
};

struct flow;

/* A new flow at FLOW_START, or NULL when out of memory. */
struct flow *flow_new(const struct survey *s);

/* Wipes the answers and frees F; flow_free(NULL) is a no-op. */
void flow_free(struct flow *f);

/* Forgets every answer (overwriting them) and goes back to FLOW_START. */
void flow_reset(struct flow *f);

const struct survey *flow_survey(const struct flow *f);

/* The answers so far (owned by F). */
const struct session *flow_session(const struct flow *f);

enum flow_step flow_step(const struct flow *f);

/* Leaves FLOW_START for the first visible question (or the results when
 * there is none); returns the new step. */
enum flow_step flow_begin(struct flow *f);

/* The question on screen (FLOW_QUESTION), or the one whose answer stopped
 * the questions (FLOW_EMERGENCY). */
size_t flow_question(const struct flow *f);

/* Records A for the current question and moves on; returns the new step.
 * A yes that sets off an emergency (an emergency red flag, or an emergency
 * rule: triage.h) ends the questions at once. A same-day red flag does
 * not: its advice leads the results. */
enum flow_step flow_answer(struct flow *f, enum answer a);

/* Walks the questions in order with the answers in GIVEN (a session of the
 * same survey, e.g. a batch answers file), as a person answering them one
 * by one would: questions GIVEN leaves unanswered stay unanswered, and
 * answers after an emergency stop are dropped, since the walk never asks
 * for them. Ends at FLOW_EMERGENCY or FLOW_RESULTS, which it returns. */
enum flow_step flow_replay(struct flow *f, const struct session *given);

/* Goes to the previous visible question; from the first one (or from
 * FLOW_START) back to FLOW_START. Returns the new step. After an
 * emergency stop there is no way back: the advice stands. */
enum flow_step flow_back(struct flow *f);

/* The current question's 1-based place among the questions visible now, and
 * how many are visible. Questions revealed by later answers raise the total
 * when they appear, so the count never promises less than is left. */
void flow_progress(const struct flow *f, size_t *position, size_t *total);

#endif
