/* SPDX-License-Identifier: MIT */
/* output_summary: the plain-text summary for a doctor. */
#include "musclecheck/output.h"

int output_summary(FILE *out, const struct results_doc *d, const struct survey *s, time_t now,
                   int width)
{
    char date[64];
    struct tm tm;
    if (localtime_r(&now, &tm) == NULL || strftime(date, sizeof(date), "%Y-%m-%d %H:%M", &tm) == 0)
        snprintf(date, sizeof(date), "?");
    fprintf(out, "%s: %s\n\n", survey_text(s, SURVEY_TITLE), survey_ui(s, UI_SUMMARY_TITLE));
    fprintf(out, "%s: %s\n", survey_ui(s, UI_DATE), date);
    fprintf(out, "%s: %s %s (%s)\n\n", survey_ui(s, UI_QUESTIONNAIRE), survey_text(s, SURVEY_ID),
            survey_text(s, SURVEY_VERSION), survey_text(s, SURVEY_LANGUAGE));
    return output_doc_text(out, d, RDOC_SUMMARY_SECTIONS, width);
}
