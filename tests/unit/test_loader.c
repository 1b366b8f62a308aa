/* SPDX-License-Identifier: MIT */
/* Tests for the question-file loader: the shipped file, and one test per
 * validation rule, checking the message and where it points. */
#include "support.h"

#include "musclecheck/loader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* First question item's line. */
#define Q1 (SUPPORT_QUESTIONS_LINE + 1)

static const char one_question[] = "  - id: q1\n"
                                   "    text: Are you tired?\n"
                                   "    weights: {alpha: 2}\n";

static void expect(const char *questions, int line, int column, const char *needle)
{
    char *yaml = support_yaml(questions);
    support_expect_error(yaml, line, column, needle);
    free(yaml);
}

/* Replaces the first FROM in the support file (with QUESTIONS) by TO. */
static void expect_edit_in(const char *questions, const char *from, const char *to, int line,
                           int column, const char *needle)
{
    char *yaml = support_yaml(questions);
    char *at = strstr(yaml, from);
    assert_non_null(at);
    char *edited = NULL;
    assert_true(asprintf(&edited, "%.*s%s%s", (int)(at - yaml), yaml, to, at + strlen(from)) > 0);
    support_expect_error(edited, line, column, needle);
    free(edited);
    free(yaml);
}

static void expect_edit(const char *from, const char *to, int line, int column, const char *needle)
{
    expect_edit_in(one_question, from, to, line, column, needle);
}

static void shipped_english_file_loads(void **state)
{
    (void)state;
    struct survey *s = NULL;
    struct diag_list *diags = diag_list_new("en.yaml");
    assert_int_equal(survey_load_file(support_path("questions/en.yaml"), &s, diags), LOAD_OK);
    diag_list_free(diags);
    const char *ids[] = {"vitamin_d", "magnesium", "potassium", "vitamin_b12", "iron"};
    assert_int_equal(survey_condition_count(s), 5);
    for (size_t c = 0; c < 5; c++) {
        const struct condition *cond = survey_condition(s, c);
        assert_string_equal(cond->id, ids[c]);
        assert_true(cond->food_count > 0 && cond->tip_count > 0);
        assert_true(strlen(cond->role) > 0 && strlen(cond->muscle_symptoms) > 0);
    }
    size_t n = survey_question_count(s);
    assert_true(n >= 15 && n <= 30);
    /* Emergency questions come first, then no red flag after the first ordinary one. */
    assert_non_null(survey_question(s, 0)->red_flag);
    bool ordinary_seen = false;
    for (size_t i = 0; i < n; i++) {
        const struct question *q = survey_question(s, i);
        if (q->red_flag == NULL)
            ordinary_seen = true;
        else
            assert_false(ordinary_seen);
        assert_non_null(q->help);
    }
    assert_true(survey_advice_count(s) >= 4);
    survey_free(s);
}

static void minimal_file_loads_with_defaults(void **state)
{
    (void)state;
    char *yaml = support_yaml(one_question);
    struct survey *s = support_load_ok(yaml);
    assert_int_equal(survey_question_count(s), 1);
    const struct question *q = survey_question(s, 0);
    assert_string_equal(q->id, "q1");
    assert_int_equal(q->weights[0], 2);
    assert_int_equal(q->weights[1], 0);
    assert_null(q->help);
    assert_false(q->has_show_if);
    assert_int_equal(q->line, Q1);
    assert_string_equal(survey_ui(s, UI_YES), "Yes");
    assert_int_equal(survey_band(s, 1)->min_score, 40);
    assert_int_equal(survey_min_evidence(s), 2);
    survey_free(s);
    free(yaml);
}

static void windows_line_endings_and_bom_are_accepted(void **state)
{
    (void)state;
    char *yaml = support_yaml(one_question);
    size_t len = strlen(yaml);
    char *crlf = malloc(3 + 2 * len + 1), *o = crlf;
    memcpy(o, "\xEF\xBB\xBF", 3);
    o += 3;
    for (size_t i = 0; i < len; i++) {
        if (yaml[i] == '\n')
            *o++ = '\r';
        *o++ = yaml[i];
    }
    *o = '\0';
    struct survey *s = support_load_ok(crlf);
    assert_string_equal(survey_question(s, 0)->text, "Are you tired?");
    survey_free(s);
    free(crlf);
    free(yaml);
}

