/* SPDX-License-Identifier: MIT */
/* output_json: the question list, the report and the answers (as a FHIR
 * QuestionnaireResponse for a clinic's records system) in JSON, built with
 * cJSON so that escaping is the library's job. */
#include "musclecheck/output.h"
#include "musclecheck/wipe.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
    cJSON *o = cJSON_CreateObject(), *evidence = NULL;
    bool ok = o != NULL && add(o, "id", cJSON_CreateString(q->id)) &&
              add(o, "text", cJSON_CreateString(q->text)) &&
              add(o, "help", string_or_null(q->help)) &&
              add(o, "evidence", evidence = cJSON_CreateObject());
    for (size_t c = 0; ok && c < survey_condition_count(s); c++) {
        const struct evidence *e = &q->evidence[c];
        cJSON *one = NULL;
        if (evidence_any(e))
            ok = add(evidence, survey_condition(s, c)->id, one = cJSON_CreateObject()) &&
                 add(one, "yes", cJSON_CreateNumber(e->yes)) &&
                 add(one, "no", cJSON_CreateNumber(e->no)) &&
                 add(one, "kind", cJSON_CreateString(evidence_kind_name(e->kind)));
    }
    if (ok && q->has_show_if) {
        /* "answer" is the first of "answers", for readers of the one-answer
         * form. */
        cJSON *show_if = NULL, *answers = NULL;
        ok = add(o, "show_if", show_if = cJSON_CreateObject()) &&
             add(show_if, "question",
                 cJSON_CreateString(survey_question(s, q->show_if_question)->id)) &&
             add(show_if, "answers", answers = cJSON_CreateArray());
        for (enum answer a = ANSWER_YES; ok && a <= ANSWER_UNSURE; a++) {
            if ((q->show_if_answers & SHOW_IF_MASK(a)) == 0)
                continue;
            ok = cJSON_AddItemToArray(answers, cJSON_CreateString(answer_name(a))) &&
                 (cJSON_GetArraySize(answers) > 1 ||
                  add(show_if, "answer", cJSON_CreateString(answer_name(a))));
        }
    } else if (ok) {
        ok = add(o, "show_if", cJSON_CreateNull());
    }
    ok = ok && add(o, "red_flag", string_or_null(q->red_flag)) &&
         add(o, "red_flag_level",
             q->red_flag != NULL ? cJSON_CreateString(triage_name(q->red_flag_level))
                                 : cJSON_CreateNull());
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

int output_list_json(FILE *out, const struct survey *s)
{
    cJSON *root = cJSON_CreateArray();
    bool ok = root != NULL;
    for (size_t i = 0; ok && i < survey_question_count(s); i++) {
        cJSON *q = question_json(s, i);
        ok = q != NULL && cJSON_AddItemToArray(root, q);
    }
    return print_and_free(out, root, ok) ? 0 : -1;
}

/* The ids of the questions in LIST (N of them) as an array under KEY. */
static bool add_ids(cJSON *o, const char *key, const struct survey *s, const size_t *list, size_t n,
                    const char *(*id_of)(const struct survey *, size_t))
{
    cJSON *array = NULL;
    bool ok = add(o, key, array = cJSON_CreateArray());
    for (size_t i = 0; ok && i < n; i++) {
        cJSON *id = cJSON_CreateString(id_of(s, list[i]));
        ok = id != NULL && cJSON_AddItemToArray(array, id);
    }
    return ok;
}

static const char *question_id(const struct survey *s, size_t i)
{
    return survey_question(s, i)->id;
}

static const char *rule_id(const struct survey *s, size_t i)
{
    return survey_rule(s, i)->id;
}

static const char *cause_id(const struct survey *s, size_t i)
{
    return survey_other_cause(s, i)->id;
}

