/* SPDX-License-Identifier: MIT */
/* output_json: the question list, the report and the answers (as a FHIR
 * QuestionnaireResponse for a clinic's records system) in JSON, built with
 * cJSON so that escaping is the library's job. */
#include "musclecheck/output.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <time.h>

/* Prints ROOT to OUT followed by a newline and frees it; false when any
 * step ran out of memory (cJSON returns NULL then). */
static bool print_and_free(FILE *out, cJSON *root, bool ok)
{
    char *text = ok && root != NULL ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (text == NULL)
        return false;
    fprintf(out, "%s\n", text);
    cJSON_free(text);
    return true;
}

static cJSON *string_or_null(const char *text)
{
    return text != NULL ? cJSON_CreateString(text) : cJSON_CreateNull();
}

/* Adds VALUE to OBJECT under KEY; VALUE is freed if that fails. */
static bool add(cJSON *object, const char *key, cJSON *value)
{
    if (value == NULL)
        return false;
    if (cJSON_AddItemToObject(object, key, value))
        return true;
    cJSON_Delete(value);
    return false;
}

static cJSON *question_json(const struct survey *s, size_t i)
{
    const struct question *q = survey_question(s, i);
    cJSON *o = cJSON_CreateObject(), *weights = NULL;
    bool ok = o != NULL && add(o, "id", cJSON_CreateString(q->id)) &&
              add(o, "text", cJSON_CreateString(q->text)) &&
              add(o, "help", string_or_null(q->help)) &&
              add(o, "weights", weights = cJSON_CreateObject());
    for (size_t c = 0; ok && c < survey_condition_count(s); c++)
        if (q->weights[c] > 0)
            ok = add(weights, survey_condition(s, c)->id, cJSON_CreateNumber(q->weights[c]));
    if (ok && q->has_show_if) {
        cJSON *show_if = NULL;
        ok = add(o, "show_if", show_if = cJSON_CreateObject()) &&
             add(show_if, "question",
                 cJSON_CreateString(survey_question(s, q->show_if_question)->id)) &&
             add(show_if, "answer", cJSON_CreateString(answer_name(q->show_if_answer)));
    } else if (ok) {
        ok = add(o, "show_if", cJSON_CreateNull());
    }
    ok = ok && add(o, "red_flag", string_or_null(q->red_flag));
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

bool output_list_json(FILE *out, const struct survey *s)
{
    cJSON *root = cJSON_CreateArray();
    bool ok = root != NULL;
    for (size_t i = 0; ok && i < survey_question_count(s); i++) {
        cJSON *q = question_json(s, i);
        ok = q != NULL && cJSON_AddItemToArray(root, q);
    }
    return print_and_free(out, root, ok);
}

static cJSON *result_json(const struct survey *s, const struct report_result *res)
{
    const struct condition *c = survey_condition(s, res->score.condition);
    cJSON *o = cJSON_CreateObject(), *reasons = NULL;
    bool ok = o != NULL && add(o, "id", cJSON_CreateString(c->id)) &&
              add(o, "name", cJSON_CreateString(c->name)) &&
              add(o, "score", cJSON_CreateNumber(res->score.score)) &&
              add(o, "band", cJSON_CreateString(survey_band(s, res->score.band)->id)) &&
              add(o, "flagged", cJSON_CreateBool(res->flagged)) &&
              add(o, "reasons", reasons = cJSON_CreateArray());
    for (size_t i = 0; ok && i < res->reason_count; i++) {
        cJSON *id = cJSON_CreateString(survey_question(s, res->reasons[i])->id);
        ok = id != NULL && cJSON_AddItemToArray(reasons, id);
    }
    if (ok)
        return o;
    cJSON_Delete(o);
    return NULL;
}

bool output_report_json(FILE *out, const struct report *r, const struct session *se)
{
    const struct survey *s = session_survey(se);
    cJSON *root = cJSON_CreateObject(), *flags = NULL, *results = NULL;
    bool ok = root != NULL && add(root, "urgent", cJSON_CreateBool(r->urgent)) &&
              add(root, "red_flags", flags = cJSON_CreateArray()) &&
              add(root, "results", results = cJSON_CreateArray());
    for (size_t i = 0; ok && i < r->red_flag_count; i++) {
        const struct question *q = survey_question(s, r->red_flags[i]);
        cJSON *flag = cJSON_CreateObject();
        ok = flag != NULL && cJSON_AddItemToArray(flags, flag) &&
             add(flag, "id", cJSON_CreateString(q->id)) &&
             add(flag, "advice", cJSON_CreateString(q->red_flag));
    }
    for (size_t i = 0; ok && i < r->result_count; i++) {
        cJSON *res = result_json(s, &r->results[i]);
        ok = res != NULL && cJSON_AddItemToArray(results, res);
    }
    return print_and_free(out, root, ok);
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
              (value = coding(a, survey_answer_label(s, a))) != NULL;
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
    return print_and_free(out, root, ok);
}
