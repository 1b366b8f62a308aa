/* SPDX-License-Identifier: MIT */
/* Tests for the text and JSON forms of the question list and the report. */
#include "support.h"

#include "musclecheck/output.h"
#include "musclecheck/report.h"
#include "sample.h"

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct survey *sample;

static int setup(void **state)
{
    (void)state;
    char *yaml = support_yaml("  - id: flag\n"
                              "    text: Chest pain?\n"
                              "    red_flag: Call now.\n"
                              "  - id: quote\n"
                              "    text: \"Say \\\"yes\\\"\\tor\\nno?\"\n"
                              "    help: Why we ask.\n"
                              "    evidence: {beta: {yes: 1, no: -1, kind: nonspecific}}\n"
                              "  - id: a1\n"
                              "    text: A1?\n"
                              "    evidence: {alpha: 3, beta: 0}\n"
                              "    show_if: {question: flag, answer: \"no\"}\n"
                              "  - id: statin\n"
                              "    text: A statin?\n"
                              "  - id: stool\n"
                              "    text: Black stools?\n"
                              "    red_flag: {level: same_day, advice: See a doctor today.}\n"
                              "triage_rules:\n"
                              "  - id: combo\n"
                              "    level: same_day\n"
                              "    when: [[quote], [a1]]\n"
                              "    advice: Speak to someone today.\n"
                              "other_causes:\n"
                              "  - id: statin_use\n"
                              "    name: A statin\n"
                              "    text: Tell your doctor about the statin.\n"
                              "    when: [statin]\n"
                              "    explains: [alpha]\n");
    sample = support_load_ok(yaml);
    free(yaml);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    survey_free(sample);
    return 0;
}

/* The results document for SE (the test frees it). */
static struct results_doc *doc_for(struct session *se, struct report **r)
{
    *r = report_new(se);
    assert_non_null(*r);
    struct results_doc *d = results_doc_new(*r, se, false);
    assert_non_null(d);
    return d;
}

/* Runs WRITE into a string (caller frees). */
#define CAPTURE(buf, call)                                                                         \
    do {                                                                                           \
        size_t size_;                                                                              \
        FILE *out = open_memstream(&(buf), &size_);                                                \
        call;                                                                                      \
        fclose(out);                                                                               \
    } while (0)

static void list_text_one_line_per_question(void **state)
{
    (void)state;
    char *text;
    CAPTURE(text, output_list_text(out, sample));
    assert_string_equal(text, "flag\tChest pain?\n"
                              "quote\tSay \"yes\" or no?\n"
                              "a1\tA1?\n"
                              "statin\tA statin?\n"
                              "stool\tBlack stools?\n");
    free(text);
}

static void list_json_shape(void **state)
{
    (void)state;
    char *text;
    CAPTURE(text, assert_int_equal(output_list_json(out, sample), 0));
    cJSON *root = cJSON_Parse(text);
    assert_non_null(root);
    assert_true(cJSON_IsArray(root));
    assert_int_equal(cJSON_GetArraySize(root), 5);
    cJSON *q0 = cJSON_GetArrayItem(root, 1);
    assert_string_equal(cJSON_GetObjectItem(q0, "text")->valuestring, "Say \"yes\"\tor\nno?");
    assert_string_equal(cJSON_GetObjectItem(q0, "help")->valuestring, "Why we ask.");
    assert_null(cJSON_GetObjectItem(q0, "weights")); /* format 1's name is gone */
    cJSON *beta = cJSON_GetObjectItem(cJSON_GetObjectItem(q0, "evidence"), "beta");
    assert_non_null(beta);
    assert_int_equal(cJSON_GetObjectItem(beta, "yes")->valueint, 1);
    assert_int_equal(cJSON_GetObjectItem(beta, "no")->valueint, -1);
    assert_string_equal(cJSON_GetObjectItem(beta, "kind")->valuestring, "nonspecific");
    assert_null(cJSON_GetObjectItem(cJSON_GetObjectItem(q0, "evidence"), "alpha"));
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(q0, "show_if")));
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(q0, "red_flag")));
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(q0, "red_flag_level")));
    cJSON *q1 = cJSON_GetArrayItem(root, 0);
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(q1, "help")));
    assert_string_equal(cJSON_GetObjectItem(q1, "red_flag")->valuestring, "Call now.");
    assert_string_equal(cJSON_GetObjectItem(q1, "red_flag_level")->valuestring, "ambulance");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(q1, "evidence")), 0);
    cJSON *q2 = cJSON_GetArrayItem(root, 2);
    cJSON *show_if = cJSON_GetObjectItem(q2, "show_if");
    assert_string_equal(cJSON_GetObjectItem(show_if, "question")->valuestring, "flag");
    assert_string_equal(cJSON_GetObjectItem(show_if, "answer")->valuestring, "no");
    /* The shorthand is a sign worth its number for yes, nothing for no;
     * zero evidence is left out. */
    cJSON *alpha = cJSON_GetObjectItem(cJSON_GetObjectItem(q2, "evidence"), "alpha");
    assert_int_equal(cJSON_GetObjectItem(alpha, "yes")->valueint, 3);
    assert_int_equal(cJSON_GetObjectItem(alpha, "no")->valueint, 0);
    assert_string_equal(cJSON_GetObjectItem(alpha, "kind")->valuestring, "sign");
    assert_null(cJSON_GetObjectItem(cJSON_GetObjectItem(q2, "evidence"), "beta"));
    cJSON *q4 = cJSON_GetArrayItem(root, 4);
    assert_string_equal(cJSON_GetObjectItem(q4, "red_flag_level")->valuestring, "same_day");
    cJSON_Delete(root);
    free(text);
}