static cJSON *result_json(const struct survey *s, const struct report_result *res)
{
    const struct condition *c = survey_condition(s, res->score.condition);
    cJSON *o = cJSON_CreateObject();
    bool ok =
        o != NULL && add(o, "id", cJSON_CreateString(c->id)) &&
        add(o, "name", cJSON_CreateString(c->name)) &&
        add(o, "points", cJSON_CreateNumber(res->score.points)) &&
        add(o, "anchored", cJSON_CreateBool(res->score.anchored)) &&
        add(o, "status", cJSON_CreateString(report_status_name(res->status))) &&
        /* Not assessed: no band a records system could read as "unlikely". */
        add(o, "band",
            res->status == REPORT_NOT_ASSESSED
                ? cJSON_CreateNull()
                : cJSON_CreateString(survey_band(s, res->band)->id)) &&
        add(o, "flagged", cJSON_CreateBool(res->flagged)) &&
        add(o, "checked_by",
            res->checked_by >= 0 ? cJSON_CreateString(survey_rule(s, (size_t)res->checked_by)->id)
                                 : cJSON_CreateNull()) &&
        add(o, "explained_by",
            res->explained_by >= 0
                ? cJSON_CreateString(survey_other_cause(s, (size_t)res->explained_by)->id)
                : cJSON_CreateNull()) &&
        add_ids(o, "reasons_for", s, res->reasons_for, res->for_count, question_id) &&
        add_ids(o, "reasons_against", s, res->reasons_against, res->against_count, question_id);
    if (ok)
        return o;
    cJSON_Delete(o);
    return NULL;
}

int output_report_json(FILE *out, const struct report *r, const struct session *se)
{
    const struct survey *s = session_survey(se);
    cJSON *root = cJSON_CreateObject(), *flags = NULL, *results = NULL;
    bool ok = root != NULL && add(root, "triage", cJSON_CreateString(triage_name(r->level))) &&
              add(root, "urgent", cJSON_CreateBool(triage_urgent(r->level))) &&
              add(root, "assessed", cJSON_CreateBool(!r->stopped)) &&
              add_ids(root, "not_asked", s, r->not_asked, r->not_asked_count, question_id) &&
              add(root, "red_flags", flags = cJSON_CreateArray()) &&
              add_ids(root, "unsure_red_flags", s, r->unsure_flags, r->unsure_count, question_id) &&
              add_ids(root, "rules", s, r->rules, r->rule_count, rule_id) &&
              add_ids(root, "other_causes", s, r->causes, r->cause_count, cause_id) &&
              add(root, "results", results = cJSON_CreateArray());
    for (size_t i = 0; ok && i < r->red_flag_count; i++) {
        const struct question *q = survey_question(s, r->red_flags[i]);
        cJSON *flag = cJSON_CreateObject();
        ok = flag != NULL && cJSON_AddItemToArray(flags, flag) &&
             add(flag, "id", cJSON_CreateString(q->id)) &&
             add(flag, "level", cJSON_CreateString(triage_name(q->red_flag_level))) &&
             add(flag, "advice", cJSON_CreateString(q->red_flag));
    }
    for (size_t i = 0; ok && i < r->result_count; i++) {
        cJSON *res = result_json(s, &r->results[i]);
        ok = res != NULL && cJSON_AddItemToArray(results, res);
    }
    return print_and_free(out, root, ok) ? 0 : -1;
}

/* The Questionnaire's canonical url: one per questionnaire and language. */
#define FHIR_QUESTIONNAIRE_BASE "https://musclecheck.org/fhir/Questionnaire/"
#define SYSTEM_YES_NO "http://terminology.hl7.org/CodeSystem/v2-0136"
#define SYSTEM_ABSENT "http://terminology.hl7.org/CodeSystem/data-absent-reason"

/* Writes into BUF the questionnaire's FHIR language code: the file's, with
 * '-' for '_' (BCP 47: "pt-BR" for pt_BR). */
static void fhir_language(const struct survey *s, char *buf, size_t size)
{
    snprintf(buf, size, "%s", survey_text(s, SURVEY_LANGUAGE));
    for (char *p = buf; *p != '\0'; p++)
        if (*p == '_')
            *p = '-';
}

/* Writes into BUF the Questionnaire's logical id, ID-LANGUAGE, keeping only
 * what FHIR ids allow (letters, digits, '-' and '.'; at most 64). */
