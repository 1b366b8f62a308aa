/* SPDX-License-Identifier: MIT */
/* Tests for comparing a translation with its reference questionnaire: texts
 * may change; evidence, red-flag levels, priors, anchors, rules, other
 * causes, bands and the non-specific cap may not. */
#include "support.h"

#include "musclecheck/compare.h"
#include "sample.h"

#include <stdlib.h>
#include <string.h>

static struct survey *model;
static char *sample_yaml;

static int setup(void **state)
{
    support_sample_setup(state);
    model = support_model_load();
    sample_yaml = support_yaml(sample_questions);
    return 0;
}

static int teardown(void **state)
{
    survey_free(model);
    free(sample_yaml);
    return support_sample_teardown(state);
}

/* Compares REF (loaded from REF_YAML) with REF_YAML whose first FROM is
 * replaced by TO; returns every message, one per line (static), and the
 * count in *N. */
static const char *compare_in(const struct survey *ref, const char *ref_yaml, const char *from,
                              const char *to, size_t *n)
{
    static char messages[4096];
    const char *at = strstr(ref_yaml, from);
    if (at == NULL)
        fail_msg("\"%s\" is not in the file", from);
    char *edited = NULL;
    assert_true(
        asprintf(&edited, "%.*s%s%s", (int)(at - ref_yaml), ref_yaml, to, at + strlen(from)) > 0);
    struct survey *tr = support_load_ok(edited);
    struct diag_list *diags = diag_list_new("es.yaml");
    *n = survey_compare(ref, tr, diags);
    size_t used = 0;
    messages[0] = '\0';
    for (size_t i = 0; i < diag_kept(diags) && used < sizeof(messages); i++)
        used += (size_t)snprintf(messages + used, sizeof(messages) - used, "%s\n",
                                 diag_get(diags, i)->message);
    diag_list_free(diags);
    survey_free(tr);
    free(edited);
    return messages;
}

static const char *compare_edit(const char *from, const char *to, size_t *n)
{
    return compare_in(support_sample, sample_yaml, from, to, n);
}

static const char *compare_model(const char *from, const char *to, size_t *n)
{
    return compare_in(model, model_yaml, from, to, n);
}

/* Asserts that MESSAGES (*N of them) hold NEEDLE and that there was exactly
 * one difference. */
static void expect_one(const char *messages, const size_t *n, const char *needle)
{
    if (strstr(messages, needle) == NULL || *n != 1)
        fail_msg("expected one difference mentioning \"%s\", got %zu:\n%s", needle, *n, messages);
}

static void translated_texts_are_fine(void **state)
{
    (void)state;
    size_t n;
    compare_edit("text: A1?", "text: ¿A1 en español?", &n);
    assert_int_equal(n, 0);
    compare_edit("name: Alpha", "name: Alfa", &n);
    assert_int_equal(n, 0);
    compare_edit("red_flag: Call for help now.", "red_flag: Pida ayuda ya.", &n);
    assert_int_equal(n, 0);
    compare_model("advice: Call 999 now.", "advice: Llame al 112 ya.", &n);
    assert_int_equal(n, 0);
    compare_model("advice: Speak to a pharmacist today", "advice: Hable hoy con un farmacéutico",
                  &n);
    assert_int_equal(n, 0);
    compare_model("name: A statin", "name: Una estatina", &n);
    assert_int_equal(n, 0);
    /* The shorthand and the mapping it stands for are the same evidence. */
    compare_edit("evidence: {alpha: 3}", "evidence: {alpha: {yes: 3, no: 0, kind: sign}}", &n);
    assert_int_equal(n, 0);
    /* So is a plain-text red flag and an emergency mapping with the same advice. */
    compare_edit("red_flag: Call for help now.",
                 "red_flag: {level: ambulance, advice: Call for help now.}", &n);
    assert_int_equal(n, 0);
}

static void changed_evidence_is_reported(void **state)
{
    (void)state;
    size_t n;
    expect_one(compare_edit("evidence: {alpha: 3}", "evidence: {alpha: 2}", &n), &n,
               "question \"a1\" gives alpha {yes: 2, no: 0, kind: sign} here but {yes: 3, no: "
               "0, kind: sign}");
    expect_one(compare_edit("evidence: {alpha: 3}", "evidence: {alpha: {yes: 3, kind: cause}}", &n),
               &n, "kind: cause} here but");
    expect_one(compare_edit("evidence: {alpha: 3}", "evidence: {alpha: {yes: 3, no: -1}}", &n), &n,
               "no: -1");
    expect_one(compare_edit("evidence: {alpha: 3}", "evidence: {alpha: 3, beta: 1}", &n), &n,
               "gives beta");
    expect_one(compare_model("alpha: {yes: 2, no: -1, kind: nonspecific}",
                             "alpha: {yes: 2, no: -1, kind: risk}", &n),
               &n, "a translation must not change the evidence");
}