/* The report for ANSWERS as parsed JSON (the caller deletes it). */
static cJSON *report_json(const char *answers)
{
    struct session *se = support_session(sample, answers);
    struct report *r = report_new(se);
    assert_non_null(r);
    char *text;
    CAPTURE(text, assert_int_equal(output_report_json(out, r, se), 0));
    cJSON *root = cJSON_Parse(text);
    assert_non_null(root);
    free(text);
    report_free(r);
    session_free(se);
    return root;
}

static void report_json_shape(void **state)
{
    (void)state;
    cJSON *root = report_json("quote=yes flag=yes");
    assert_string_equal(cJSON_GetObjectItem(root, "triage")->valuestring, "ambulance");
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(root, "urgent")));
    cJSON *flags = cJSON_GetObjectItem(root, "red_flags");
    assert_int_equal(cJSON_GetArraySize(flags), 1);
    cJSON *flag = cJSON_GetArrayItem(flags, 0);
    assert_string_equal(cJSON_GetObjectItem(flag, "id")->valuestring, "flag");
    assert_string_equal(cJSON_GetObjectItem(flag, "level")->valuestring, "ambulance");
    assert_string_equal(cJSON_GetObjectItem(flag, "advice")->valuestring, "Call now.");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(root, "rules")), 0);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(root, "other_causes")), 0);
    /* The emergency stopped the questions: nothing was assessed, and no
     * band says "unlikely" about questions never asked. */
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(root, "assessed")));
    cJSON *not_asked = cJSON_GetObjectItem(root, "not_asked");
    assert_int_equal(cJSON_GetArraySize(not_asked), 2); /* statin, stool; a1 is hidden */
    cJSON *results = cJSON_GetObjectItem(root, "results");
    assert_int_equal(cJSON_GetArraySize(results), 2);
    /* Not assessed: in the file's order, not ranked by the few points. */
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(results, 0), "id")->valuestring,
                        "alpha");
    cJSON *first = cJSON_GetArrayItem(results, 1);
    assert_string_equal(cJSON_GetObjectItem(first, "id")->valuestring, "beta");
    assert_string_equal(cJSON_GetObjectItem(first, "name")->valuestring, "Beta");
    assert_int_equal(cJSON_GetObjectItem(first, "points")->valueint, 1);
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(first, "anchored"))); /* non-specific */
    assert_string_equal(cJSON_GetObjectItem(first, "status")->valuestring, "not_assessed");
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(first, "band")));
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(first, "flagged")));
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(first, "explained_by")));
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(first, "checked_by")));
    assert_null(cJSON_GetObjectItem(first, "score")); /* format 1's percentage is gone */
    cJSON *reasons = cJSON_GetObjectItem(first, "reasons_for");
    assert_int_equal(cJSON_GetArraySize(reasons), 1);
    assert_string_equal(cJSON_GetArrayItem(reasons, 0)->valuestring, "quote");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(first, "reasons_against")), 0);
    cJSON_Delete(root);
}

