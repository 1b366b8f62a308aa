/* SPDX-License-Identifier: MIT */
/* output_summary: the plain-text summary for a doctor. */
#include "musclecheck/output.h"
#include "musclecheck/wrap.h"

#include <stdlib.h>
#include <string.h>

/* TEXT wrapped to WIDTH, later lines lined up after PREFIX. */
static void wrapped(FILE *out, const char *prefix, const char *text, int width)
{
    output_wrapped(out, prefix, wrap_width(prefix, strlen(prefix)), text, width);
}

void output_summary(FILE *out, const struct report *r, const struct session *se, time_t now,
                    int width)
{
    const struct survey *s = session_survey(se);
    char date[64];
    struct tm tm;
    strftime(date, sizeof(date), "%Y-%m-%d %H:%M", localtime_r(&now, &tm));
    fprintf(out, "%s: %s\n\n", survey_text(s, SURVEY_TITLE), survey_ui(s, UI_SUMMARY_TITLE));
    fprintf(out, "%s: %s\n", survey_ui(s, UI_DATE), date);
    fprintf(out, "%s: %s %s (%s)\n\n", survey_ui(s, UI_QUESTIONNAIRE), survey_text(s, SURVEY_ID),
            survey_text(s, SURVEY_VERSION), survey_text(s, SURVEY_LANGUAGE));
    wrapped(out, "", survey_ui(s, UI_NOT_A_DIAGNOSIS), width);
    fputc('\n', out);
    if (r->urgent) {
        fprintf(out, "!! %s !!\n", survey_ui(s, UI_URGENT_TITLE));
        for (size_t i = 0; i < r->red_flag_count; i++)
            wrapped(out, "- ", survey_question(s, r->red_flags[i])->text, width);
        fputc('\n', out);
    }
    fprintf(out, "%s:\n", survey_ui(s, UI_RANKING));
    for (size_t i = 0; i < r->result_count; i++) {
        const struct report_result *res = &r->results[i];
        fprintf(out, "  %zu. %s: %s (%s %d%%)\n", i + 1,
                survey_condition(s, res->score.condition)->name,
                survey_band(s, res->score.band)->label, survey_ui(s, UI_SCORE), res->score.score);
    }
    fprintf(out, "\n%s:\n", survey_ui(s, UI_YOUR_ANSWERS));
    for (size_t q = 0; q < survey_question_count(s); q++) {
        enum answer a = session_answer(se, q);
        if (!session_visible(se, q) || a == ANSWER_NONE)
            continue;
        char *line = NULL;
        if (asprintf(&line, "%s [%s]", survey_question(s, q)->text, survey_answer_label(s, a)) < 0)
            continue;
        wrapped(out, "- ", line, width);
        free(line);
    }
    fputc('\n', out);
    wrapped(out, "", survey_ui(s, UI_BLOOD_TEST), width);
    fputc('\n', out);
    wrapped(out, "", survey_text(s, SURVEY_DISCLAIMER), width);
}
