/* SPDX-License-Identifier: MIT */
/* compare: structural differences between a questionnaire and its translation. */
#include "musclecheck/compare.h"

#include <string.h>

/* Whether two groups of questions name the same ids (translations keep the
 * question order, so indices compare). */
static bool same_groups(const struct condition_groups *a, const struct condition_groups *b)
{
    if (a->group_count != b->group_count)
        return false;
    for (size_t g = 0; g < a->group_count; g++) {
        if (a->group_sizes[g] != b->group_sizes[g])
            return false;
        for (size_t k = 0; k < a->group_sizes[g]; k++)
            if (a->groups[g][k] != b->groups[g][k])
                return false;
    }
    return true;
}

static bool conditional(const struct shown_when *w)
{
    return w->when.group_count > 0 || w->unless.group_count > 0;
}

/* Whether two lists (foods, tips or advice) hold the same conditional
 * entries, in the same order: a translation may word or add plain entries
 * (local foods), but shows each conditional one to the same people. */
static bool same_shown(const struct shown_when *a, size_t na, const struct shown_when *b, size_t nb)
{
    size_t i = 0, k = 0;
    for (;;) {
        while (i < na && !conditional(&a[i]))
            i++;
        while (k < nb && !conditional(&b[k]))
            k++;
        if (i == na || k == nb)
            return i == na && k == nb;
        if (!same_groups(&a[i].when, &b[k].when) || !same_groups(&a[i].unless, &b[k].unless))
            return false;
        i++, k++;
    }
}

/* The conditional foods, tips and advice (after the questions are known
 * to match, since the groups compare by question index). */
static void compare_shown(const struct survey *ref, const struct survey *tr,
                          struct diag_list *diags, size_t *count)
{
    static const char fix[] = "keep the entries that have \"when\" or \"unless\", in order, "
                              "with the same questions";
    for (size_t c = 0; c < survey_condition_count(ref); c++) {
        const struct condition *a = survey_condition(ref, c), *b = survey_condition(tr, c);
        const char *list =
            !same_shown(a->foods_shown, a->food_count, b->foods_shown, b->food_count) ? "foods"
            : !same_shown(a->tips_shown, a->tip_count, b->tips_shown, b->tip_count)   ? "tips"
                                                                                      : NULL;
        if (list != NULL) {
            diag_add(diags, b->line, b->column, "the %s of condition \"%s\" differ from %s; %s",
                     list, b->id, survey_source(ref), fix);
            (*count)++;
        }
    }
    size_t na = survey_advice_count(ref), nb = survey_advice_count(tr);
    if (!same_shown(na > 0 ? survey_advice_shown(ref, 0) : NULL, na,
                    nb > 0 ? survey_advice_shown(tr, 0) : NULL, nb)) {
        diag_add(diags, 1, 1, "the advice differs from %s; %s", survey_source(ref), fix);
        (*count)++;
    }
}