static void report_json_rules_causes_and_reasons_against(void **state)
{
    (void)state;
    cJSON *root = report_json("quote=no flag=no a1=yes statin=yes stool=yes");
    assert_string_equal(cJSON_GetObjectItem(root, "triage")->valuestring, "same_day");
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(root, "urgent")));
    cJSON *flag = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "red_flags"), 0);
    assert_string_equal(cJSON_GetObjectItem(flag, "id")->valuestring, "stool");
    assert_string_equal(cJSON_GetObjectItem(flag, "level")->valuestring, "same_day");
    cJSON *causes = cJSON_GetObjectItem(root, "other_causes");
    assert_int_equal(cJSON_GetArraySize(causes), 1);
    assert_string_equal(cJSON_GetArrayItem(causes, 0)->valuestring, "statin_use");
    cJSON *results = cJSON_GetObjectItem(root, "results");
    cJSON *alpha = cJSON_GetArrayItem(results, 0);
    assert_string_equal(cJSON_GetObjectItem(alpha, "id")->valuestring, "alpha");
    assert_int_equal(cJSON_GetObjectItem(alpha, "points")->valueint, 3);
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(alpha, "anchored")));
    /* Possible on points, one band lower while the statin may explain it. */
    assert_string_equal(cJSON_GetObjectItem(alpha, "band")->valuestring, "unlikely");
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(alpha, "flagged")));
    assert_string_equal(cJSON_GetObjectItem(alpha, "explained_by")->valuestring, "statin_use");
    cJSON *beta = cJSON_GetArrayItem(results, 1);
    assert_int_equal(cJSON_GetObjectItem(beta, "points")->valueint, -1);
    cJSON *against = cJSON_GetObjectItem(beta, "reasons_against");
    assert_int_equal(cJSON_GetArraySize(against), 1);
    assert_string_equal(cJSON_GetArrayItem(against, 0)->valuestring, "quote");
    cJSON_Delete(root);
    root = report_json("quote=yes flag=no a1=yes");
    cJSON *rules = cJSON_GetObjectItem(root, "rules");
    assert_int_equal(cJSON_GetArraySize(rules), 1);
    assert_string_equal(cJSON_GetArrayItem(rules, 0)->valuestring, "combo");
    assert_string_equal(cJSON_GetObjectItem(root, "triage")->valuestring, "same_day");
    cJSON_Delete(root);
    root = report_json("quote=no flag=no");
    assert_string_equal(cJSON_GetObjectItem(root, "triage")->valuestring, "self_care");
    cJSON_Delete(root);
    root = report_json("flag=no a1=yes");
    assert_string_equal(cJSON_GetObjectItem(root, "triage")->valuestring, "soon");
    cJSON_Delete(root);
}

static void report_text_reads_well(void **state)
{
    (void)state;
    struct session *se = support_session(sample, "quote=no flag=no a1=yes");
    struct report *r;
    struct results_doc *d = doc_for(se, &r);
    char *text;
    CAPTURE(text, assert_int_equal(output_report_text(out, d, sample, 60), 0));
    assert_non_null(strstr(text, "This is not a diagnosis"));
    assert_non_null(strstr(text, "  1. Alpha: Possible\n"));
    assert_non_null(strstr(text, "    - A1?\n"));
    assert_non_null(strstr(text, "  Role in the body: Does A"));
    assert_non_null(strstr(text, "    - apples\n"));
    assert_non_null(strstr(text, "  2. Beta: Unlikely\n"));
    assert_null(strstr(text, "score")); /* patients see the band's word, never a number */
    assert_null(strstr(text, "[No]"));  /* the answers are the summary's, not the results' */
    assert_null(strstr(text, "Call an ambulance now"));
    assert_null(strstr(text, "Nothing found."));
    assert_non_null(strstr(text, "Not a diagnosis."));
    for (char *line = strtok(text, "\n"); line != NULL; line = strtok(NULL, "\n"))
        assert_true(strlen(line) <= 60);
    free(text);
    results_doc_free(d);
    report_free(r);
    session_free(se);
}