static void fhir_id(const struct survey *s, char *buf, size_t size)
{
    char lang[32];
    fhir_language(s, lang, sizeof(lang));
    snprintf(buf, size < 65 ? size : 65, "%s-%s", survey_text(s, SURVEY_ID), lang);
    for (char *p = buf; *p != '\0'; p++)
        if (!isalnum((unsigned char)*p) && *p != '.')
            *p = '-';
}

void output_fhir_url(const struct survey *s, char *buf, size_t size)
{
    char id[65];
    fhir_id(s, id, sizeof(id));
    snprintf(buf, size, "%s%s", FHIR_QUESTIONNAIRE_BASE, id);
}

/* Answer A as a Coding: Y or N from HL7 v2 table 0136 (Yes/No indicator),
 * "not sure" as the data-absent reason "asked but unknown", each with its
 * code system's display. When LANGUAGE and LABEL are given and LABEL is
 * not that display, the display carries LABEL as its translation. */
static cJSON *coding(enum answer a, const char *language, const char *label)
{
    bool unsure = a == ANSWER_UNSURE;
    const char *display = unsure ? "Asked But Unknown" : a == ANSWER_YES ? "Yes" : "No";
    cJSON *c = cJSON_CreateObject(), *element = NULL, *extensions = NULL, *translation = NULL,
          *parts = NULL, *lang = NULL, *content = NULL;
    bool ok = c != NULL &&
              cJSON_AddStringToObject(c, "system", unsure ? SYSTEM_ABSENT : SYSTEM_YES_NO) &&
              cJSON_AddStringToObject(c, "code",
                                      unsure            ? "asked-unknown"
                                      : a == ANSWER_YES ? "Y"
                                                        : "N") &&
              cJSON_AddStringToObject(c, "display", display);
    if (ok && language != NULL && label != NULL && strcmp(label, display) != 0)
        ok = (element = cJSON_AddObjectToObject(c, "_display")) != NULL &&
             (extensions = cJSON_AddArrayToObject(element, "extension")) != NULL &&
             (translation = cJSON_CreateObject()) != NULL &&
             cJSON_AddItemToArray(extensions, translation) &&
             cJSON_AddStringToObject(translation, "url",
                                     "http://hl7.org/fhir/StructureDefinition/translation") &&
             (parts = cJSON_AddArrayToObject(translation, "extension")) != NULL &&
             (lang = cJSON_CreateObject()) != NULL && cJSON_AddItemToArray(parts, lang) &&
             cJSON_AddStringToObject(lang, "url", "lang") &&
             cJSON_AddStringToObject(lang, "valueCode", language) &&
             (content = cJSON_CreateObject()) != NULL && cJSON_AddItemToArray(parts, content) &&
             cJSON_AddStringToObject(content, "url", "content") &&
             cJSON_AddStringToObject(content, "valueString", label);
    if (!ok) {
        cJSON_Delete(c);
        return NULL;
    }
    return c;
}

/* Adds to ITEMS question Q of S as a Questionnaire item: a choice of yes,
 * no and not sure, its help as a help display item, and enableWhen for
 * show_if. */