static void ui_strings_override_defaults(void **state)
{
    (void)state;
    char *yaml = support_yaml(one_question);
    char *with_ui = NULL;
    assert_true(asprintf(&with_ui, "%sui:\n  yes: \"Sí\"\n", yaml) > 0);
    struct survey *s = support_load_ok(with_ui);
    assert_string_equal(survey_ui(s, UI_YES), "Sí");
    assert_string_equal(survey_ui(s, UI_NO), "No");
    survey_free(s);
    free(with_ui);
    free(yaml);
}

static void yaml_syntax_error_is_located(void **state)
{
    (void)state;
    expect("  - id: q1\n    text: [unclosed\n", Q1 + 2, 0, "YAML syntax error");
}

static void tab_indentation_gets_a_hint(void **state)
{
    (void)state;
    expect("  - id: q1\n\ttext: Tired?\n", Q1 + 1, 1, "indent with spaces");
}

static void unknown_key_suggests_the_close_one(void **state)
{
    (void)state;
    expect("  - id: q1\n    text: Tired?\n    hlep: Because.\n", Q1 + 2, 5,
           "unknown key \"hlep\" in question \"q1\"; did you mean \"help\"?");
    expect_edit("title: Test", "titel: Test", 5, 1, "did you mean \"title\"?");
}

static void unknown_key_far_from_any_gets_no_suggestion(void **state)
{
    (void)state;
    char *yaml = support_yaml("  - id: q1\n    text: Tired?\n    zzzzzzzz: 1\n");
    support_expect_error(yaml, Q1 + 2, 5, "unknown key \"zzzzzzzz\" in question \"q1\"");
    free(yaml);
}

static void missing_required_field(void **state)
{
    (void)state;
    expect("  - id: q1\n    help: Why.\n", Q1, 5, "question \"q1\" has no \"text\"");
    expect("  - text: Tired?\n", Q1, 5, "question 1 has no \"id\"");
    expect_edit("title: Test\n", "", 1, 1, "has no \"title\"");
    expect_edit("    foods: [apples]\n", "", 17, 5, "condition \"alpha\" has no \"foods\"");
}

static void wrong_types(void **state)
{
    (void)state;
    expect("  - id: q1\n    text: [a, b]\n", Q1 + 1, 11, "\"text\" must be a text, not a list");
    expect("  - id: q1\n    text: T\n    weights: [alpha]\n", Q1 + 2, 14,
           "\"weights\" must be a mapping");
    expect_edit("foods: [apples]", "foods: apples", 22, 12, "\"foods\" must be a list");
    expect_edit_in("", "questions:\n", "questions: none\n", SUPPORT_QUESTIONS_LINE, 12,
                   "\"questions\" must be a list");
    expect_edit("min_evidence: 2", "min_evidence: two", 9, 15, "whole number");
    support_expect_error("- format\n- 1\n", 1, 1, "the top level must be a mapping");
}

static void duplicate_question_id(void **state)
{
    (void)state;
    expect("  - id: q1\n    text: A?\n  - id: q1\n    text: B?\n", Q1 + 2, 9,
           "question id \"q1\" is used twice (first at line 32)");
}

static void duplicate_key_in_a_mapping(void **state)
{
    (void)state;
    expect("  - id: q1\n    text: A?\n    text: B?\n", Q1 + 2, 5, "\"text\" is given twice");
}

static void weight_out_of_range_or_not_a_number(void **state)
{
    (void)state;
    expect("  - id: q1\n    text: A?\n    weights: {alpha: 5}\n", Q1 + 2, 22,
           "from 0 to 3, not \"5\"");
    expect("  - id: q1\n    text: A?\n    weights: {alpha: -1}\n", Q1 + 2, 22, "from 0 to 3");
    expect("  - id: q1\n    text: A?\n    weights: {alpha: \"2\"}\n", Q1 + 2, 22, "whole number");
    expect("  - id: q1\n    text: A?\n    weights: {alpha: 1.5}\n", Q1 + 2, 22, "whole number");
}

static void weight_for_unknown_condition(void **state)
{
    (void)state;
    expect("  - id: q1\n    text: A?\n    weights: {alpah: 1}\n", Q1 + 2, 15,
           "unknown condition \"alpah\" in weights; did you mean \"alpha\"?");
}

