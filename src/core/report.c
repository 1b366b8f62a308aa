/* SPDX-License-Identifier: MIT */
/* report: triage level, ranking, reasons and other causes for one session. */
#include "musclecheck/report.h"

#include "musclecheck/triage.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

const char *report_status_name(enum report_status st)
{
    switch (st) {
    case REPORT_RANKED: return "ranked";
    case REPORT_TO_CHECK: return "to_check";
    case REPORT_NOT_ASSESSED: return "not_assessed";
    }
    return "ranked";
}

struct report_store {
    struct report report; /* first, so a struct report * is the store */
    size_t *indices;      /* red flags, rules, causes, then each result's reasons */
    size_t index_count;
};

/* Where a status puts a result: flagged ones first, then those a rule asks
 * to check, then the rest; not assessed ones keep the file's order. */
static int tier(const struct report_result *r)
{
    if (r->status == REPORT_NOT_ASSESSED)
        return 0;
    return r->status == REPORT_TO_CHECK ? 1 : r->flagged ? 2 : 1;
}

/* True when A ranks below B: a lower tier, a lower band, or the same band
 * and fewer points. The band comes before the points so that points without
 * an anchor (which stay in the first band) never sit above a flagged
 * condition; after an emergency stop nothing is ranked by points. */
static bool ranks_below(const struct report_result *a, const struct report_result *b)
{
    if (tier(a) != tier(b))
        return tier(a) < tier(b);
    if (a->status == REPORT_NOT_ASSESSED)
        return false;
    if (a->status != b->status) /* in the middle tier: to be checked before unlikely */
        return a->status == REPORT_RANKED;
    return a->band != b->band ? a->band < b->band : a->score.points < b->score.points;
}

/* Insertion sort: stable (ties keep file order) and the lists are short. */
static void rank(struct report_result *results, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        struct report_result r = results[i];
        size_t j = i;
        while (j > 0 && ranks_below(&results[j - 1], &r)) {
            results[j] = results[j - 1];
            j--;
        }
        results[j] = r;
    }
}

/* What answer A to question Q counts for condition C: its points, with a
 * non-specific "yes" counted at most up to the cap (a cap of 0 makes it
 * count for nothing, so it is no reason). */
static int counted(const struct survey *s, size_t q, size_t c, enum answer a)
{
    const struct question *qu = survey_question(s, q);
    int p = score_answer_points(qu, c, a);
    int cap = survey_nonspecific_cap(s);
    if (a == ANSWER_YES && qu->evidence[c].kind == EVIDENCE_NONSPECIFIC && p > cap)
        p = cap;
    return p;
}

/* Sorts the questions in LIST by how much their answer moved condition C,
 * most first (stable). */
static void sort_reasons(size_t *list, size_t n, const struct session *se, size_t c)
{
    const struct survey *s = session_survey(se);
    for (size_t i = 1; i < n; i++) {
        size_t q = list[i];
        int w = abs(counted(s, q, c, session_answer(se, q)));
        size_t j = i;
        while (j > 0 && abs(counted(s, list[j - 1], c, session_answer(se, list[j - 1]))) < w) {
            list[j] = list[j - 1];
            j--;
        }
        list[j] = q;
    }
}

/* The reasons for (SIGN > 0) or against (SIGN < 0) condition C, written
 * from NEXT; returns how many. */
static size_t reasons(const struct session *se, size_t c, int sign, size_t *next)
{
    const struct survey *s = session_survey(se);
    size_t n = 0;
    for (size_t q = 0; q < survey_question_count(s); q++) {
        if (!session_visible(se, q))
            continue;
        int p = counted(s, q, c, session_answer(se, q));
        if (p * sign > 0)
            next[n++] = q;
    }
    sort_reasons(next, n, se, c);
    return n;
}

/* The red-flag questions shown and answered A, written from NEXT in file
 * order; returns how many. */
static size_t red_flags_answered(const struct session *se, enum answer a, size_t *next)
{
    const struct survey *s = session_survey(se);
    size_t n = 0;
    for (size_t q = 0; q < survey_question_count(s); q++)
        if (session_visible(se, q) && session_answer(se, q) == a &&
            survey_question(s, q)->red_flag != NULL)
            next[n++] = q;
    return n;
}

/* The most urgent rule that holds and asks for condition C to be checked
 * (the first in file order among equals), or -1. */
static long checker(const struct survey *s, const struct report *r, size_t c)
{
    long best = -1;
    for (size_t i = 0; i < r->rule_count; i++) {
        const struct triage_rule *rule = survey_rule(s, r->rules[i]);
        for (size_t k = 0; k < rule->check_count; k++)
            if (rule->checks[k] == c &&
                (best < 0 || rule->level > survey_rule(s, (size_t)best)->level))
                best = (long)r->rules[i];
    }
    return best;
}