static bool add_question_item(cJSON *items, const struct survey *s, size_t q, const char *language)
{
    const struct question *question = survey_question(s, q);
    static const enum answer choices[] = {ANSWER_YES, ANSWER_NO, ANSWER_UNSURE};
    cJSON *item = cJSON_CreateObject(), *options = NULL;
    if (item == NULL || !cJSON_AddItemToArray(items, item))
        return false;
    bool ok = cJSON_AddStringToObject(item, "linkId", question->id) &&
              cJSON_AddStringToObject(item, "text", question->text) &&
              cJSON_AddStringToObject(item, "type", "choice") &&
              cJSON_AddBoolToObject(item, "required", true) &&
              (options = cJSON_AddArrayToObject(item, "answerOption")) != NULL;
    for (size_t i = 0; ok && i < sizeof(choices) / sizeof(choices[0]); i++) {
        cJSON *option = cJSON_CreateObject();
        ok = option != NULL && cJSON_AddItemToArray(options, option) &&
             add(option, "valueCoding",
                 coding(choices[i], language, survey_answer_label(s, choices[i])));
    }
    if (ok && question->has_show_if) {
        /* One condition per answer that opens the question, any of them. */
        cJSON *conditions = NULL;
        int n = 0;
        ok = (conditions = cJSON_AddArrayToObject(item, "enableWhen")) != NULL;
        for (enum answer a = ANSWER_YES; ok && a <= ANSWER_UNSURE; a++) {
            cJSON *condition = NULL;
            if ((question->show_if_answers & SHOW_IF_MASK(a)) == 0)
                continue;
            n++;
            ok = (condition = cJSON_CreateObject()) != NULL &&
                 cJSON_AddItemToArray(conditions, condition) &&
                 cJSON_AddStringToObject(condition, "question",
                                         survey_question(s, question->show_if_question)->id) &&
                 cJSON_AddStringToObject(condition, "operator", "=") &&
                 add(condition, "answerCoding", coding(a, NULL, NULL));
        }
        if (ok && n > 1)
            ok = cJSON_AddStringToObject(item, "enableBehavior", "any") != NULL;
    }
    if (ok && question->help != NULL && question->help[0] != '\0') {
        /* The "why we ask" text, shown behind a help button. */
        char link[256];
        snprintf(link, sizeof(link), "%s.help", question->id);
        cJSON *children = NULL, *help = NULL, *extensions = NULL, *control = NULL, *concept = NULL,
              *codings = NULL, *code = NULL;
        ok = (children = cJSON_AddArrayToObject(item, "item")) != NULL &&
             (help = cJSON_CreateObject()) != NULL && cJSON_AddItemToArray(children, help) &&
             (extensions = cJSON_AddArrayToObject(help, "extension")) != NULL &&
             (control = cJSON_CreateObject()) != NULL &&
             cJSON_AddItemToArray(extensions, control) &&
             cJSON_AddStringToObject(
                 control, "url",
                 "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl") &&
             (concept = cJSON_AddObjectToObject(control, "valueCodeableConcept")) != NULL &&
             (codings = cJSON_AddArrayToObject(concept, "coding")) != NULL &&
             (code = cJSON_CreateObject()) != NULL && cJSON_AddItemToArray(codings, code) &&
             cJSON_AddStringToObject(code, "system",
                                     "http://hl7.org/fhir/questionnaire-item-control") &&
             cJSON_AddStringToObject(code, "code", "help") &&
             cJSON_AddStringToObject(code, "display", "Help-Button") &&
             cJSON_AddStringToObject(help, "linkId", link) &&
             cJSON_AddStringToObject(help, "text", question->help) &&
             cJSON_AddStringToObject(help, "type", "display");
    }
    return ok;
}

int output_fhir_questionnaire(FILE *out, const struct survey *s)
{
    char id[65], url[256], language[32];
    fhir_id(s, id, sizeof(id));
    output_fhir_url(s, url, sizeof(url));
    fhir_language(s, language, sizeof(language));
    const char *intro = survey_text(s, SURVEY_INTRO);
    cJSON *root = cJSON_CreateObject(), *subjects = NULL, *items = NULL;
    bool ok = root != NULL && cJSON_AddStringToObject(root, "resourceType", "Questionnaire") &&
              cJSON_AddStringToObject(root, "id", id) &&
              cJSON_AddStringToObject(root, "language", language) &&
              cJSON_AddStringToObject(root, "url", url) &&
              cJSON_AddStringToObject(root, "version", survey_text(s, SURVEY_VERSION)) &&
              cJSON_AddStringToObject(root, "title", survey_text(s, SURVEY_TITLE)) &&
              cJSON_AddStringToObject(root, "status", "active") &&
              (subjects = cJSON_AddArrayToObject(root, "subjectType")) != NULL &&
              cJSON_AddItemToArray(subjects, cJSON_CreateString("Patient"));
    if (ok && intro != NULL && intro[0] != '\0')
        ok = cJSON_AddStringToObject(root, "description", intro) != NULL;
    ok = ok && (items = cJSON_AddArrayToObject(root, "item")) != NULL;
    for (size_t q = 0; ok && q < survey_question_count(s); q++)
        ok = add_question_item(items, s, q, language);
    return print_and_free(out, root, ok) ? 0 : -1;
}

