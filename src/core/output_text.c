/* SPDX-License-Identifier: MIT */
/* output_text: the question list and the report as plain text. */
#include "musclecheck/output.h"
#include "musclecheck/wrap.h"

#include <stdlib.h>
#include <string.h>

void output_list_text(FILE *out, const struct survey *s)
{
    for (size_t i = 0; i < survey_question_count(s); i++) {
        const struct question *q = survey_question(s, i);
        fprintf(out, "%s\t", q->id);
        for (const char *p = q->text; *p != '\0'; p++)
            fputc(*p == '\n' || *p == '\t' || *p == '\r' ? ' ' : *p, out);
        fputc('\n', out);
    }
}

void output_wrapped(FILE *out, const char *first, int indent, const char *text, int width)
{
    struct wrap_line *lines = NULL;
    size_t n = wrap_text(text, width - indent > 20 ? width - indent : 20, &lines);
    if (n == 0) {
        fprintf(out, "%s%s\n", first, text); /* out of memory: unwrapped beats nothing */
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (i == 0)
            fputs(first, out);
        else
            fprintf(out, "%*s", indent, "");
        fprintf(out, "%.*s\n", (int)lines[i].len, text + lines[i].start);
    }
    free(lines);
}

static void put_list(FILE *out, const char *heading, const char *const *items, size_t n, int width)
{
    fprintf(out, "   %s:\n", heading);
    for (size_t i = 0; i < n; i++)
        output_wrapped(out, "   - ", 5, items[i], width);
}

static void put_result(FILE *out, const struct survey *s, const struct report_result *res,
                       size_t rank, int width)
{
    const struct condition *c = survey_condition(s, res->score.condition);
    const struct band *b = survey_band(s, res->score.band);
    fprintf(out, "%zu. %s: %s (%s %d%%%s%s)\n", rank, c->name, b->label, survey_ui(s, UI_SCORE),
            res->score.score, res->score.thin_evidence ? ", " : "",
            res->score.thin_evidence ? survey_ui(s, UI_TOO_FEW_ANSWERS) : "");
    if (!res->flagged)
        return;
    if (res->reason_count > 0) {
        fprintf(out, "   %s\n", survey_ui(s, UI_BECAUSE));
        for (size_t i = 0; i < res->reason_count; i++)
            output_wrapped(out, "   - ", 5, survey_question(s, res->reasons[i])->text, width);
    }
    char first[160];
    const struct {
        enum uistr label;
        const char *text;
    } rows[] = {{UI_ROLE, c->role},
                {UI_MUSCLE_SYMPTOMS, c->muscle_symptoms},
                {UI_OTHER_SYMPTOMS, c->other_symptoms}};
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        snprintf(first, sizeof(first), "   %s: ", survey_ui(s, rows[i].label));
        fputs(first, out);
        output_wrapped(out, "", 5, rows[i].text, width - (int)strlen(first) + 5);
    }
    put_list(out, survey_ui(s, UI_FOODS), c->foods, c->food_count, width);
    put_list(out, survey_ui(s, UI_TIPS), c->tips, c->tip_count, width);
}

void output_report_text(FILE *out, const struct report *r, const struct session *se, int width)
{
    const struct survey *s = session_survey(se);
    fprintf(out, "%s: %s\n\n", survey_text(s, SURVEY_TITLE), survey_ui(s, UI_RESULTS_TITLE));
    output_wrapped(out, "", 0, survey_ui(s, UI_NOT_A_DIAGNOSIS), width);
    fputc('\n', out);
    if (r->urgent) {
        fprintf(out, "!! %s !!\n", survey_ui(s, UI_URGENT_TITLE));
        for (size_t i = 0; i < r->red_flag_count; i++)
            output_wrapped(out, "   - ", 5, survey_question(s, r->red_flags[i])->red_flag, width);
        output_wrapped(out, "   ", 3, survey_ui(s, UI_URGENT_OVERRIDES), width);
        fputc('\n', out);
    }
    for (size_t i = 0; i < r->result_count; i++)
        put_result(out, s, &r->results[i], i + 1, width);
    fputc('\n', out);
    if (r->no_findings) {
        output_wrapped(out, "", 0, survey_text(s, SURVEY_NO_FINDINGS), width);
        fputc('\n', out);
    }
    fprintf(out, "%s:\n", survey_ui(s, UI_ADVICE));
    for (size_t i = 0; i < survey_advice_count(s); i++)
        output_wrapped(out, "- ", 2, survey_advice(s, i), width);
    fputc('\n', out);
    output_wrapped(out, "", 0, survey_ui(s, UI_BLOOD_TEST), width);
    fputc('\n', out);
    output_wrapped(out, "", 0, survey_text(s, SURVEY_DISCLAIMER), width);
}
