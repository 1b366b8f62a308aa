/* SPDX-License-Identifier: MIT */
/* flow: next question, back, progress and the emergency stop. */
#include "musclecheck/flow.h"

#include "musclecheck/triage.h"

#include <assert.h>
#include <stdlib.h>

struct flow {
    const struct survey *survey; /* borrowed */
    struct session *session;     /* owned */
    enum flow_step step;
    size_t question;
};

struct flow *flow_new(const struct survey *s)
{
    assert(s != NULL);
    struct flow *f = calloc(1, sizeof(*f));
    if (f == NULL)
        return NULL;
    f->survey = s;
    f->session = session_new(s);
    if (f->session == NULL) {
        free(f);
        return NULL;
    }
    return f;
}

void flow_free(struct flow *f)
{
    if (f == NULL)
        return;
    session_free(f->session);
    free(f);
}

void flow_reset(struct flow *f)
{
    session_reset(f->session);
    f->step = FLOW_START;
    f->question = 0;
}

const struct survey *flow_survey(const struct flow *f)
{
    return f->survey;
}

const struct session *flow_session(const struct flow *f)
{
    return f->session;
}

enum flow_step flow_step(const struct flow *f)
{
    return f->step;
}

size_t flow_question(const struct flow *f)
{
    assert(f->step == FLOW_QUESTION || f->step == FLOW_EMERGENCY);
    return f->question;
}

/* Goes to the first visible question at or after FROM, or to the results. */
static enum flow_step go_from(struct flow *f, size_t from)
{
    long next = session_next_visible(f->session, from);
    if (next < 0) {
        f->step = FLOW_RESULTS;
        return f->step;
    }
    f->question = (size_t)next;
    f->step = FLOW_QUESTION;
    return f->step;
}

enum flow_step flow_begin(struct flow *f)
{
    return go_from(f, 0);
}

enum flow_step flow_answer(struct flow *f, enum answer a)
{
    if (f->step != FLOW_QUESTION)
        return f->step;
    /* The question on screen is always one the answers so far show. */
    assert(session_visible(f->session, f->question));
    session_set_answer(f->session, f->question, a);
    if (a == ANSWER_YES && triage_emergency(f->session)) {
        f->step = FLOW_EMERGENCY;
        return f->step;
    }
    return go_from(f, f->question + 1);
}

enum flow_step flow_replay(struct flow *f, const struct session *given)
{
    flow_reset(f);
    size_t from = 0;
    long q;
    while ((q = session_next_visible(f->session, from)) >= 0) {
        enum answer a = session_answer(given, (size_t)q);
        if (a != ANSWER_NONE) {
            session_set_answer(f->session, (size_t)q, a);
            if (a == ANSWER_YES && triage_emergency(f->session)) {
                f->question = (size_t)q;
                f->step = FLOW_EMERGENCY;
                return f->step;
            }
        }
        from = (size_t)q + 1;
    }
    f->step = FLOW_RESULTS;
    return f->step;
}

enum flow_step flow_back(struct flow *f)
{
    switch (f->step) {
    case FLOW_START:
    case FLOW_EMERGENCY: return f->step;
    case FLOW_RESULTS: {
        long last = session_prev_visible(f->session, survey_question_count(f->survey));
        if (last < 0) {
            f->step = FLOW_START;
            return f->step;
        }
        f->question = (size_t)last;
        f->step = FLOW_QUESTION;
        return f->step;
    }
    case FLOW_QUESTION: break;
    }
    long prev = session_prev_visible(f->session, f->question);
    if (prev < 0) {
        f->step = FLOW_START;
        return f->step;
    }
    f->question = (size_t)prev;
    return f->step;
}

void flow_progress(const struct flow *f, size_t *position, size_t *total)
{
    session_progress(f->session, f->question, position, total);
}