static void report_text_urgent_without_a_verdict(void **state)
{
    (void)state;
    struct session *se = support_session(sample, "quote=no flag=yes");
    struct report *r;
    struct results_doc *d = doc_for(se, &r);
    char *text;
    CAPTURE(text, assert_int_equal(output_report_text(out, d, sample, 78), 0));
    char *urgent = strstr(text, "Call an ambulance now");
    assert_non_null(urgent);
    assert_non_null(strstr(text, "Call now."));
    assert_true(urgent < strstr(text, "1. "));   /* the warning comes before any score */
    assert_null(strstr(text, "Nothing found.")); /* cut short by the red flag: no verdict */
    free(text);
    results_doc_free(d);
    report_free(r);
    session_free(se);
}

static void summary_for_the_doctor(void **state)
{
    (void)state;
    struct session *se = support_session(sample, "quote=yes flag=yes");
    struct report *r;
    struct results_doc *d = doc_for(se, &r);
    char *text;
    setenv("TZ", "UTC", 1);
    CAPTURE(text, assert_int_equal(output_summary(out, d, sample, 1764150000, 70), 0));
    assert_non_null(strstr(text, "Summary for your doctor"));
    assert_non_null(strstr(text, "Date: 2025-11-26 09:40\n"));
    assert_non_null(strstr(text, "Questionnaire: test 1 (en)"));
    /* The level and why first; the stop and what was not asked; nothing
     * ranked as "unlikely". */
    const char *level = strstr(text, "Triage level: Ambulance now\n");
    const char *why = strstr(text, "- Warning sign (Ambulance now): Chest pain?\n");
    const char *stop = strstr(text, "The questions stopped at this emergency");
    const char *given = strstr(text, "Answered yes:\n  - Say");
    const char *ranked = strstr(text, "1. Alpha: Not assessed\n");
    assert_non_null(level);
    assert_true(level < why && why < stop && stop < given && given < ranked);
    assert_non_null(strstr(text, "  statin, stool\n")); /* not asked, by id */
    assert_null(strstr(text, "Unlikely"));
    assert_null(strstr(text, "Call now.")); /* the patient's advice stays on their screen */
    assert_null(strstr(text, "apples"));    /* foods and tips are for the patient */
    free(text);
    /* A time past any calendar (a bogus SOURCE_DATE_EPOCH) does not crash. */
    CAPTURE(text, assert_int_equal(output_summary(out, d, sample, (time_t)INT64_MAX, 70), 0));
    assert_non_null(strstr(text, "Date: ?\n"));
    free(text);
    results_doc_free(d);
    report_free(r);
    session_free(se);
}

static void fhir_questionnaire_response(void **state)
{
    (void)state;
    struct session *se = support_session(sample, "quote=unsure flag=no a1=yes statin=no stool=no");
    char *text;
    CAPTURE(text, assert_int_equal(output_fhir(out, se, 1764150000), 0));
    cJSON *root = cJSON_Parse(text);
    assert_non_null(root);
    assert_string_equal(cJSON_GetObjectItem(root, "resourceType")->valuestring,
                        "QuestionnaireResponse");
    assert_string_equal(cJSON_GetObjectItem(root, "questionnaire")->valuestring,
                        "https://musclecheck.org/fhir/Questionnaire/test-en|1");
    assert_string_equal(cJSON_GetObjectItem(root, "status")->valuestring, "completed");
    assert_string_equal(cJSON_GetObjectItem(root, "authored")->valuestring, "2025-11-26T09:40:00Z");
    cJSON *items = cJSON_GetObjectItem(root, "item");
    assert_int_equal(cJSON_GetArraySize(items), 5);
    const char *codes[] = {"N", "asked-unknown", "Y", "N", "N"};
    const char *ids[] = {"flag", "quote", "a1", "statin", "stool"};
    for (int i = 0; i < 5; i++) {
        cJSON *item = cJSON_GetArrayItem(items, i);
        assert_string_equal(cJSON_GetObjectItem(item, "linkId")->valuestring, ids[i]);
        cJSON *answers = cJSON_GetObjectItem(item, "answer");
        assert_int_equal(cJSON_GetArraySize(answers), 1);
        cJSON *coding = cJSON_GetObjectItem(cJSON_GetArrayItem(answers, 0), "valueCoding");
        assert_string_equal(cJSON_GetObjectItem(coding, "code")->valuestring, codes[i]);
        assert_true(cJSON_IsString(cJSON_GetObjectItem(coding, "system")));
    }
    cJSON_Delete(root);
    free(text);
    session_free(se);
    se = support_session(sample, "quote=no");
    CAPTURE(text, assert_int_equal(output_fhir(out, se, 0), 0));
    assert_non_null(strstr(text, "\"in-progress\""));
    free(text);
    session_free(se);
    /* No answers: no "item" at all, since FHIR JSON has no empty arrays. */
    se = support_session(sample, "");
    CAPTURE(text, assert_int_equal(output_fhir(out, se, 0), 0));
    root = cJSON_Parse(text);
    assert_non_null(root);
    assert_null(cJSON_GetObjectItem(root, "item"));
    assert_null(strstr(text, "[]"));
    cJSON_Delete(root);
    free(text);
    session_free(se);
}