/* The first fitting other cause that explains condition C, or -1. */
static long explainer(const struct survey *s, const struct report *r, size_t c)
{
    for (size_t i = 0; i < r->cause_count; i++) {
        const struct other_cause *oc = survey_other_cause(s, r->causes[i]);
        for (size_t k = 0; k < oc->explain_count; k++)
            if (oc->explains[k] == c)
                return (long)r->causes[i];
    }
    return -1;
}

struct report *report_new(const struct session *se)
{
    const struct survey *s = session_survey(se);
    size_t nq = survey_question_count(s), nc = survey_condition_count(s);
    size_t nr = survey_rule_count(s), no = survey_other_cause_count(s);
    struct report_store *st = calloc(1, sizeof(*st));
    if (st == NULL)
        return NULL;
    /* Each question can be a red flag (yes or not sure), a reason for
     * every condition, and not asked. */
    st->index_count = nq * (nc + 2) + nr + no;
    st->indices = calloc(st->index_count + 1, sizeof(*st->indices));
    st->report.results = calloc(nc + 1, sizeof(*st->report.results));
    if (st->indices == NULL || st->report.results == NULL) {
        report_free(&st->report);
        return NULL;
    }
    struct report *r = &st->report;
    size_t *next = st->indices;

    r->red_flags = next;
    r->red_flag_count = red_flags_answered(se, ANSWER_YES, next);
    next += r->red_flag_count;
    r->unsure_flags = next;
    r->unsure_count = red_flags_answered(se, ANSWER_UNSURE, next);
    next += r->unsure_count;
    r->rules = next;
    for (size_t i = 0; i < nr; i++)
        if (triage_groups_hold(se, &survey_rule(s, i)->when))
            next[r->rule_count++] = i;
    next += r->rule_count;
    r->causes = next;
    for (size_t i = 0; i < no; i++)
        if (triage_groups_hold(se, &survey_other_cause(s, i)->when))
            next[r->cause_count++] = i;
    next += r->cause_count;

    r->level = triage_flags_level(se);
    /* The flow ends the questions at an emergency: what was never asked
     * cannot count against a deficiency. */
    r->stopped = triage_urgent(r->level) && session_first_unanswered(se) >= 0;
    r->not_for = session_ended_by(se);
    bool assessed = !r->stopped && r->not_for < 0;
    r->not_asked = next;
    for (size_t q = 0; r->stopped && q < nq; q++)
        if (session_visible(se, q) && session_answer(se, q) == ANSWER_NONE)
            next[r->not_asked_count++] = q;
    next += r->not_asked_count;

    r->result_count = nc;
    for (size_t c = 0; c < nc; c++) {
        struct report_result *res = &r->results[c];
        res->score = score_condition(se, c);
        res->band = res->score.band;
        /* Another cause may explain signs, never a known cause of the
         * deficiency (heavy periods are not explained by a cold): one band
         * lower. */
        res->explained_by = res->band > 0 && !res->score.caused ? explainer(s, r, c) : -1;
        if (res->explained_by >= 0)
            res->band--;
        res->checked_by = checker(s, r, c);
        /* Kidney disease, a medicine that keeps potassium in, or digoxin: a low
         * result is no likelier than a high one, so a band that would flag
         * a deficiency reads "to be checked". */
        bool uncertain = res->score.uncertain && res->band > 0;
        res->flagged = res->band > 0 && assessed && !uncertain;
        if ((res->checked_by >= 0 || uncertain) && !res->flagged && r->not_for < 0)
            res->status = REPORT_TO_CHECK; /* never "unlikely" beside a rule that names it */
        else if (!assessed)
            res->status = REPORT_NOT_ASSESSED;
        r->flagged_count += res->flagged;
        r->to_check_count += res->status == REPORT_TO_CHECK;
        res->reasons_for = next;
        res->for_count = reasons(se, c, 1, next);
        next += res->for_count;
        res->reasons_against = next;
        res->against_count = reasons(se, c, -1, next);
        next += res->against_count;
    }
    /* The index store was sized for the worst case above. */
    assert((size_t)(next - st->indices) <= st->index_count);
    rank(r->results, nc);
    /* A flagged deficiency needs a blood test; an other cause alone does
     * not lift the level (its text says when to see a doctor). */
    if (r->level < TRIAGE_SOON && r->flagged_count > 0)
        r->level = TRIAGE_SOON;
    r->no_findings = r->flagged_count == 0 && r->to_check_count == 0 &&
                     r->level < TRIAGE_SAME_DAY && r->not_for < 0;
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
