/* SPDX-License-Identifier: MIT */
/* Fuzz target: the question-file loader (libyaml events -> tree -> survey)
 * must turn any bytes into either a survey or located errors, within its
 * limits, without crashing or leaking. */
#include "musclecheck/loader.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Whether every question index in G is a question of S. */
static int groups_ok(const struct survey *s, const struct condition_groups *g)
{
    if (g->group_count == 0)
        return 0;
    for (size_t i = 0; i < g->group_count; i++) {
        if (g->group_sizes[i] == 0)
            return 0;
        for (size_t k = 0; k < g->group_sizes[i]; k++)
            if (g->groups[i][k] >= survey_question_count(s))
                return 0;
    }
    return 1;
}

/* The format 2 limits that a loaded survey must keep. */
static void check_model(const struct survey *s)
{
    size_t nc = survey_condition_count(s);
    int ordinary = 0;
    for (size_t i = 0; i < survey_question_count(s); i++) {
        const struct question *q = survey_question(s, i);
        for (size_t c = 0; c < nc; c++) {
            const struct evidence *e = &q->evidence[c];
            if (e->yes < 0 || e->yes > EVIDENCE_YES_MAX || e->no < EVIDENCE_NO_MIN || e->no > 0 ||
                (unsigned)e->kind >= EVIDENCE_KIND_COUNT)
                __builtin_trap();
        }
        if (q->red_flag == NULL)
            ordinary = 1;
        else if (q->red_flag_level < TRIAGE_SAME_DAY || q->red_flag_level > TRIAGE_AMBULANCE)
            __builtin_trap();
        else if (triage_urgent(q->red_flag_level) && ordinary)
            __builtin_trap(); /* emergency questions come first */
    }
    for (size_t c = 0; c < nc; c++) {
        const struct condition *cond = survey_condition(s, c);
        if (cond->prior < PRIOR_MIN || cond->prior > PRIOR_MAX || cond->anchors == 0 ||
            (cond->anchors & ~(1u << EVIDENCE_SIGN | 1u << EVIDENCE_CAUSE)) != 0)
            __builtin_trap();
    }
    for (size_t i = 0; i < survey_rule_count(s); i++) {
        const struct triage_rule *r = survey_rule(s, i);
        if (r->advice == NULL || r->level < TRIAGE_SOON || !groups_ok(s, &r->when))
            __builtin_trap();
    }
    for (size_t i = 0; i < survey_other_cause_count(s); i++) {
        const struct other_cause *oc = survey_other_cause(s, i);
        if (oc->name == NULL || oc->text == NULL || !groups_ok(s, &oc->when))
            __builtin_trap();
        for (size_t k = 0; k < oc->explain_count; k++)
            if (oc->explains[k] >= nc)
                __builtin_trap();
    }
    if (survey_nonspecific_cap(s) < 0)
        __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct diag_list *diags = diag_list_new("fuzz.yaml");
    struct survey *s = survey_load_buffer("fuzz.yaml", (const char *)data, size, diags);
    if (s != NULL) {
        /* A survey that loads must be internally consistent. */
        for (size_t i = 0; i < survey_question_count(s); i++) {
            const struct question *q = survey_question(s, i);
            if (q->has_show_if && q->show_if_question >= i)
                __builtin_trap();
            if (survey_find_question(s, q->id) != (long)i)
                __builtin_trap();
        }
        if (survey_band_count(s) < 2 || survey_band(s, 0)->min_points != 0)
            __builtin_trap();
        for (size_t b = 1; b < survey_band_count(s); b++)
            if (survey_band(s, b)->min_points <= survey_band(s, b - 1)->min_points)
                __builtin_trap();
        check_model(s);
    } else if (diag_count(diags) == 0) {
        __builtin_trap(); /* a refused file always says why */
    }
    survey_free(s);
    diag_list_free(diags);
    return 0;
}
