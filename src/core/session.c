/* SPDX-License-Identifier: MIT */
/* session: answers, skip logic and navigation for one person. */
#include "musclecheck/session.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

struct session {
    const struct survey *survey;
    size_t count;
    enum answer *answers;
    bool *visible; /* derived from answers; kept so lookups stay O(1) */
};

/* Whether question I, as answered now, ends the check (a yes to a
 * not_for question). */
static bool ends_check(const struct session *se, size_t i)
{
    return se->visible[i] && se->answers[i] == ANSWER_YES &&
           survey_question(se->survey, i)->not_for != NULL;
}

/* Recomputes visibility from question FROM on, in file order (show_if only
 * points backwards, so one pass is enough and earlier questions cannot
 * change), and drops answers of hidden questions. */
static void refresh(struct session *se, size_t from)
{
    /* A yes to a not_for question ends the check: nothing after it is
     * asked. Only an earlier one can end it, so look back once. */
    bool ended = false;
    for (size_t i = 0; i < from && i < se->count; i++)
        ended |= ends_check(se, i);
    for (size_t i = from; i < se->count; i++) {
        const struct question *q = survey_question(se->survey, i);
        bool visible = !ended;
        /* The loader lets show_if point only backwards: one pass suffices. */
        assert(!q->has_show_if || q->show_if_question < i);
        if (visible && q->has_show_if)
            visible = se->visible[q->show_if_question] &&
                      (q->show_if_answers & SHOW_IF_MASK(se->answers[q->show_if_question])) != 0;
        se->visible[i] = visible;
        if (!visible)
            se->answers[i] = ANSWER_NONE;
        ended |= ends_check(se, i);
    }
}

struct session *session_new(const struct survey *s)
{
    assert(s != NULL);
    struct session *se = calloc(1, sizeof(*se));
    if (se == NULL)
        return NULL;
    se->survey = s;
    se->count = survey_question_count(s);
    se->answers = calloc(se->count + 1, sizeof(*se->answers));
    se->visible = calloc(se->count + 1, sizeof(*se->visible));
    if (se->answers == NULL || se->visible == NULL) {
        session_free(se);
        return NULL;
    }
    refresh(se, 0);
    return se;
}

void session_reset(struct session *se)
{
    /* explicit_bzero: a plain memset before free may be optimised away,
     * and a kiosk must not leave one patient's answers in memory. */
    explicit_bzero(se->answers, se->count * sizeof(*se->answers));
    refresh(se, 0);
}

void session_free(struct session *se)
{
    if (se == NULL)
        return;
    if (se->answers != NULL)
        explicit_bzero(se->answers, se->count * sizeof(*se->answers));
    if (se->visible != NULL)
        explicit_bzero(se->visible, se->count * sizeof(*se->visible));
    free(se->answers);
    free(se->visible);
    free(se);
}

const struct survey *session_survey(const struct session *se)
{
    return se->survey;
}

enum answer session_answer(const struct session *se, size_t q)
{
    return q < se->count ? se->answers[q] : ANSWER_NONE;
}

void session_set_answer(struct session *se, size_t q, enum answer a)
{
    if (q >= se->count || !se->visible[q])
        return;
    se->answers[q] = a;
    refresh(se, q + 1);
}

bool session_visible(const struct session *se, size_t q)
{
    return q < se->count && se->visible[q];
}

long session_next_visible(const struct session *se, size_t from)
{
    for (size_t i = from; i < se->count; i++)
        if (se->visible[i])
            return (long)i;
    return -1;
}

long session_prev_visible(const struct session *se, size_t from)
{
    for (size_t i = from < se->count ? from : se->count; i-- > 0;)
        if (se->visible[i])
            return (long)i;
    return -1;
}

long session_ended_by(const struct session *se)
{
    for (size_t i = 0; i < se->count; i++)
        if (ends_check(se, i))
            return (long)i;
    return -1;
}

long session_first_unanswered(const struct session *se)
{
    for (size_t i = 0; i < se->count; i++)
        if (se->visible[i] && se->answers[i] == ANSWER_NONE)
            return (long)i;
    return -1;
}

void session_progress(const struct session *se, size_t q, size_t *position, size_t *total)
{
    size_t pos = 0, all = 0;
    for (size_t i = 0; i < se->count; i++) {
        if (!se->visible[i])
            continue;
        all++;
        if (i <= q)
            pos++;
    }
    *position = pos;
    *total = all;
}