/* The display of a coding in ITEM's answer option I. */
static const char *option_display(cJSON *item, int i)
{
    cJSON *option = cJSON_GetArrayItem(cJSON_GetObjectItem(item, "answerOption"), i);
    return cJSON_GetObjectItem(cJSON_GetObjectItem(option, "valueCoding"), "display")->valuestring;
}

static void fhir_questionnaire(void **state)
{
    (void)state;
    char *text, url[256];
    output_fhir_url(sample, url, sizeof(url));
    assert_string_equal(url, "https://musclecheck.org/fhir/Questionnaire/test-en");
    CAPTURE(text, assert_int_equal(output_fhir_questionnaire(out, sample), 0));
    cJSON *root = cJSON_Parse(text);
    assert_non_null(root);
    assert_string_equal(cJSON_GetObjectItem(root, "resourceType")->valuestring, "Questionnaire");
    assert_string_equal(cJSON_GetObjectItem(root, "url")->valuestring, url);
    assert_string_equal(cJSON_GetObjectItem(root, "version")->valuestring, "1");
    assert_string_equal(cJSON_GetObjectItem(root, "language")->valuestring, "en");
    cJSON *items = cJSON_GetObjectItem(root, "item");
    assert_int_equal(cJSON_GetArraySize(items), 5);
    cJSON *quote = cJSON_GetArrayItem(items, 1), *a1 = cJSON_GetArrayItem(items, 2);
    assert_string_equal(cJSON_GetObjectItem(quote, "linkId")->valuestring, "quote");
    assert_string_equal(cJSON_GetObjectItem(quote, "type")->valuestring, "choice");
    /* The code systems' displays; the questionnaire's own label as a translation. */
    assert_string_equal(option_display(quote, 0), "Yes");
    assert_string_equal(option_display(quote, 1), "No");
    assert_string_equal(option_display(quote, 2), "Asked But Unknown");
    assert_non_null(strstr(text, "\"valueString\":\t\"Not sure\""));
    /* The help is a display item with the help control. */
    cJSON *help = cJSON_GetArrayItem(cJSON_GetObjectItem(quote, "item"), 0);
    assert_string_equal(cJSON_GetObjectItem(help, "linkId")->valuestring, "quote.help");
    assert_string_equal(cJSON_GetObjectItem(help, "type")->valuestring, "display");
    assert_string_equal(cJSON_GetObjectItem(help, "text")->valuestring, "Why we ask.");
    assert_non_null(strstr(text, "\"code\":\t\"help\""));
    /* show_if becomes enableWhen; no help, no child items. */
    assert_null(cJSON_GetObjectItem(cJSON_GetArrayItem(items, 0), "enableWhen"));
    assert_null(cJSON_GetObjectItem(a1, "item"));
    cJSON *when = cJSON_GetArrayItem(cJSON_GetObjectItem(a1, "enableWhen"), 0);
    assert_string_equal(cJSON_GetObjectItem(when, "question")->valuestring, "flag");
    assert_string_equal(cJSON_GetObjectItem(when, "operator")->valuestring, "=");
    assert_string_equal(
        cJSON_GetObjectItem(cJSON_GetObjectItem(when, "answerCoding"), "code")->valuestring, "N");
    assert_null(strstr(text, "[]"));
    assert_null(strstr(text, "{}"));
    cJSON_Delete(root);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(list_text_one_line_per_question),
        cmocka_unit_test(list_json_shape),
        cmocka_unit_test(report_json_shape),
        cmocka_unit_test(report_json_rules_causes_and_reasons_against),
        cmocka_unit_test(report_text_reads_well),
        cmocka_unit_test(report_text_urgent_without_a_verdict),
        cmocka_unit_test(summary_for_the_doctor),
        cmocka_unit_test(fhir_questionnaire_response),
        cmocka_unit_test(fhir_questionnaire),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
