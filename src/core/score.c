/* SPDX-License-Identifier: MIT */
/* score: per-condition points, anchors and bands. */
#include "musclecheck/score.h"

#include <assert.h>

int score_answer_points(const struct question *q, size_t c, enum answer a)
{
    assert(q->evidence != NULL);
    const struct evidence *e = &q->evidence[c];
    return a == ANSWER_YES ? e->yes : a == ANSWER_NO ? e->no : 0;
}

struct condition_score score_condition(const struct session *se, size_t c)
{
    const struct survey *s = session_survey(se);
    const struct condition *cond = survey_condition(s, c);
    struct condition_score r = {.condition = c, .points = cond->prior};
    int nonspecific = 0;
    for (size_t i = 0; i < survey_question_count(s); i++) {
        const struct question *q = survey_question(s, i);
        const struct evidence *e = &q->evidence[c];
        enum answer a = session_answer(se, i);
        if (!session_visible(se, i) || !evidence_any(e))
            continue;
        if (a == ANSWER_YES && e->kind == EVIDENCE_NONSPECIFIC)
            nonspecific += e->yes;
        else
            r.points += score_answer_points(q, c, a);
        if (a == ANSWER_YES && e->yes > 0 && (cond->anchors & (1u << e->kind)) != 0)
            r.anchored = true;
        /* A moderate cause (a baby in the past year, a gut condition)
         * makes a shortage likelier; it does not show one. */
        if (a == ANSWER_YES && e->yes >= SCORE_STRONG_CAUSE && e->kind == EVIDENCE_CAUSE)
            r.caused = true;
        if (a == ANSWER_YES && e->kind == EVIDENCE_UNCERTAIN)
            r.uncertain = true;
    }
    int cap = survey_nonspecific_cap(s);
    r.points += nonspecific < cap ? nonspecific : cap;
    r.band = score_band(s, r.points, r.anchored);
    return r;
}

size_t score_band(const struct survey *s, int points, bool anchored)
{
    if (!anchored)
        return 0;
    /* The loader keeps bands in rising order of points, at least two. */
    assert(survey_band_count(s) >= 2);
    size_t band = 0;
    for (size_t b = 1; b < survey_band_count(s); b++)
        if (points >= survey_band(s, b)->min_points)
            band = b;
    return band;
}