static void show_if_unknown_later_or_self(void **state)
{
    (void)state;
    expect("  - id: q1\n    text: A?\n    show_if: {question: nope, answer: \"yes\"}\n", Q1 + 2, 25,
           "no question has that id");
    expect("  - id: q1\n    text: A?\n    show_if: {question: q2, answer: \"yes\"}\n"
           "  - id: q2\n    text: B?\n",
           Q1 + 2, 25, "comes later (line 35)");
    expect("  - id: q1\n    text: A?\n    show_if: {question: q1, answer: \"yes\"}\n", Q1 + 2, 25,
           "refers to itself");
    expect("  - id: q1\n    text: A?\n  - id: q2\n    text: B?\n"
           "    show_if: {question: q1, answer: maybe}\n",
           Q1 + 4, 37, "must be yes, no or unsure");
}

static void show_if_follow_up_loads(void **state)
{
    (void)state;
    char *yaml = support_yaml("  - id: q1\n    text: A?\n  - id: q2\n    text: B?\n"
                              "    show_if: {question: q1, answer: \"no\"}\n");
    struct survey *s = support_load_ok(yaml);
    const struct question *q = survey_question(s, 1);
    assert_true(q->has_show_if);
    assert_int_equal(q->show_if_question, 0);
    assert_int_equal(q->show_if_answer, ANSWER_NO);
    survey_free(s);
    free(yaml);
}

static void empty_questionnaire(void **state)
{
    (void)state;
    expect_edit_in("", "questions:\n", "questions: []\n", SUPPORT_QUESTIONS_LINE, 12,
                   "the questionnaire has no questions");
}

static void invalid_utf8(void **state)
{
    (void)state;
    expect("  - id: q1\n    text: caf\xE9 au lait\n", Q1 + 1, 0, "not valid UTF-8");
}

static void empty_file(void **state)
{
    (void)state;
    support_expect_error("", 1, 1, "the file is empty");
    support_expect_error("# only a comment\n", 1, 1, "the file is empty");
}

static void aliases_are_refused(void **state)
{
    (void)state;
    expect("  - id: q1\n    text: &t Tired?\n  - id: q2\n    text: *t\n", Q1 + 3, 11,
           "aliases (*t) are not supported");
}

static void nesting_and_size_limits(void **state)
{
    (void)state;
    char deep[LOADER_MAX_DEPTH * 2 + 64];
    size_t n = 0;
    n += (size_t)sprintf(deep + n, "x: ");
    for (int i = 0; i < LOADER_MAX_DEPTH + 1; i++)
        deep[n++] = '[';
    deep[n] = '\0';
    support_expect_error(deep, 1, 0, "nested too deeply");

    size_t big = LOADER_MAX_TEXT + 10;
    char *text = malloc(big + 64);
    int len = sprintf(text, "title: ");
    memset(text + len, 'a', big);
    text[len + big] = '\0';
    support_expect_error(text, 1, 8, "too long");
    free(text);
}

static void too_large_buffer(void **state)
{
    (void)state;
    size_t len = LOADER_MAX_FILE_BYTES + 1;
    char *buf = calloc(1, len + 1);
    memset(buf, '#', len);
    struct diag_list *diags = diag_list_new("big.yaml");
    assert_null(survey_load_buffer("big.yaml", buf, len, diags));
    assert_non_null(strstr(diag_get(diags, 0)->message, "too large"));
    diag_list_free(diags);
    free(buf);
}

static void bands_must_rise_from_zero(void **state)
{
    (void)state;
    expect_edit("min_score: 0}", "min_score: 5}", 11, 48, "must start at min_score 0");
    expect_edit("min_score: 70}", "min_score: 30}", 13, 44, "bands must go up");
    expect_edit("min_score: 70}", "min_score: 101}", 13, 44, "from 0 to 100");
}

static void unsupported_format_and_second_document(void **state)
{
    (void)state;
    expect_edit("format: 1", "format: 2", 1, 9, "format 2 is not supported");
    char *yaml = support_yaml(one_question);
    char *two = NULL;
    assert_true(asprintf(&two, "%s---\ntitle: again\n", yaml) > 0);
    support_expect_error(two, Q1 + 3, 1, "second YAML document");
    free(two);
    free(yaml);
}

static void invalid_ids(void **state)
{
    (void)state;
    expect("  - id: Night Cramps\n    text: A?\n", Q1, 9, "not a valid question id");
}

