/* SPDX-License-Identifier: MIT */
/* score: per-condition scores and bands. */
#include "musclecheck/score.h"

struct condition_score score_condition(const struct session *se, size_t c)
{
    const struct survey *s = session_survey(se);
    struct condition_score r = {.condition = c};
    for (size_t i = 0; i < survey_question_count(s); i++) {
        const struct question *q = survey_question(s, i);
        enum answer a = session_answer(se, i);
        if (!session_visible(se, i) || (a != ANSWER_YES && a != ANSWER_NO))
            continue;
        r.answered_weight += q->weights[c];
        if (a == ANSWER_YES)
            r.yes_weight += q->weights[c];
    }
    if (r.answered_weight > 0)
        r.score = (200 * r.yes_weight + r.answered_weight) / (2 * r.answered_weight);
    r.band = score_band(s, r.score, r.answered_weight);
    r.thin_evidence = r.answered_weight < survey_min_evidence(s);
    return r;
}

size_t score_band(const struct survey *s, int score, int answered_weight)
{
    if (answered_weight < survey_min_evidence(s))
        return 0;
    size_t band = 0;
    for (size_t b = 1; b < survey_band_count(s); b++)
        if (score >= survey_band(s, b)->min_score)
            band = b;
    return band;
}