/* Whether lists A and B (N and M indices) are the same. */
static bool same_list(const size_t *a, size_t n, const size_t *b, size_t m)
{
    if (n != m)
        return false;
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

static void compare_rules(const struct survey *ref, const struct survey *tr,
                          struct diag_list *diags, size_t *count)
{
    size_t n = survey_rule_count(ref);
    if (n != survey_rule_count(tr)) {
        diag_add(diags, 1, 1, "%zu triage_rules here but %zu in %s; keep every rule",
                 survey_rule_count(tr), n, survey_source(ref));
        (*count)++;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const struct triage_rule *a = survey_rule(ref, i), *b = survey_rule(tr, i);
        if (strcmp(a->id, b->id) != 0 || a->level != b->level || !same_groups(&a->when, &b->when) ||
            !same_list(a->checks, a->check_count, b->checks, b->check_count)) {
            diag_add(diags, b->line, b->column,
                     "triage rule \"%s\" differs from \"%s\" in %s; keep its id, level, "
                     "questions and checks",
                     b->id, a->id, survey_source(ref));
            (*count)++;
        }
    }
}

static void compare_causes(const struct survey *ref, const struct survey *tr,
                           struct diag_list *diags, size_t *count)
{
    size_t n = survey_other_cause_count(ref);
    if (n != survey_other_cause_count(tr)) {
        diag_add(diags, 1, 1, "%zu other_causes here but %zu in %s; keep every one",
                 survey_other_cause_count(tr), n, survey_source(ref));
        (*count)++;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const struct other_cause *a = survey_other_cause(ref, i), *b = survey_other_cause(tr, i);
        bool same = strcmp(a->id, b->id) == 0 && same_groups(&a->when, &b->when) &&
                    same_list(a->explains, a->explain_count, b->explains, b->explain_count);
        if (!same) {
            diag_add(diags, b->line, b->column,
                     "other cause \"%s\" differs from \"%s\" in %s; keep its id, questions "
                     "and the conditions it explains",
                     b->id, a->id, survey_source(ref));
            (*count)++;
        }
    }
}

/* Q's show_if answers as words ("yes or unsure"), "" without a show_if. */
static const char *answer_or_none(const struct question *q, char *buf, size_t size)
{
    static const enum answer all[] = {ANSWER_YES, ANSWER_NO, ANSWER_UNSURE};
    size_t used = 0;
    buf[0] = '\0';
    for (size_t k = 0; q->has_show_if && k < sizeof(all) / sizeof(all[0]); k++)
        if ((q->show_if_answers & SHOW_IF_MASK(all[k])) != 0 && used < size)
            used += (size_t)snprintf(buf + used, size - used, "%s%s", used > 0 ? " or " : "",
                                     answer_name(all[k]));
    return buf;
}

static void compare_question(const struct survey *ref, const struct survey *tr, size_t i,
                             struct diag_list *diags, size_t *count)
{
    const struct question *a = survey_question(ref, i), *b = survey_question(tr, i);
    if (strcmp(a->id, b->id) != 0) {
        diag_add(diags, b->line, b->column,
                 "question %zu is \"%s\" here but \"%s\" in %s; keep the ids and their order",
                 i + 1, b->id, a->id, survey_source(ref));
        (*count)++;
        return; /* the rest would only repeat this */
    }
    for (size_t c = 0; c < survey_condition_count(ref); c++) {
        const struct evidence *ea = &a->evidence[c], *eb = &b->evidence[c];
        if (ea->yes != eb->yes || ea->no != eb->no || (evidence_any(ea) && ea->kind != eb->kind)) {
            diag_add(diags, b->line, b->column,
                     "question \"%s\" gives %s {yes: %d, no: %d, kind: %s} here but {yes: %d, "
                     "no: %d, kind: %s} in %s; a translation must not change the evidence",
                     b->id, survey_condition(ref, c)->id, eb->yes, eb->no,
                     evidence_kind_name(eb->kind), ea->yes, ea->no, evidence_kind_name(ea->kind),
                     survey_source(ref));
            (*count)++;
        }
    }
    const char *a_target = a->has_show_if ? survey_question(ref, a->show_if_question)->id : "";
    const char *b_target = b->has_show_if ? survey_question(tr, b->show_if_question)->id : "";
    char a_answers[32], b_answers[32];
    if (strcmp(a_target, b_target) != 0 ||
        strcmp(answer_or_none(a, a_answers, sizeof(a_answers)),
               answer_or_none(b, b_answers, sizeof(b_answers))) != 0) {
        diag_add(diags, b->line, b->column,
                 "question \"%s\" has a different show_if than in %s (%s%s%s there)", b->id,
                 survey_source(ref), a->has_show_if ? a_target : "none",
                 a->has_show_if ? " = " : "", a_answers);
        (*count)++;
    }
    if ((a->red_flag == NULL) != (b->red_flag == NULL)) {
        diag_add(diags, b->line, b->column, "question \"%s\" %s a red_flag, unlike in %s", b->id,
                 b->red_flag != NULL ? "has" : "lacks", survey_source(ref));
        (*count)++;
    } else if (a->red_flag != NULL && a->red_flag_level != b->red_flag_level) {
        diag_add(diags, b->line, b->column,
                 "question \"%s\" has red-flag level %s here but %s in %s", b->id,
                 triage_name(b->red_flag_level), triage_name(a->red_flag_level),
                 survey_source(ref));
        (*count)++;
    }
}

size_t survey_compare(const struct survey *ref, const struct survey *tr, struct diag_list *diags)
{
    size_t count = 0;
    size_t nc = survey_condition_count(ref);
    if (nc != survey_condition_count(tr)) {
        diag_add(diags, 1, 1, "%zu conditions here but %zu in %s", survey_condition_count(tr), nc,
                 survey_source(ref));
        return 1;
    }
    for (size_t c = 0; c < nc; c++) {
        const struct condition *a = survey_condition(ref, c), *b = survey_condition(tr, c);
        if (strcmp(a->id, b->id) != 0) {
            diag_add(diags, b->line, b->column, "condition %zu is \"%s\" here but \"%s\" in %s",
                     c + 1, b->id, a->id, survey_source(ref));
            count++;
        } else if (a->prior != b->prior || a->anchors != b->anchors) {
            diag_add(diags, b->line, b->column,
                     "condition \"%s\" has a different prior or anchor than in %s", b->id,
                     survey_source(ref));
            count++;
        }
    }
    if (count > 0)
        return count;
    size_t nq = survey_question_count(ref);
    if (nq != survey_question_count(tr)) {
        diag_add(diags, 1, 1,
                 "%zu questions here but %zu in %s; a translation keeps every question",
                 survey_question_count(tr), nq, survey_source(ref));
        count++;
    }
    for (size_t i = 0; i < nq && i < survey_question_count(tr); i++)
        compare_question(ref, tr, i, diags, &count);
    if (nq == survey_question_count(tr)) {
        compare_rules(ref, tr, diags, &count);
        compare_causes(ref, tr, diags, &count);
        compare_shown(ref, tr, diags, &count);
        size_t na, nb2, ma, mb;
        const size_t *oa = survey_summary_onset(ref, &na), *ob = survey_summary_onset(tr, &nb2);
        const size_t *pa = survey_summary_medicines(ref, &ma),
                     *pb = survey_summary_medicines(tr, &mb);
        if (!same_list(oa, na, ob, nb2) || !same_list(pa, ma, pb, mb)) {
            diag_add(diags, 1, 1, "\"summary\" differs from %s; keep the same question ids",
                     survey_source(ref));
            count++;
        }
    }
    size_t nb = survey_band_count(ref);
    bool bands_differ = nb != survey_band_count(tr);
    for (size_t b = 0; !bands_differ && b < nb; b++)
        bands_differ = strcmp(survey_band(ref, b)->id, survey_band(tr, b)->id) != 0 ||
                       survey_band(ref, b)->min_points != survey_band(tr, b)->min_points;
    if (bands_differ || survey_nonspecific_cap(ref) != survey_nonspecific_cap(tr)) {
        diag_add(diags, 1, 1,
                 "the bands or nonspecific_cap differ from %s; keep their ids and numbers",
                 survey_source(ref));
        count++;
    }
    return count;
}