static void several_errors_are_all_reported(void **state)
{
    (void)state;
    char *yaml = support_yaml("  - id: q1\n    txt: A?\n  - id: q1\n    text: B?\n"
                              "    weights: {beta: 9}\n");
    struct diag_list *diags = diag_list_new("test.yaml");
    assert_null(survey_load_buffer("test.yaml", yaml, strlen(yaml), diags));
    assert_true(diag_count(diags) >= 4); /* unknown key, missing text, duplicate, weight */
    diag_list_free(diags);
    free(yaml);
}

static void missing_file_and_folder(void **state)
{
    (void)state;
    struct survey *s = NULL;
    struct diag_list *diags = diag_list_new("nope.yaml");
    assert_int_equal(survey_load_file("/nonexistent/nope.yaml", &s, diags), LOAD_NO_INPUT);
    assert_non_null(strstr(diag_get(diags, 0)->message, "no such file"));
    diag_list_free(diags);
    diags = diag_list_new("questions");
    assert_int_equal(survey_load_file(support_path("questions"), &s, diags), LOAD_NO_INPUT);
    assert_non_null(strstr(diag_get(diags, 0)->message, "folder"));
    assert_null(s);
    diag_list_free(diags);
}

static void control_characters_are_refused(void **state)
{
    (void)state;
    /* Escapes in quoted texts are the only way in: libyaml refuses them raw. */
    expect("  - id: q1\n"
           "    text: \"Are you \\e[2Jtired?\"\n"
           "    weights: {alpha: 2}\n",
           Q1 + 1, 11, "control character (character 9, U+001B)");
    expect("  - id: q1\n"
           "    text: \"Are you\\rtired?\"\n"
           "    weights: {alpha: 2}\n",
           Q1 + 1, 11, "carriage return (character 8)");
    expect("  - id: q1\n"
           "    text: \"Caf\u00e9\\u009b1m\"\n"
           "    weights: {alpha: 2}\n",
           Q1 + 1, 11, "U+009B");
    expect("  - id: q1\n"
           "    text: Are you tired?\n"
           "    help: \"Why\\x7f\"\n"
           "    weights: {alpha: 2}\n",
           Q1 + 2, 11, "U+007F");
    /* Line breaks, escaped or in block texts, and tabs are fine. */
    char *yaml = support_yaml("  - id: q1\n"
                              "    text: \"Are you\\ntired?\\tNow?\"\n"
                              "    help: |\n"
                              "      Two\n"
                              "      lines.\n"
                              "    weights: {alpha: 2}\n");
    struct survey *s = support_load_ok(yaml);
    free(yaml);
    survey_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_english_file_loads),
        cmocka_unit_test(minimal_file_loads_with_defaults),
        cmocka_unit_test(windows_line_endings_and_bom_are_accepted),
        cmocka_unit_test(ui_strings_override_defaults),
        cmocka_unit_test(yaml_syntax_error_is_located),
        cmocka_unit_test(tab_indentation_gets_a_hint),
        cmocka_unit_test(unknown_key_suggests_the_close_one),
        cmocka_unit_test(unknown_key_far_from_any_gets_no_suggestion),
        cmocka_unit_test(missing_required_field),
        cmocka_unit_test(wrong_types),
        cmocka_unit_test(duplicate_question_id),
        cmocka_unit_test(duplicate_key_in_a_mapping),
        cmocka_unit_test(weight_out_of_range_or_not_a_number),
        cmocka_unit_test(weight_for_unknown_condition),
        cmocka_unit_test(show_if_unknown_later_or_self),
        cmocka_unit_test(show_if_follow_up_loads),
        cmocka_unit_test(empty_questionnaire),
        cmocka_unit_test(invalid_utf8),
        cmocka_unit_test(empty_file),
        cmocka_unit_test(aliases_are_refused),
        cmocka_unit_test(nesting_and_size_limits),
        cmocka_unit_test(too_large_buffer),
        cmocka_unit_test(bands_must_rise_from_zero),
        cmocka_unit_test(unsupported_format_and_second_document),
        cmocka_unit_test(invalid_ids),
        cmocka_unit_test(several_errors_are_all_reported),
        cmocka_unit_test(missing_file_and_folder),
        cmocka_unit_test(control_characters_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
