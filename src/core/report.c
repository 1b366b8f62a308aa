/* SPDX-License-Identifier: MIT */
/* report: ranking, reasons and red flags for one session. */
#include "musclecheck/report.h"

#include <stdlib.h>
#include <string.h>

struct report_store {
    struct report report; /* first, so a struct report * is the store */
    size_t *indices;      /* red flags, then each result's reasons */
    size_t index_count;
};

/* True when A ranks below B: a lower band, or the same band and a lower
 * score. The band comes first so that a high score on too little evidence
 * (which stays in the first band) never sits above a flagged condition. */
static bool ranks_below(const struct condition_score *a, const struct condition_score *b)
{
    return a->band != b->band ? a->band < b->band : a->score < b->score;
}

/* Insertion sort: stable (ties keep file order) and the lists are short. */
static void rank(struct report_result *results, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        struct report_result r = results[i];
        size_t j = i;
        while (j > 0 && ranks_below(&results[j - 1].score, &r.score)) {
            results[j] = results[j - 1];
            j--;
        }
        results[j] = r;
    }
}

static void sort_reasons(size_t *reasons, size_t n, const struct survey *s, size_t c)
{
    for (size_t i = 1; i < n; i++) {
        size_t q = reasons[i];
        int w = survey_question(s, q)->weights[c];
        size_t j = i;
        while (j > 0 && survey_question(s, reasons[j - 1])->weights[c] < w) {
            reasons[j] = reasons[j - 1];
            j--;
        }
        reasons[j] = q;
    }
}

struct report *report_new(const struct session *se)
{
    const struct survey *s = session_survey(se);
    size_t nq = survey_question_count(s), nc = survey_condition_count(s);
    struct report_store *st = calloc(1, sizeof(*st));
    if (st == NULL)
        return NULL;
    /* Each yes answer can be a red flag and a reason for every condition. */
    st->index_count = nq * (nc + 1);
    st->indices = calloc(st->index_count + 1, sizeof(*st->indices));
    st->report.results = calloc(nc + 1, sizeof(*st->report.results));
    if (st->indices == NULL || st->report.results == NULL) {
        report_free(&st->report);
        return NULL;
    }
    struct report *r = &st->report;
    size_t *next = st->indices;

    r->red_flags = next;
    for (size_t i = 0; i < nq; i++)
        if (session_answer(se, i) == ANSWER_YES && survey_question(s, i)->red_flag != NULL)
            next[r->red_flag_count++] = i;
    next += r->red_flag_count;
    r->urgent = r->red_flag_count > 0;

    r->result_count = nc;
    for (size_t c = 0; c < nc; c++) {
        struct report_result *res = &r->results[c];
        res->score = score_condition(se, c);
        res->flagged = res->score.band > 0;
        r->flagged_count += res->flagged;
        size_t *reasons = next;
        for (size_t i = 0; i < nq; i++)
            if (session_answer(se, i) == ANSWER_YES && survey_question(s, i)->weights[c] > 0)
                reasons[res->reason_count++] = i;
        sort_reasons(reasons, res->reason_count, s, c);
        res->reasons = reasons;
        next += res->reason_count;
    }
    rank(r->results, nc);
    r->no_findings = r->flagged_count == 0 && !r->urgent;
    return r;
}

void report_free(struct report *r)
{
    if (r == NULL)
        return;
    struct report_store *st = (struct report_store *)r;
    if (st->indices != NULL)
        explicit_bzero(st->indices, (st->index_count + 1) * sizeof(*st->indices));
    if (r->results != NULL)
        explicit_bzero(r->results, (r->result_count + 1) * sizeof(*r->results));
    free(st->indices);
    free(r->results);
    free(st);
}