static void changed_red_flags_are_reported(void **state)
{
    (void)state;
    size_t n;
    expect_one(compare_model("red_flag: {level: ambulance, advice: Call 999 now.}",
                             "red_flag: {level: same_day, advice: Llame hoy.}", &n),
               &n, "question \"stroke\" has red-flag level same_day here but ambulance");
    /* Dropped (the question keeps counting through evidence, which also differs). */
    const char *m =
        compare_edit("    red_flag: Call for help now.\n", "    evidence: {alpha: 1}\n", &n);
    assert_non_null(strstr(m, "question \"flag\" lacks a red_flag"));
}

static void changed_prior_or_anchor_is_reported(void **state)
{
    (void)state;
    size_t n;
    expect_one(compare_model("prior: -1", "prior: 0", &n), &n,
               "condition \"beta\" has a different prior or anchor");
    expect_one(compare_model("anchor: [cause]", "anchor: [sign, cause]", &n), &n,
               "condition \"kappa\" has a different prior or anchor");
    expect_one(compare_model("anchor: [cause]}", "anchor: [cause], prior: 1}", &n), &n, "kappa");
}

static void changed_rules_are_reported(void **state)
{
    (void)state;
    size_t n;
    expect_one(compare_model("    level: same_day\n    when: [[tablets], [cramps, weak]]",
                             "    level: ambulance\n    when: [[tablets], [cramps, weak]]", &n),
               &n, "triage rule \"kappa_loss\" differs");
    expect_one(
        compare_model("when: [[tablets], [cramps, weak]]", "when: [[tablets], [cramps]]", &n), &n,
        "keep its id, level, questions and checks");
    expect_one(compare_model("when: [[faint], [tablets]]", "when: [[tablets], [faint]]", &n), &n,
               "triage rule \"collapse\" differs");
    expect_one(compare_model("  - id: collapse\n", "  - id: collapsed\n", &n), &n,
               "differs from \"collapse\"");
    expect_one(compare_model("  - id: kappa_loss\n"
                             "    level: same_day\n"
                             "    when: [[tablets], [cramps, weak]]\n"
                             "    advice: Speak to a pharmacist today about your water tablets.\n",
                             "", &n),
               &n, "1 triage_rules here but 2");
}

static void changed_other_causes_are_reported(void **state)
{
    (void)state;
    size_t n;
    expect_one(compare_model("explains: [beta]", "explains: [alpha]", &n), &n,
               "other cause \"statin_use\" differs");
    expect_one(compare_model("explains: [beta]", "explains: [beta, kappa]", &n), &n,
               "the conditions it explains");
    expect_one(compare_model("    explains: [beta]\n", "", &n), &n, "statin_use");
    expect_one(compare_model("when: [[statin], [aches, weak]]", "when: [[statin], [aches]]", &n),
               &n, "keep its id, questions");
    expect_one(compare_model("other_causes:\n",
                             "other_causes:\n"
                             "  - {id: extra, name: Extra, text: More., when: [[statin]]}\n",
                             &n),
               &n, "2 other_causes here but 1");
}

static void changed_structure_is_reported(void **state)
{
    (void)state;
    size_t n;
    expect_one(compare_edit("id: a2", "id: a_two", &n), &n, "keep the ids");
    expect_one(compare_edit("answer: \"yes\"}", "answer: \"no\"}", &n), &n, "different show_if");
    expect_one(compare_edit("min_points: 3", "min_points: 4", &n), &n, "bands");
    char *with_cap = NULL;
    assert_true(asprintf(&with_cap, "%snonspecific_cap: 3\n", sample_yaml) > 0);
    struct survey *tr = support_load_ok(with_cap);
    struct diag_list *diags = diag_list_new("es.yaml");
    assert_int_equal(survey_compare(support_sample, tr, diags), 1);
    assert_non_null(strstr(diag_get(diags, 0)->message, "nonspecific_cap"));
    diag_list_free(diags);
    survey_free(tr);
    free(with_cap);
    compare_edit("  - id: b1\n    text: B1?\n    evidence: {beta: 2}\n", "", &n);
    assert_true(n >= 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(translated_texts_are_fine),
        cmocka_unit_test(changed_evidence_is_reported),
        cmocka_unit_test(changed_red_flags_are_reported),
        cmocka_unit_test(changed_prior_or_anchor_is_reported),
        cmocka_unit_test(changed_rules_are_reported),
        cmocka_unit_test(changed_other_causes_are_reported),
        cmocka_unit_test(changed_structure_is_reported),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