/* A text being composed in two passes: the first (TEXT NULL) measures, the
 * second writes into TEXT, of the measured size. */
struct xhtml {
    char *text;
    size_t len;
};

static void put(struct xhtml *x, const char *s, size_t n)
{
    if (x->text != NULL)
        memcpy(x->text + x->len, s, n);
    x->len += n;
}

static void puts_x(struct xhtml *x, const char *s)
{
    put(x, s, strlen(s));
}

/* TEXT escaped for XHTML, its line breaks as <br/>. */
static void escaped(struct xhtml *x, const char *text)
{
    for (const char *p = text; *p != '\0'; p++) {
        switch (*p) {
        case '&': puts_x(x, "&amp;"); break;
        case '<': puts_x(x, "&lt;"); break;
        case '>': puts_x(x, "&gt;"); break;
        case '"': puts_x(x, "&quot;"); break;
        case '\n': puts_x(x, "<br/>"); break;
        default: put(x, p, 1);
        }
    }
}

/* One block of the results document as XHTML (an item is already inside a
 * <ul>). */
static void xhtml_block(struct xhtml *x, const struct rdoc_block *bl)
{
    char place[32];
    bool bold = bl->style == RDOC_HEADING || bl->style == RDOC_WARNING;
    puts_x(x, bl->kind == RDOC_ITEM ? "<li>" : "<p>");
    switch (bl->kind) {
    case RDOC_RANK:
        snprintf(place, sizeof(place), "%zu. ", bl->rank.rank);
        puts_x(x, place);
        escaped(x, bl->rank.name);
        puts_x(x, ": ");
        escaped(x, bl->rank.band_label);
        break;
    case RDOC_FIELD:
        puts_x(x, "<b>");
        escaped(x, bl->label);
        puts_x(x, ":</b>");
        if (bl->text != NULL) {
            puts_x(x, " ");
            escaped(x, bl->text);
        }
        break;
    case RDOC_ITEM:
    case RDOC_PARA:
        puts_x(x, bold ? "<b>" : "");
        escaped(x, bl->text);
        puts_x(x, bold ? "</b>" : "");
        break;
    }
    puts_x(x, bl->kind == RDOC_ITEM ? "</li>" : "</p>");
}

/* The summary for a doctor (TITLE, then RDOC_SUMMARY_SECTIONS of D) as the
 * XHTML <div> of a FHIR narrative, written into X. */
static void xhtml_summary(struct xhtml *x, const struct results_doc *d, const char *title)
{
    puts_x(x, "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>");
    escaped(x, title);
    puts_x(x, "</b></p>");
    for (size_t p = 0; p < d->part_count; p++) {
        const struct rdoc_part *part = &d->parts[p];
        if ((RDOC_SUMMARY_SECTIONS & RDOC_MASK(part->section)) == 0)
            continue;
        bool in_list = false;
        for (size_t i = part->first; i < part->first + part->count; i++) {
            bool item = d->blocks[i].kind == RDOC_ITEM;
            if (item != in_list)
                puts_x(x, item ? "<ul>" : "</ul>");
            in_list = item;
            xhtml_block(x, &d->blocks[i]);
        }
        if (in_list)
            puts_x(x, "</ul>");
    }
    puts_x(x, "</div>");
}

/* Adds to ROOT the summary for a doctor of SE's report R as the resource's
 * narrative ("text"), the part a records system shows a person. */
