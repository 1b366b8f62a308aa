/* output_summary: the plain-text summary for a doctor, and the same answers
 * as a FHIR QuestionnaireResponse for a clinic's records system. */
#include "musclecheck/output.h"
#include "musclecheck/wrap.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/* Writes TEXT wrapped to WIDTH, every line after PREFIX-sized indentation. */
static void wrapped(FILE *out, const char *prefix, const char *text, int width)
{
    int indent = wrap_width(prefix, strlen(prefix));
    struct wrap_line *lines = NULL;
    size_t n = wrap_text(text, width - indent > 20 ? width - indent : 20, &lines);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%*s%.*s\n", i == 0 ? 0 : indent, i == 0 ? prefix : "", (int)lines[i].len,
                text + lines[i].start);
    if (n == 0)
        fprintf(out, "%s%s\n", prefix, text);
    free(lines);
}

static const char *answer_label(const struct survey *s, enum answer a)
{
    switch (a) {
    case ANSWER_YES: return survey_ui(s, UI_YES);
    case ANSWER_NO: return survey_ui(s, UI_NO);
    case ANSWER_UNSURE: return survey_ui(s, UI_UNSURE);
    default: return survey_ui(s, UI_NOT_ANSWERED);
    }
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
        if (asprintf(&line, "%s [%s]", survey_question(s, q)->text, answer_label(s, a)) < 0)
            continue;
        wrapped(out, "- ", line, width);
        free(line);
    }
    fputc('\n', out);
    wrapped(out, "", survey_ui(s, UI_BLOOD_TEST), width);
    fputc('\n', out);
    wrapped(out, "", survey_text(s, SURVEY_DISCLAIMER), width);
}

/* HL7 v2 table 0136 (Yes/No indicator) for yes and no; "not sure" is the
 * data-absent reason "asked but unknown". */
static cJSON *coding(enum answer a, const char *display)
{
    cJSON *c = cJSON_CreateObject();
    bool unsure = a == ANSWER_UNSURE;
    if (c == NULL ||
        !cJSON_AddStringToObject(c, "system",
                                 unsure ? "http://terminology.hl7.org/CodeSystem/data-absent-reason"
                                        : "http://terminology.hl7.org/CodeSystem/v2-0136") ||
        !cJSON_AddStringToObject(c, "code",
                                 unsure            ? "asked-unknown"
                                 : a == ANSWER_YES ? "Y"
                                                   : "N") ||
        !cJSON_AddStringToObject(c, "display", display)) {
        cJSON_Delete(c);
        return NULL;
    }
    return c;
}

static bool add_item(cJSON *items, const struct survey *s, const struct session *se, size_t q)
{
    enum answer a = session_answer(se, q);
    cJSON *item = cJSON_CreateObject(), *answers = NULL, *answer = NULL, *value = NULL;
    if (item == NULL || !cJSON_AddItemToArray(items, item))
        return false;
    bool ok = cJSON_AddStringToObject(item, "linkId", survey_question(s, q)->id) &&
              cJSON_AddStringToObject(item, "text", survey_question(s, q)->text) &&
              (answers = cJSON_AddArrayToObject(item, "answer")) != NULL &&
              (answer = cJSON_CreateObject()) != NULL && cJSON_AddItemToArray(answers, answer) &&
              (value = coding(a, answer_label(s, a))) != NULL;
    return ok && cJSON_AddItemToObject(answer, "valueCoding", value);
}

bool output_fhir(FILE *out, const struct session *se, time_t now)
{
    const struct survey *s = session_survey(se);
    char authored[32], canonical[256];
    struct tm tm;
    strftime(authored, sizeof(authored), "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &tm));
    snprintf(canonical, sizeof(canonical), "urn:musclecheck:Questionnaire:%s|%s",
             survey_text(s, SURVEY_ID), survey_text(s, SURVEY_VERSION));
    cJSON *root = cJSON_CreateObject(), *items = NULL;
    bool ok =
        root != NULL && cJSON_AddStringToObject(root, "resourceType", "QuestionnaireResponse") &&
        cJSON_AddStringToObject(root, "questionnaire", canonical) &&
        cJSON_AddStringToObject(root, "status",
                                session_first_unanswered(se) < 0 ? "completed" : "in-progress") &&
        cJSON_AddStringToObject(root, "authored", authored) &&
        cJSON_AddStringToObject(root, "language", survey_text(s, SURVEY_LANGUAGE)) &&
        (items = cJSON_AddArrayToObject(root, "item")) != NULL;
    for (size_t q = 0; ok && q < survey_question_count(s); q++)
        if (session_visible(se, q) && session_answer(se, q) != ANSWER_NONE)
            ok = add_item(items, s, se, q);
    char *text = ok ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (text == NULL)
        return false;
    fprintf(out, "%s\n", text);
    cJSON_free(text);
    return true;
}
