/* SPDX-License-Identifier: MIT */
/* compare: structural differences between a questionnaire and its translation. */
#include "musclecheck/compare.h"

#include <string.h>

static const char *answer_or_none(const struct question *q)
{
    return q->has_show_if ? answer_name(q->show_if_answer) : "";
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
        if (a->weights[c] != b->weights[c]) {
            diag_add(diags, b->line, b->column,
                     "question \"%s\" weighs %s %d here but %d in %s; a translation must not "
                     "change weights",
                     b->id, survey_condition(ref, c)->id, b->weights[c], a->weights[c],
                     survey_source(ref));
            (*count)++;
        }
    }
    const char *a_target = a->has_show_if ? survey_question(ref, a->show_if_question)->id : "";
    const char *b_target = b->has_show_if ? survey_question(tr, b->show_if_question)->id : "";
    if (strcmp(a_target, b_target) != 0 || strcmp(answer_or_none(a), answer_or_none(b)) != 0) {
        diag_add(diags, b->line, b->column,
                 "question \"%s\" has a different show_if than in %s (%s%s%s there)", b->id,
                 survey_source(ref), a->has_show_if ? a_target : "none",
                 a->has_show_if ? " = " : "", answer_or_none(a));
        (*count)++;
    }
    if ((a->red_flag == NULL) != (b->red_flag == NULL)) {
        diag_add(diags, b->line, b->column, "question \"%s\" %s a red_flag, unlike in %s", b->id,
                 b->red_flag != NULL ? "has" : "lacks", survey_source(ref));
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
    size_t nb = survey_band_count(ref);
    bool bands_differ = nb != survey_band_count(tr);
    for (size_t b = 0; !bands_differ && b < nb; b++)
        bands_differ = strcmp(survey_band(ref, b)->id, survey_band(tr, b)->id) != 0 ||
                       survey_band(ref, b)->min_score != survey_band(tr, b)->min_score;
    if (bands_differ || survey_min_evidence(ref) != survey_min_evidence(tr)) {
        diag_add(diags, 1, 1,
                 "the bands or min_evidence differ from %s; keep their ids and numbers",
                 survey_source(ref));
        count++;
    }
    return count;
}