static bool add_narrative(cJSON *root, const struct report *r, const struct session *se)
{
    const struct survey *s = session_survey(se);
    struct results_doc *d = results_doc_new(r, se, false);
    if (d == NULL)
        return false;
    char *title =
        wipe_printf("%s: %s", survey_text(s, SURVEY_TITLE), survey_ui(s, UI_SUMMARY_TITLE));
    struct xhtml x = {NULL, 0};
    if (title != NULL) {
        xhtml_summary(&x, d, title);
        size_t size = x.len + 1;
        if ((x.text = malloc(size)) != NULL) {
            x.len = 0;
            xhtml_summary(&x, d, title);
            x.text[x.len] = '\0';
        }
    }
    cJSON *text = NULL;
    bool ok = x.text != NULL && add(root, "text", text = cJSON_CreateObject()) &&
              cJSON_AddStringToObject(text, "status", "generated") &&
              cJSON_AddStringToObject(text, "div", x.text);
    wipe_free(x.text);
    wipe_free(title);
    results_doc_free(d);
    return ok;
}

static bool add_item(cJSON *items, const struct survey *s, const struct session *se, size_t q)
{
    enum answer a = session_answer(se, q);
    cJSON *item = cJSON_CreateObject(), *answers = NULL, *answer = NULL;
    if (item == NULL || !cJSON_AddItemToArray(items, item))
        return false;
    return cJSON_AddStringToObject(item, "linkId", survey_question(s, q)->id) &&
           cJSON_AddStringToObject(item, "text", survey_question(s, q)->text) &&
           (answers = cJSON_AddArrayToObject(item, "answer")) != NULL &&
           (answer = cJSON_CreateObject()) != NULL && cJSON_AddItemToArray(answers, answer) &&
           add(answer, "valueCoding", coding(a, NULL, NULL));
}

int output_fhir(FILE *out, const struct session *se, time_t now)
{
    const struct survey *s = session_survey(se);
    char authored[32], url[256], canonical[512], language[32];
    struct tm tm;
    /* A time past year 9999 (a bogus SOURCE_DATE_EPOCH) has no broken-down form. */
    if (gmtime_r(&now, &tm) == NULL ||
        strftime(authored, sizeof(authored), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        snprintf(authored, sizeof(authored), "1970-01-01T00:00:00Z");
    output_fhir_url(s, url, sizeof(url));
    snprintf(canonical, sizeof(canonical), "%s|%s", url, survey_text(s, SURVEY_VERSION));
    fhir_language(s, language, sizeof(language));
    size_t answered = 0;
    for (size_t q = 0; q < survey_question_count(s); q++)
        answered += session_visible(se, q) && session_answer(se, q) != ANSWER_NONE;
    /* The triage level the answers reach, so that a records system can act
     * on it: an extension, since a QuestionnaireResponse has no such field. */
    struct report *r = report_new(se);
    cJSON *root = cJSON_CreateObject(), *items = NULL, *ext = NULL, *level = NULL;
    bool ok = r != NULL && root != NULL &&
              cJSON_AddStringToObject(root, "resourceType", "QuestionnaireResponse") &&
              (ext = cJSON_AddArrayToObject(root, "extension")) != NULL &&
              (level = cJSON_CreateObject()) != NULL && cJSON_AddItemToArray(ext, level) &&
              cJSON_AddStringToObject(level, "url", OUTPUT_FHIR_TRIAGE_URL) &&
              cJSON_AddStringToObject(level, "valueCode", triage_name(r->level)) &&
              cJSON_AddStringToObject(root, "language", language) &&
              cJSON_AddStringToObject(root, "questionnaire", canonical) &&
              /* An emergency ends the questions on purpose: "stopped", not unfinished. */
              cJSON_AddStringToObject(root, "status",
                                      session_first_unanswered(se) < 0 ? "completed"
                                      : triage_urgent(r->level)        ? "stopped"
                                                                       : "in-progress") &&
              cJSON_AddStringToObject(root, "authored", authored) && add_narrative(root, r, se);
    /* FHIR JSON has no empty arrays: no answers, no "item". */
    if (ok && answered > 0)
        ok = (items = cJSON_AddArrayToObject(root, "item")) != NULL;
    for (size_t q = 0; ok && answered > 0 && q < survey_question_count(s); q++)
        if (session_visible(se, q) && session_answer(se, q) != ANSWER_NONE)
            ok = add_item(items, s, se, q);
    report_free(r);
    return print_and_free(out, root, ok) ? 0 : -1;
}
