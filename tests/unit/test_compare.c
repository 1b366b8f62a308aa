/* SPDX-License-Identifier: MIT */
/* Tests for comparing a translation with its reference questionnaire. */
#include "support.h"

#include "musclecheck/compare.h"
#include "sample.h"

#include <stdlib.h>
#include <string.h>

/* Compares the sample with FROM replaced by TO; returns the first message
 * (static) and the count in *N. */
static const char *compare_edit(const char *from, const char *to, size_t *n)
{
    static char message[512];
    char *yaml = support_yaml(sample_questions);
    char *at = strstr(yaml, from);
    assert_non_null(at);
    char *edited = NULL;
    assert_true(asprintf(&edited, "%.*s%s%s", (int)(at - yaml), yaml, to, at + strlen(from)) > 0);
    struct survey *tr = support_load_ok(edited);
    struct diag_list *diags = diag_list_new("es.yaml");
    *n = survey_compare(support_sample, tr, diags);
    snprintf(message, sizeof(message), "%s", *n > 0 ? diag_get(diags, 0)->message : "");
    diag_list_free(diags);
    survey_free(tr);
    free(edited);
    free(yaml);
    return message;
}

static void translated_texts_are_fine(void **state)
{
    (void)state;
    size_t n;
    compare_edit("text: A1?", "text: ¿A1 en español?", &n);
    assert_int_equal(n, 0);
    compare_edit("name: Alpha", "name: Alfa", &n);
    assert_int_equal(n, 0);
}

static void structural_changes_are_reported(void **state)
{
    (void)state;
    size_t n;
    assert_non_null(strstr(compare_edit("weights: {alpha: 3}", "weights: {alpha: 2}", &n),
                           "weighs alpha 2 here but 3"));
    assert_int_equal(n, 1);
    assert_non_null(strstr(compare_edit("id: a2", "id: a_two", &n), "keep the ids"));
    assert_non_null(
        strstr(compare_edit("answer: \"yes\"}", "answer: \"no\"}", &n), "different show_if"));
    assert_non_null(
        strstr(compare_edit("    red_flag: Call for help now.\n", "", &n), "lacks a red_flag"));
    assert_non_null(strstr(compare_edit("min_score: 40", "min_score: 45", &n), "bands"));
    assert_non_null(strstr(compare_edit("min_evidence: 2", "min_evidence: 3", &n), "min_evidence"));
    compare_edit("  - id: b1\n    text: B1?\n    weights: {beta: 2}\n", "", &n);
    assert_true(n >= 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(translated_texts_are_fine),
        cmocka_unit_test(structural_changes_are_reported),
    };
    return cmocka_run_group_tests(tests, support_sample_setup, support_sample_teardown);
}
