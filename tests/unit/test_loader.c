/* SPDX-License-Identifier: MIT */
/* Tests for the question-file loader: the shipped file, and one test per
 * validation rule, checking the message and where it points. */
#include "support.h"

#include "failmalloc.h"
#include "musclecheck/loader.h"
#include "musclecheck/output.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* First question item's line. */
#define Q1 (SUPPORT_QUESTIONS_LINE + 1)

static const char one_question[] = "  - id: q1\n"
                                   "    text: Are you tired?\n"
                                   "    evidence: {alpha: 2}\n";

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

/* Every message of loading YAML, one "line:column: message" per line after
 * their count, and the survey as JSON when it loads. The caller frees it. */
static char *outcome(const char *yaml)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    assert_non_null(out);
    struct diag_list *diags = diag_list_new("test.yaml");
    struct survey *s = survey_load_buffer("test.yaml", yaml, strlen(yaml), diags);
    fprintf(out, "%zu messages\n", diag_count(diags));
    for (size_t i = 0; i < diag_kept(diags); i++) {
        const struct diag *d = diag_get(diags, i);
        fprintf(out, "%d:%d: %s\n", d->line, d->column, d->message);
    }
    if (s != NULL)
        assert_int_equal(output_list_json(out, s), 0);
    survey_free(s);
    diag_list_free(diags);
    fclose(out);
    return text;
}

/* Loads YAML (then frees it): the outcome has every text of PRESENT
 * (NULL-terminated) and not ABSENT (unless NULL). */
static void expect_outcome(char *yaml, const char *const *present, const char *absent)
{
    char *text = outcome(yaml);
    for (; *present != NULL; present++)
        if (strstr(text, *present) == NULL)
            fail_msg("\"%s\" missing from:\n%s", *present, text);
    if (absent != NULL && strstr(text, absent) != NULL)
        fail_msg("\"%s\" unexpected in:\n%s", absent, text);
    free(text);
    free(yaml);
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = calloc(1, 1 << 20);
    assert_non_null(buf);
    assert_true(fread(buf, 1, (1 << 20) - 1, f) > 0);
    fclose(f);
    return buf;
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
    /* Potassium is lifted only by a cause of loss (water tablets, diarrhoea, ...). */
    assert_int_equal(survey_condition(s, 2)->anchors, 1u << EVIDENCE_CAUSE);
    size_t n = survey_question_count(s);
    assert_true(n >= 15 && n <= 100);
    /* Emergency questions come first: none after the first ordinary one. */
    assert_non_null(survey_question(s, 0)->red_flag);
    assert_int_equal(survey_question(s, 0)->red_flag_level, TRIAGE_AMBULANCE);
    bool ordinary_seen = false, same_day_seen = false;
    for (size_t i = 0; i < n; i++) {
        const struct question *q = survey_question(s, i);
        if (q->red_flag == NULL)
            ordinary_seen = true;
        else if (q->red_flag_level == TRIAGE_AMBULANCE)
            assert_false(ordinary_seen);
        else
            same_day_seen = true;
        assert_non_null(q->help);
    }
    assert_true(same_day_seen);
    assert_true(survey_advice_count(s) >= 4);
    assert_true(survey_rule_count(s) >= 1);
    assert_string_equal(survey_rule(s, 0)->id, "potassium_loss");
    assert_int_equal(survey_rule(s, 0)->level, TRIAGE_SAME_DAY);
    assert_true(survey_other_cause_count(s) >= 1);
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
    assert_int_equal(q->evidence[0].yes, 2); /* the shorthand: yes points of a sign */
    assert_int_equal(q->evidence[0].no, 0);
    assert_int_equal(q->evidence[0].kind, EVIDENCE_SIGN);
    assert_false(evidence_any(&q->evidence[1]));
    assert_null(q->red_flag);
    assert_null(q->help);
    assert_false(q->has_show_if);
    assert_int_equal(q->line, Q1);
    assert_string_equal(survey_ui(s, UI_YES), "Yes");
    assert_int_equal(survey_band(s, 1)->min_points, 3);
    assert_int_equal(survey_nonspecific_cap(s), 2);
    assert_true(survey_reviewed(s));
    assert_int_equal(survey_rule_count(s), 0);
    assert_int_equal(survey_other_cause_count(s), 0);
    const struct condition *alpha = survey_condition(s, 0);
    assert_int_equal(alpha->prior, 0);
    assert_int_equal(alpha->anchors, 1u << EVIDENCE_SIGN | 1u << EVIDENCE_CAUSE);
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
    expect("  - id: q1\n    text: T\n    evidence: [alpha]\n", Q1 + 2, 15,
           "\"evidence\" must be a mapping of condition ids to points");
    expect_edit("foods: [apples]", "foods: apples", 22, 12, "\"foods\" must be a list");
    expect_edit_in("", "questions:\n", "questions: none\n", SUPPORT_QUESTIONS_LINE, 12,
                   "\"questions\" must be a list");
    expect_edit("review_status: reviewed", "nonspecific_cap: two", 9, 18,
                "\"nonspecific_cap\" must be a whole number from 0 to 20, not \"two\"");
    support_expect_error("- format\n- 1\n", 1, 1, "the top level must be a mapping");
}

static void duplicate_question_id(void **state)
{
    (void)state;
    expect("  - id: q1\n    text: A?\n  - id: q1\n    text: B?\n", Q1 + 2, 9,
           "question id \"q1\" is used twice (first at line 32)");
}

/* Every list's ids are checked the same way; each message names the list. */
static void ids_are_unique_in_every_list(void **state)
{
    (void)state;
    expect_edit("id: beta", "id: alpha", 24, 9,
                "condition id \"alpha\" is used twice (first by condition 1)");
    expect_edit("id: possible", "id: unlikely", 12, 10, "band id \"unlikely\" is used twice");
    /* A third band with that id gets one message too, not one per band before it. */
    char *yaml = support_yaml(one_question);
    const char *bands = "  - {id: possible, label: Possible, min_points: 3}\n"
                        "  - {id: likely, label: Likely, min_points: 5}\n";
    char *at = strstr(yaml, bands), *edited = NULL;
    assert_non_null(at);
    assert_true(asprintf(&edited,
                         "%.*s  - {id: unlikely, label: Possible, min_points: 3}\n"
                         "  - {id: unlikely, label: Likely, min_points: 5}\n%s",
                         (int)(at - yaml), yaml, at + strlen(bands)) > 0);
    char *text = outcome(edited);
    assert_string_equal(text, "2 messages\n"
                              "12:10: band id \"unlikely\" is used twice\n"
                              "13:10: band id \"unlikely\" is used twice\n");
    free(text);
    free(edited);
    free(yaml);
}

static void duplicate_key_in_a_mapping(void **state)
{
    (void)state;
    expect("  - id: q1\n    text: A?\n    text: B?\n", Q1 + 2, 5, "\"text\" is given twice");
}

static void weight_out_of_range_or_not_a_number(void **state)
{
    (void)state;
    expect("  - id: q1\n    text: A?\n    evidence: {alpha: 6}\n", Q1 + 2, 23,
           "the points for \"alpha\" must be a whole number from 0 to 5, not \"6\"");
    expect("  - id: q1\n    text: A?\n    evidence: {alpha: -1}\n", Q1 + 2, 23, "from 0 to 5");
    expect("  - id: q1\n    text: A?\n    evidence: {alpha: \"2\"}\n", Q1 + 2, 23, "whole number");
    expect("  - id: q1\n    text: A?\n    evidence: {alpha: 1.5}\n", Q1 + 2, 23, "whole number");
}

static void weight_for_unknown_condition(void **state)
{
    (void)state;
    expect("  - id: q1\n    text: A?\n    evidence: {alpah: 1}\n", Q1 + 2, 16,
           "unknown condition \"alpah\" in evidence; did you mean \"alpha\"?");
    expect("  - id: q1\n    text: A?\n    evidence: {zzzzzz: 1}\n", Q1 + 2, 16,
           "unknown condition \"zzzzzz\" in evidence; the conditions are listed");
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
    /* In a list, the bad answer itself is pointed at. */
    expect("  - id: q1\n    text: A?\n  - id: q2\n    text: B?\n"
           "    show_if: {question: q1, answer: [\"yes\", maybe]}\n",
           Q1 + 4, 45, "must be yes, no or unsure, not \"maybe\"");
    expect("  - id: q1\n    text: A?\n  - id: q2\n    text: B?\n"
           "    show_if: {question: q1, answer: []}\n",
           Q1 + 4, 37, "answer list is empty");
}

/* "Not sure" can open a follow-up as "yes" does: the session asks q2 after
 * either, and not after "no". */
static void show_if_answer_list(void **state)
{
    (void)state;
    char *yaml = support_yaml("  - id: q1\n    text: A?\n  - id: q2\n    text: B?\n"
                              "    show_if: {question: q1, answer: [\"yes\", \"unsure\"]}\n"
                              "    evidence: {beta: 1}\n");
    struct survey *s = support_load_ok(yaml);
    const struct question *q = survey_question(s, 1);
    assert_int_equal(q->show_if_answers, SHOW_IF_MASK(ANSWER_YES) | SHOW_IF_MASK(ANSWER_UNSURE));
    struct session *se = session_new(s);
    assert_non_null(se);
    const enum answer opens[] = {ANSWER_YES, ANSWER_NO, ANSWER_UNSURE};
    const bool shown[] = {true, false, true};
    for (size_t k = 0; k < 3; k++) {
        session_set_answer(se, 0, opens[k]);
        assert_int_equal(session_visible(se, 1), shown[k]);
    }
    session_free(se);
    survey_free(s);
    free(yaml);
}

static void show_if_follow_up_loads(void **state)
{
    (void)state;
    char *yaml = support_yaml("  - id: q1\n    text: A?\n  - id: q2\n    text: B?\n"
                              "    show_if: {question: q1, answer: \"no\"}\n"
                              "    evidence: {beta: 1}\n");
    struct survey *s = support_load_ok(yaml);
    const struct question *q = survey_question(s, 1);
    assert_true(q->has_show_if);
    assert_int_equal(q->show_if_question, 0);
    assert_int_equal(q->show_if_answers, SHOW_IF_MASK(ANSWER_NO));
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
    /* libyaml names the byte where a character breaks off; the broken
     * beginning before it counts as one column, as each whole character does. */
    expect("  - id: q1\n    text: caf\xC3 au lait\n", Q1 + 1, 15, "not valid UTF-8");
    expect("  - id: q1\n    text: caf\xE2\x82 au lait\n", Q1 + 1, 15, "not valid UTF-8");
    expect("  - id: q1\n    text: caf\u00e9\xE2\x82 au lait\n", Q1 + 1, 16, "not valid UTF-8");
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
    expect_edit("min_points: 0}", "min_points: 1}", 11, 49,
                "the first band must start at min_points 0, not 1");
    expect_edit("min_points: 5}", "min_points: 2}", 13, 45,
                "bands must go up: min_points 2 is not above the previous band's 3");
    expect_edit("min_points: 5}", "min_points: 101}", 13, 45, "from 0 to 100");
    expect_edit("min_points: 3}", "min_score: 40}", 12, 37, "unknown key \"min_score\" in band 2");
}

static void unsupported_format_and_second_document(void **state)
{
    (void)state;
    expect_edit("format: 2", "format: 3", 1, 9,
                "format 3 is not supported by this version of musclecheck (it reads format 2)");
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
                              "    evidence: {beta: 9}\n");
    struct diag_list *diags = diag_list_new("test.yaml");
    assert_null(survey_load_buffer("test.yaml", yaml, strlen(yaml), diags));
    assert_true(diag_count(diags) >= 4); /* unknown key, missing text, duplicate, points */
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

/* SUPPORT_QUESTIONS_LINE's file with TOP (top-level keys) after QUESTIONS. */
static void expect_after(const char *questions, const char *top, int line, int column,
                         const char *needle)
{
    char *both = NULL;
    assert_true(asprintf(&both, "%s%s", questions, top) > 0);
    expect(both, line, column, needle);
    free(both);
}

/* Loads the support file with QUESTIONS (and what follows them). */
static struct survey *load_questions(const char *questions)
{
    char *yaml = support_yaml(questions);
    struct survey *s = support_load_ok(yaml);
    free(yaml);
    return s;
}

static void format_1_is_refused_with_the_conversion_hint(void **state)
{
    (void)state;
    expect_edit("format: 2", "format: 1", 1, 9,
                "format 1 (weights and scores) is no longer read; this version of musclecheck "
                "reads format 2 (evidence points, triage levels): see \"Converting a format 1 "
                "file\" in docs/question-format.md");
    /* A real format 1 file gets that message alone, not one per old key. */
    struct diag_list *diags = diag_list_new("old.yaml");
    struct survey *old = NULL;
    assert_int_equal(survey_load_file(support_path("tests/data/bad/format-1.yaml"), &old, diags),
                     LOAD_BAD_DATA);
    assert_int_equal(diag_count(diags), 1);
    diag_list_free(diags);
    /* Format 1's keys are unknown now. */
    expect("  - id: q1\n    text: A?\n    weights: {alpha: 2}\n", Q1 + 2, 5,
           "unknown key \"weights\" in question \"q1\"");
    expect_edit("review_status: reviewed", "min_evidence: 2", 9, 1,
                "unknown key \"min_evidence\" in the top level");
    expect_edit("min_points: 3}", "min_score: 40}", 12, 5, "band 2 has no \"min_points\"");
}

static void evidence_shorthand_and_mapping_forms(void **state)
{
    (void)state;
    struct survey *s = load_questions("  - id: q1\n"
                                      "    text: A?\n"
                                      "    evidence:\n"
                                      "      alpha: 2\n"
                                      "      beta: {yes: 3, no: -2, kind: cause}\n"
                                      "  - id: q2\n"
                                      "    text: B?\n"
                                      "    evidence: {alpha: {yes: 0, no: -3, kind: risk}, beta: "
                                      "{yes: 5, kind: nonspecific}}\n");
    const struct question *q1 = survey_question(s, 0), *q2 = survey_question(s, 1);
    assert_int_equal(q1->evidence[0].yes, 2);
    assert_int_equal(q1->evidence[0].no, 0);
    assert_int_equal(q1->evidence[0].kind, EVIDENCE_SIGN);
    assert_int_equal(q1->evidence[1].yes, 3);
    assert_int_equal(q1->evidence[1].no, -2);
    assert_int_equal(q1->evidence[1].kind, EVIDENCE_CAUSE);
    assert_int_equal(q2->evidence[0].yes, 0);
    assert_int_equal(q2->evidence[0].no, -3);
    assert_int_equal(q2->evidence[0].kind, EVIDENCE_RISK);
    assert_int_equal(q2->evidence[1].yes, 5);
    assert_int_equal(q2->evidence[1].no, 0); /* the default */
    assert_int_equal(q2->evidence[1].kind, EVIDENCE_NONSPECIFIC);
    survey_free(s);
}

static void evidence_yes_and_no_ranges(void **state)
{
    (void)state;
    expect("  - id: q1\n    text: A?\n    evidence: {alpha: {yes: 6}}\n", Q1 + 2, 29,
           "\"yes\" must be a whole number from 0 to 5, not \"6\"");
    expect("  - id: q1\n    text: A?\n    evidence: {alpha: {yes: -1}}\n", Q1 + 2, 29,
           "\"yes\" must be a whole number from 0 to 5, not \"-1\"");
    expect("  - id: q1\n    text: A?\n    evidence: {alpha: {yes: 1, no: 1}}\n", Q1 + 2, 36,
           "\"no\" must be a whole number from -3 to 0, not \"1\"");
    expect("  - id: q1\n    text: A?\n    evidence: {alpha: {yes: 1, no: -4}}\n", Q1 + 2, 36,
           "\"no\" must be a whole number from -3 to 0, not \"-4\"");
    expect("  - id: q1\n    text: A?\n    evidence: {alpha: {no: -1}}\n", Q1 + 2, 23,
           "the evidence for \"alpha\" has no \"yes\"; add a \"yes:\" line");
    expect("  - id: q1\n    text: A?\n    evidence: {alpha: {yse: 1}}\n", Q1 + 2, 24,
           "unknown key \"yse\" in the evidence for \"alpha\"; did you mean \"yes\"?");
    expect("  - id: q1\n    text: A?\n    evidence: {alpha: 1, alpha: 2}\n", Q1 + 2, 0,
           "the evidence for \"alpha\" is given twice");
}

static void unknown_evidence_kind(void **state)
{
    (void)state;
    expect("  - id: q1\n    text: A?\n    evidence: {alpha: {yes: 1, kind: strong}}\n", Q1 + 2, 38,
           "kind must be sign, cause, risk or nonspecific, not \"strong\"");
    expect("  - id: q1\n    text: A?\n    evidence: {alpha: {yes: 1, kind: [sign]}}\n", Q1 + 2, 38,
           "kind must be sign, cause, risk or nonspecific, not a list");
}

static void anchor_is_sign_or_cause_only(void **state)
{
    (void)state;
    expect_edit("    tips: [eat apples]\n", "    tips: [eat apples]\n    anchor: [sign, risk]\n",
                24, 20,
                "only sign and cause can anchor a condition; risk evidence never lifts one alone");
    expect_edit("    tips: [eat apples]\n", "    tips: [eat apples]\n    anchor: [nonspecific]\n",
                24, 14, "nonspecific evidence never lifts one alone");
    expect_edit("    tips: [eat apples]\n", "    tips: [eat apples]\n    anchor: []\n", 24, 13,
                "\"anchor\" must be a list of evidence kinds, like [sign, cause]");
    expect_edit("    tips: [eat apples]\n", "    tips: [eat apples]\n    anchor: cause\n", 24, 13,
                "\"anchor\" must be a list of evidence kinds");
    expect_edit("    tips: [eat apples]\n", "    tips: [eat apples]\n    anchor: [sing]\n", 24, 14,
                "kind must be sign, cause, risk or nonspecific, not \"sing\"");
    /* A cause-only anchor loads. */
    char *yaml = support_yaml(one_question);
    char *at = strstr(yaml, "    tips: [eat apples]\n");
    char *edited = NULL;
    assert_true(asprintf(&edited, "%.*s    anchor: [cause]\n%s", (int)(at - yaml), yaml, at) > 0);
    struct survey *s = support_load_ok(edited);
    assert_int_equal(survey_condition(s, 0)->anchors, 1u << EVIDENCE_CAUSE);
    survey_free(s);
    free(edited);
    free(yaml);
}

static void prior_range(void **state)
{
    (void)state;
    expect_edit("    tips: [eat apples]\n", "    tips: [eat apples]\n    prior: 6\n", 24, 12,
                "\"prior\" must be a whole number from -5 to 5, not \"6\"");
    expect_edit("    tips: [eat apples]\n", "    tips: [eat apples]\n    prior: -6\n", 24, 12,
                "from -5 to 5, not \"-6\"");
    expect_edit("    tips: [eat apples]\n", "    tips: [eat apples]\n    prior: high\n", 24, 12,
                "\"prior\" must be a whole number");
    char *yaml = support_yaml(one_question);
    char *at = strstr(yaml, "    tips: [eat apples]\n");
    char *edited = NULL;
    assert_true(asprintf(&edited, "%.*s    prior: -5\n%s", (int)(at - yaml), yaml, at) > 0);
    struct survey *s = support_load_ok(edited);
    assert_int_equal(survey_condition(s, 0)->prior, -5);
    assert_int_equal(survey_condition(s, 1)->prior, 0);
    survey_free(s);
    free(edited);
    free(yaml);
}

static void red_flag_forms_and_levels(void **state)
{
    (void)state;
    struct survey *s = load_questions("  - id: e1\n"
                                      "    text: Chest pain?\n"
                                      "    red_flag: Call now.\n"
                                      "  - id: e2\n"
                                      "    text: Stroke?\n"
                                      "    red_flag: {level: ambulance, advice: Call 999.}\n"
                                      "  - id: q1\n"
                                      "    text: Tired?\n"
                                      "    evidence: {alpha: 1}\n"
                                      "  - id: d1\n"
                                      "    text: Black stools?\n"
                                      "    red_flag:\n"
                                      "      level: same_day\n"
                                      "      advice: See a doctor today.\n");
    assert_string_equal(survey_question(s, 0)->red_flag, "Call now.");
    assert_int_equal(survey_question(s, 0)->red_flag_level, TRIAGE_AMBULANCE);
    assert_string_equal(survey_question(s, 1)->red_flag, "Call 999.");
    assert_int_equal(survey_question(s, 1)->red_flag_level, TRIAGE_AMBULANCE);
    /* A same-day red flag may follow ordinary questions. */
    assert_string_equal(survey_question(s, 3)->red_flag, "See a doctor today.");
    assert_int_equal(survey_question(s, 3)->red_flag_level, TRIAGE_SAME_DAY);
    survey_free(s);
}

static void red_flag_mapping_errors(void **state)
{
    (void)state;
    expect("  - id: e1\n    text: A?\n    red_flag: {level: soon, advice: Go.}\n", Q1 + 2, 23,
           "level must be ambulance, ae or same_day, not \"soon\"");
    expect("  - id: e1\n    text: A?\n    red_flag: {level: urgent, advice: Go.}\n", Q1 + 2, 23,
           "level must be ambulance, ae or same_day, not \"urgent\"");
    /* The old single emergency level: say what to write instead. */
    expect("  - id: e1\n    text: A?\n    red_flag: {level: emergency, advice: Go.}\n", Q1 + 2, 23,
           "level \"emergency\" is now two levels: write ambulance (call an ambulance now) or ae "
           "(go to A&E now)");
    expect("  - id: e1\n    text: A?\n    red_flag: {level: ambulance}\n", Q1 + 2, 15,
           "red_flag has no \"advice\"; add a \"advice:\" line");
    expect("  - id: e1\n    text: A?\n    red_flag: {advice: Go.}\n", Q1 + 2, 15,
           "red_flag has no \"level\"");
    expect("  - id: e1\n    text: A?\n    red_flag: {level: ambulance, advise: Go.}\n", Q1 + 2, 34,
           "unknown key \"advise\" in red_flag; did you mean \"advice\"?");
    expect("  - id: e1\n    text: A?\n    red_flag: [Go.]\n", Q1 + 2, 15,
           "\"red_flag\" must be a text, not a list");
}

static void emergency_question_after_an_ordinary_one(void **state)
{
    (void)state;
    expect("  - id: q1\n    text: Tired?\n    evidence: {alpha: 1}\n"
           "  - id: late\n    text: Chest pain?\n    red_flag: Call now.\n",
           Q1 + 3, 5,
           "emergency question \"late\" comes after \"q1\" (line 32), which is not a red flag; put "
           "the emergency questions first");
    expect("  - id: q1\n    text: Tired?\n    evidence: {alpha: 1}\n"
           "  - id: late\n    text: Stroke?\n    red_flag: {level: ambulance, advice: Call.}\n",
           Q1 + 3, 5, "emergency question \"late\" comes after \"q1\"");
    expect("  - id: q1\n    text: Tired?\n    evidence: {alpha: 1}\n"
           "  - id: late\n    text: Hot leg?\n    red_flag: {level: ae, advice: Go to A&E.}\n",
           Q1 + 3, 5, "emergency question \"late\" comes after \"q1\"");
}

static void question_that_counts_for_nothing(void **state)
{
    (void)state;
    expect("  - id: q1\n    text: Tired?\n    evidence: {alpha: 1}\n  - id: idle\n    text: Why?\n",
           Q1 + 3, 5,
           "question \"idle\" counts for nothing: give it evidence or a red_flag, make another "
           "question depend on it (show_if), or name it in a triage rule or other cause");
    /* Evidence of zero points is no evidence. */
    expect("  - id: idle\n    text: Why?\n    evidence: {alpha: 0}\n", Q1, 5,
           "question \"idle\" counts for nothing");
    /* A question named only in a rule or an other cause counts. */
    struct survey *s =
        load_questions("  - id: q1\n    text: A?\n    evidence: {alpha: 1}\n"
                       "  - id: statin\n    text: A statin?\n"
                       "  - id: faint\n    text: Fainted?\n"
                       "triage_rules:\n"
                       "  - {id: r1, level: same_day, when: [[faint]], advice: Go.}\n"
                       "other_causes:\n"
                       "  - {id: c1, name: Statin, text: Say so., when: [statin]}\n");
    assert_int_equal(survey_rule_count(s), 1);
    assert_int_equal(survey_other_cause_count(s), 1);
    survey_free(s);
}

static const char rule_questions[] = "  - id: q1\n" /* Q1 */
                                     "    text: A?\n"
                                     "    evidence: {alpha: 1}\n"
                                     "  - id: q2\n" /* Q1 + 3 */
                                     "    text: B?\n"
                                     "    evidence: {beta: 1}\n";
#define TOP (Q1 + 6) /* the line of the first top-level key after rule_questions */

static void triage_rules_load(void **state)
{
    (void)state;
    char *both = NULL;
    assert_true(asprintf(&both, "%s%s", rule_questions,
                         "triage_rules:\n"
                         "  - id: r1\n"
                         "    level: ambulance\n"
                         "    when: [[q1, q2], q2]\n"
                         "    advice: Call now.\n") > 0);
    struct survey *s = load_questions(both);
    free(both);
    const struct triage_rule *r = survey_rule(s, 0);
    assert_string_equal(r->id, "r1");
    assert_int_equal(r->level, TRIAGE_AMBULANCE);
    assert_int_equal(r->when.group_count, 2);
    assert_int_equal(r->when.group_sizes[0], 2);
    assert_int_equal(r->when.groups[0][1], 1);
    assert_int_equal(r->when.group_sizes[1], 1); /* one id stands for a group of one */
    assert_int_equal(r->when.groups[1][0], 1);
    assert_string_equal(r->advice, "Call now.");
    assert_int_equal(r->line, TOP + 1);
    survey_free(s);
    /* A rule (unlike a red flag) may also say "see a doctor soon". */
    assert_true(asprintf(&both, "%s%s", rule_questions,
                         "triage_rules:\n  - {id: r2, level: soon, when: [q1], advice: Soon.}\n") >
                0);
    s = load_questions(both);
    free(both);
    assert_int_equal(survey_rule(s, 0)->level, TRIAGE_SOON);
    survey_free(s);
}

static void shown_entries_load(void **state)
{
    (void)state;
    char *yaml = support_yaml(rule_questions);
    char *edited = NULL;
    char *advice = strstr(yaml, "  - Drink water.\n"), *foods = strstr(yaml, "foods: [apples]");
    assert_true(advice != NULL && foods != NULL);
    assert_true(
        asprintf(&edited,
                 "%.*s  - Drink water.\n  - {text: Ask., when: [q1], unless: [[q2]]}\n"
                 "%.*sfoods: [apples, {text: pears, unless: [q2]}]%s",
                 (int)(advice - yaml), yaml, (int)(foods - advice - strlen("  - Drink water.\n")),
                 advice + strlen("  - Drink water.\n"), foods + strlen("foods: [apples]")) > 0);
    free(yaml);
    struct survey *s = support_load_ok(edited);
    free(edited);
    assert_int_equal(survey_advice_count(s), 2);
    assert_int_equal(survey_advice_shown(s, 0)->when.group_count, 0);
    assert_int_equal(survey_advice_shown(s, 0)->unless.group_count, 0);
    assert_string_equal(survey_advice(s, 1), "Ask.");
    assert_int_equal(survey_advice_shown(s, 1)->when.groups[0][0], 0);
    assert_int_equal(survey_advice_shown(s, 1)->unless.groups[0][0], 1);
    assert_null(survey_advice_shown(s, 2));
    const struct condition *alpha = survey_condition(s, 0);
    assert_int_equal(alpha->food_count, 2);
    assert_string_equal(alpha->foods[1], "pears");
    assert_int_equal(alpha->foods_shown[0].unless.group_count, 0);
    assert_int_equal(alpha->foods_shown[1].unless.group_count, 1);
    assert_int_equal(alpha->foods_shown[1].unless.groups[0][0], 1);
    assert_int_equal(alpha->tips_shown[0].when.group_count, 0);
    survey_free(s);
}

static void shown_entry_errors(void **state)
{
    (void)state;
    /* the advice comes before the questions in the support file */
    expect_edit_in(rule_questions, "  - Drink water.\n", "  - {text: Drink water., when: [nope]}\n",
                   15, 33, "\"when\" refers to \"nope\", but no question has that id");
    expect_edit_in(rule_questions, "  - Drink water.\n", "  - {text: Drink water., when: []}\n", 15,
                   32, "\"when\" must be a list of groups of question ids");
    expect_edit_in(rule_questions, "  - Drink water.\n", "  - {text: Drink water., whne: [q1]}\n",
                   15, 26, "unknown key \"whne\" in advice entry 1; did you mean \"when\"?");
    expect_edit_in(rule_questions, "  - Drink water.\n", "  - {when: [q1]}\n", 15, 5,
                   "advice entry 1 has no \"text\"");
    expect_edit_in(rule_questions, "  - Drink water.\n", "  - [Drink water.]\n", 15, 5,
                   "\"advice\" must be a text");
    /* the foods and tips, before the questions too, are resolved after them */
    expect_edit_in(rule_questions, "foods: [apples]", "foods: [{text: apples, unless: [nope]}]", 22,
                   37, "\"unless\" refers to \"nope\", but no question has that id");
    expect_edit_in(rule_questions, "tips: [eat apples]", "tips: [{text: eat apples, unless: [[]]}]",
                   23, 40, "a \"unless\" group must list at least one question id");
    expect_edit_in(rule_questions, "tips: [eat apples]", "tips: [{text: eat, unles: [q1]}]", 23, 24,
                   "unknown key \"unles\" in tip 1; did you mean \"unless\"?");
}

static void triage_rule_errors(void **state)
{
    (void)state;
    expect_after(rule_questions,
                 "triage_rules:\n  - {id: r1, level: same_day, when: [[q1, nope]], advice: Go.}\n",
                 TOP + 1, 43, "\"when\" refers to \"nope\", but no question has that id");
    expect_after(rule_questions,
                 "triage_rules:\n  - {id: r1, level: same_day, when: [[q1], []], advice: Go.}\n",
                 TOP + 1, 44, "a \"when\" group must list at least one question id");
    expect_after(rule_questions,
                 "triage_rules:\n  - {id: r1, level: same_day, when: [], advice: Go.}\n", TOP + 1,
                 37, "\"when\" must be a list of groups of question ids");
    expect_after(rule_questions,
                 "triage_rules:\n  - {id: r1, level: later, when: [[q1]], advice: Go.}\n", TOP + 1,
                 21, "level must be ambulance, ae, same_day or soon, not \"later\"");
    expect_after(rule_questions,
                 "triage_rules:\n  - {id: r1, level: self_care, when: [[q1]], advice: Go.}\n",
                 TOP + 1, 21, "level must be ambulance, ae, same_day or soon, not \"self_care\"");
    expect_after(rule_questions,
                 "triage_rules:\n"
                 "  - {id: r1, level: same_day, when: [[q1]], advice: Go.}\n"
                 "  - {id: r1, level: same_day, when: [[q2]], advice: Go.}\n",
                 TOP + 2, 10, "triage rule id \"r1\" is used twice");
    expect_after(rule_questions, "triage_rules:\n  - {id: r1, level: same_day, when: [[q1]]}\n",
                 TOP + 1, 5, "triage rule \"r1\" has no \"advice\"");
    expect_after(rule_questions, "triage_rules:\n  - {id: r1, levle: same_day}\n", TOP + 1, 14,
                 "unknown key \"levle\" in triage rule \"r1\"; did you mean \"level\"?");
    expect_after(rule_questions, "triage_rules: {id: r1}\n", TOP, 15,
                 "\"triage_rules\" must be a list");
}

/* A rule's "checks" and the "summary" lists: condition and question ids. */
static void rule_checks_and_summary_lists(void **state)
{
    (void)state;
    char *yaml = NULL;
    assert_true(
        asprintf(&yaml, "%s%s", rule_questions,
                 "triage_rules:\n"
                 "  - {id: r1, level: same_day, when: [[q1]], advice: Go., checks: [beta]}\n"
                 "  - {id: r2, level: soon, when: [[q2]], advice: Go.}\n"
                 "summary:\n"
                 "  onset: [q2]\n"
                 "  medicines: [q1]\n") > 0);
    struct survey *s = load_questions(yaml);
    free(yaml);
    assert_int_equal(survey_rule(s, 0)->check_count, 1);
    assert_int_equal(survey_rule(s, 0)->checks[0], 1);
    assert_int_equal(survey_rule(s, 1)->check_count, 0); /* checks is optional */
    size_t n;
    assert_int_equal(survey_summary_onset(s, &n)[0], 1);
    assert_int_equal(n, 1);
    assert_int_equal(survey_summary_medicines(s, &n)[0], 0);
    assert_int_equal(n, 1);
    survey_free(s);
    expect_after(rule_questions,
                 "triage_rules:\n  - {id: r1, level: same_day, when: [[q1]], advice: Go., checks: "
                 "[gamma]}\n",
                 TOP + 1, 67, "\"checks\" names \"gamma\", which is not a condition id");
    expect_after(rule_questions,
                 "triage_rules:\n  - {id: r1, level: same_day, when: [[q1]], advice: Go., checks: "
                 "[beta, beta]}\n",
                 TOP + 1, 73, "\"checks\" names \"beta\" twice");
    expect_after(
        rule_questions,
        "triage_rules:\n  - {id: r1, level: same_day, when: [[q1]], advice: Go., checks: beta}\n",
        TOP + 1, 66, "\"checks\" must be a list of condition ids, like [potassium]");
    expect_after(rule_questions, "summary:\n  medicines: [q1, nope]\n", TOP + 1, 19,
                 "\"medicines\" names \"nope\", but no question has that id");
    expect_after(rule_questions, "summary:\n  onset: []\n", TOP + 1, 10,
                 "\"onset\" must be a list of question ids, like [statin, metformin]");
    expect_after(rule_questions, "summary:\n  medicnes: [q1]\n", TOP + 1, 3,
                 "unknown key \"medicnes\" in summary; did you mean \"medicines\"?");
    expect_after(rule_questions, "summary:\n  onset: [q1]\n  medicines: [q1]\n", TOP + 2, 15,
                 "summary names question \"q1\" both in onset and in medicines");
}

static void other_causes_load(void **state)
{
    (void)state;
    char *both = NULL;
    assert_true(asprintf(&both, "%s%s", rule_questions,
                         "other_causes:\n"
                         "  - id: c1\n"
                         "    name: A statin\n"
                         "    text: Tell your doctor.\n"
                         "    when: [[q1], [q2]]\n"
                         "    explains: [beta, alpha]\n"
                         "  - {id: c2, name: Thyroid, text: Ask about it., when: [q2]}\n") > 0);
    struct survey *s = load_questions(both);
    free(both);
    const struct other_cause *c = survey_other_cause(s, 0);
    assert_string_equal(c->id, "c1");
    assert_string_equal(c->name, "A statin");
    assert_string_equal(c->text, "Tell your doctor.");
    assert_int_equal(c->when.group_count, 2);
    assert_int_equal(c->explain_count, 2);
    assert_int_equal(c->explains[0], 1);
    assert_int_equal(c->explains[1], 0);
    assert_int_equal(survey_other_cause(s, 1)->explain_count, 0); /* explains is optional */
    survey_free(s);
}

static void other_cause_errors(void **state)
{
    (void)state;
    expect_after(rule_questions,
                 "other_causes:\n  - {id: c1, name: N, text: T, when: [q1], explains: [gamma]}\n",
                 TOP + 1, 55, "\"explains\" names \"gamma\", which is not a condition id");
    expect_after(rule_questions,
                 "other_causes:\n  - {id: c1, name: N, text: T, when: [q1], explains: beta}\n",
                 TOP + 1, 54, "\"explains\" must be a list of condition ids");
    expect_after(rule_questions, "other_causes:\n  - {id: c1, name: N, text: T, when: [[nope]]}\n",
                 TOP + 1, 40, "\"when\" refers to \"nope\", but no question has that id");
    expect_after(rule_questions, "other_causes:\n  - {id: c1, name: N, text: T, when: [[]]}\n",
                 TOP + 1, 39, "a \"when\" group must list at least one question id");
    expect_after(rule_questions,
                 "other_causes:\n"
                 "  - {id: c1, name: N, text: T, when: [q1]}\n"
                 "  - {id: c1, name: M, text: U, when: [q2]}\n",
                 TOP + 2, 10, "other cause id \"c1\" is used twice");
    expect_after(rule_questions, "other_causes:\n  - {id: c1, name: N, when: [q1]}\n", TOP + 1, 5,
                 "other cause \"c1\" has no \"text\"");
}

static void review_status_values(void **state)
{
    (void)state;
    expect_edit("review_status: reviewed", "review_status: maybe", 9, 16,
                "review_status must be reviewed (a clinician has checked this file) or "
                "unreviewed, not \"maybe\"");
    char *yaml = support_yaml(one_question);
    char *at = strstr(yaml, "review_status: reviewed");
    char *edited = NULL;
    assert_true(asprintf(&edited, "%.*sreview_status: unreviewed\nreviewed: \"not yet\"%s",
                         (int)(at - yaml), yaml, at + strlen("review_status: reviewed")) > 0);
    struct survey *s = support_load_ok(edited);
    assert_false(survey_reviewed(s));
    survey_free(s);
    free(edited);
    /* Without review_status a file counts as unreviewed. */
    assert_true(asprintf(&edited, "%.*s%s", (int)(at - yaml), yaml,
                         at + strlen("review_status: reviewed\n")) > 0);
    s = support_load_ok(edited);
    assert_false(survey_reviewed(s));
    survey_free(s);
    free(edited);
    free(yaml);
}

static void nonspecific_cap_range(void **state)
{
    (void)state;
    expect_edit("review_status: reviewed", "nonspecific_cap: 21", 9, 18,
                "\"nonspecific_cap\" must be a whole number from 0 to 20, not \"21\"");
    expect_edit("review_status: reviewed", "nonspecific_cap: -1", 9, 18, "from 0 to 20");
    struct survey *s = load_questions("  - id: q1\n    text: A?\n    evidence: {alpha: 1}\n"
                                      "nonspecific_cap: 20\n");
    assert_int_equal(survey_nonspecific_cap(s), 20);
    survey_free(s);
}

static void control_characters_are_refused(void **state)
{
    (void)state;
    /* Escapes in quoted texts are the only way in: libyaml refuses them raw. */
    expect("  - id: q1\n"
           "    text: \"Are you \\e[2Jtired?\"\n"
           "    evidence: {alpha: 2}\n",
           Q1 + 1, 11, "control character (character 9, U+001B)");
    expect("  - id: q1\n"
           "    text: \"Are you\\rtired?\"\n"
           "    evidence: {alpha: 2}\n",
           Q1 + 1, 11, "carriage return (character 8)");
    expect("  - id: q1\n"
           "    text: \"Caf\u00e9\\u009b1m\"\n"
           "    evidence: {alpha: 2}\n",
           Q1 + 1, 11, "U+009B");
    expect("  - id: q1\n"
           "    text: Are you tired?\n"
           "    help: \"Why\\x7f\"\n"
           "    evidence: {alpha: 2}\n",
           Q1 + 2, 11, "U+007F");
    /* Line breaks, escaped or in block texts, and tabs are fine. */
    char *yaml = support_yaml("  - id: q1\n"
                              "    text: \"Are you\\ntired?\\tNow?\"\n"
                              "    help: |\n"
                              "      Two\n"
                              "      lines.\n"
                              "    evidence: {alpha: 2}\n");
    struct survey *s = support_load_ok(yaml);
    free(yaml);
    survey_free(s);
}

static void shipped_files_load_with_follow_ups(void **state)
{
    (void)state;
    const char *files[] = {"questions/en.yaml", "questions/es.yaml"};
    const char *present[] = {"0 messages\n", "\"show_if\"", NULL};
    for (size_t i = 0; i < 2; i++)
        expect_outcome(read_all(support_path(files[i])), present, NULL);
}

/* The messages DIAGS prints; the caller frees them. */
static char *printed(const struct diag_list *diags)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    assert_non_null(out);
    diag_print(diags, out);
    assert_int_equal(fclose(out), 0);
    return text;
}

/* Loads the file at PATH with allocation AT of the core failing (or none:
 * FAILMALLOC_NEVER): the outcome, the messages it prints in *MESSAGES (the
 * caller frees them) and, with AT FAILMALLOC_NEVER, how many allocations it
 * made in *COUNT. */
static enum load_result load_failing(const char *path, size_t at, char **messages, size_t *count)
{
    struct diag_list *diags = diag_list_new(path);
    assert_non_null(diags);
    struct survey *s = NULL;
    failmalloc_start(at);
    enum load_result r = survey_load_file(path, &s, diags);
    size_t made = failmalloc_stop();
    if (count != NULL)
        *count = made;
    assert_true(r == LOAD_OK ? s != NULL : s == NULL);
    assert_true(r == LOAD_NO_MEMORY ? diag_out_of_memory(diags) : true);
    *messages = printed(diags);
    survey_free(s);
    diag_list_free(diags);
    return r;
}

/* Each allocation of loading the shipped file failing in turn: the load
 * ends "out of memory" (LOAD_NO_MEMORY, that message alone), never with
 * messages about the file. Failing to make the index of the condition ids
 * once gave 51 "unknown condition" errors. */
static void out_of_memory_is_not_blamed_on_the_file(void **state)
{
    (void)state;
    const char *path = support_path("questions/en.yaml");
    char *messages = NULL, *expected = NULL;
    size_t count = 0;
    assert_int_equal(load_failing(path, FAILMALLOC_NEVER, &messages, &count), LOAD_OK);
    free(messages);
    assert_true(count > 10);
    assert_true(asprintf(&expected, "%s: out of memory\n", path) > 0);
    for (size_t at = 0; at < count; at++) {
        enum load_result r = load_failing(path, at, &messages, NULL);
        if (r != LOAD_OK) {
            if (r != LOAD_NO_MEMORY || strcmp(messages, expected) != 0)
                fail_msg("allocation %zu of %zu failing: result %d, messages:\n%s", at, count,
                         (int)r, messages);
        }
        free(messages);
    }
    free(expected);
}

/* The same for a file with errors: out of memory, or the same messages as
 * without the failure; never others. */
static void out_of_memory_in_a_broken_file(void **state)
{
    (void)state;
    const char *path = support_path("tests/data/bad/many-errors.yaml");
    char *reference = NULL, *messages = NULL, *expected = NULL;
    size_t count = 0;
    assert_int_equal(load_failing(path, FAILMALLOC_NEVER, &reference, &count), LOAD_BAD_DATA);
    assert_true(asprintf(&expected, "%s: out of memory\n", path) > 0);
    for (size_t at = 0; at < count; at++) {
        enum load_result r = load_failing(path, at, &messages, NULL);
        bool same = r == LOAD_BAD_DATA && strcmp(messages, reference) == 0;
        bool no_memory = r == LOAD_NO_MEMORY && strcmp(messages, expected) == 0;
        if (!same && !no_memory)
            fail_msg("allocation %zu of %zu failing: result %d, messages:\n%s", at, count, (int)r,
                     messages);
        free(messages);
    }
    free(reference);
    free(expected);
}

/* A file with a problem in nearly every place: the top level, a condition,
 * the questions (their own keys, evidence, show_if before and after, an
 * emergency out of place, a repeated id) and the rules after them. */
static const char broken_questions[] =
    "  - id: q1\n"
    "    text: Chest pain?\n"
    "    red_flag: Call 999.\n"
    "  - id: q2\n"
    "    text: Tired?\n"
    "    evidence: {alpha: 9, gamma: 1}\n"
    "    show_if: {question: q4, answer: \"yes\"}\n"
    "  - id: q3\n"
    "    text: Cramps?\n"
    "    colour: red\n"
    "    evidence: {alpha: {yes: 2, no: 1}}\n"
    "    show_if: {question: nope, answer: maybe}\n"
    "  - id: q4\n"
    "    text: Breathless now?\n"
    "    red_flag: Call 999.\n"
    "    show_if: {question: q4, answer: \"no\"}\n"
    "  - id: q2\n"
    "    text: Again?\n"
    "    evidence: {alpha: 1}\n"
    "    show_if: {question: q1, answer: \"no\"}\n"
    "  - just a text\n"
    "triage_rules:\n"
    "  - {id: r1, level: same_day, when: [[q9]], advice: Today.}\n"
    "titel: Misspelt\n";

static void messages_come_in_the_order_of_the_checks(void **state)
{
    (void)state;
    char *yaml = support_yaml(broken_questions);
    /* A broken condition too: its messages come before the questions'. */
    char *at = strstr(yaml, "id: beta");
    assert_non_null(at);
    memcpy(at, "id: Beta", strlen("id: Beta"));
    char *text = outcome(yaml);
    /* Each kind of message is there, in the order of the checks (the
     * show_if ones in question order, once every id is known). */
    const char *expected[] = {
        "titel",       "Beta",           "the points for",   "gamma",
        "colour",      "\"no\" must be", "used twice",       "must be a mapping",
        "comes later", "maybe",          "refers to itself", "emergency question \"q4\"",
        "\"q9\""};
    const char *from = text;
    for (size_t i = 0; i < sizeof(expected) / sizeof(expected[0]); i++) {
        const char *found = strstr(from, expected[i]);
        if (found == NULL)
            fail_msg("\"%s\" missing or out of order in:\n%s", expected[i], text);
        from = found;
    }
    free(text);
    free(yaml);
}

/* The questions before the conditions load as well. */
static void conditions_after_the_questions_still_load(void **state)
{
    (void)state;
    char *yaml = support_yaml("  - id: q1\n    text: Tired?\n    evidence: {beta: 2}\n");
    char *conditions = strstr(yaml, "conditions:\n"), *questions = strstr(yaml, "questions:\n");
    assert_true(conditions != NULL && questions != NULL && conditions < questions);
    char *moved = NULL;
    assert_true(asprintf(&moved, "%.*s%s%.*s", (int)(conditions - yaml), yaml, questions,
                         (int)(questions - conditions), conditions) > 0);
    struct survey *s = support_load_ok(moved);
    assert_int_equal(survey_question_count(s), 1);
    assert_int_equal(survey_question(s, 0)->evidence[1].yes, 2);
    survey_free(s);
    free(moved);
    free(yaml);
}

/* N questions, each counting for alpha. */
static char *many_questions(size_t n)
{
    size_t cap = n * 64 + 1, len = 0;
    char *list = malloc(cap);
    assert_non_null(list);
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(list + len, cap - len,
                                "  - id: q%zu\n    text: Q %zu?\n    evidence: {alpha: 1}\n", i, i);
    char *yaml = support_yaml(list);
    free(list);
    return yaml;
}

static void too_many_questions_is_the_only_message(void **state)
{
    (void)state;
    char *yaml = many_questions(LOADER_MAX_QUESTIONS + 1);
    /* and one problem inside a question, which must not be reported */
    char *at = strstr(yaml, "{alpha: 1}");
    memcpy(at, "{alpha: 9}", strlen("{alpha: 9}"));
    char *text = outcome(yaml);
    char expected[128];
    snprintf(expected, sizeof(expected), "1 messages\n%d:3: too many questions (%d; at most %d)\n",
             SUPPORT_QUESTIONS_LINE + 1, LOADER_MAX_QUESTIONS + 1, LOADER_MAX_QUESTIONS);
    assert_string_equal(text, expected);
    free(text);
    free(yaml);

    yaml = many_questions(LOADER_MAX_QUESTIONS);
    struct survey *s = support_load_ok(yaml);
    assert_int_equal(survey_question_count(s), LOADER_MAX_QUESTIONS);
    assert_int_equal(survey_find_question(s, "q9999"), LOADER_MAX_QUESTIONS - 1);
    survey_free(s);
    free(yaml);
}

static void a_second_questions_list_is_reported(void **state)
{
    (void)state;
    const char *present[] = {"\"questions\" is given twice", NULL};
    expect_outcome(support_yaml("  - id: q1\n    text: Tired?\n    evidence: {alpha: 2}\n"
                                "questions:\n  - id: q2\n    text: Again?\n"),
                   present, NULL);
}

/* The support file up to (not including) its "questions:" line, then TAIL. */
static char *with_tail(const char *tail)
{
    char *yaml = support_yaml("");
    char *at = strstr(yaml, "questions:\n");
    assert_non_null(at);
    char *out = NULL;
    assert_true(asprintf(&out, "%.*s%s", (int)(at - yaml), yaml, tail) > 0);
    free(yaml);
    return out;
}

/* Only the value of the first top-level "questions" is the list: not a
 * list used as a key after a value that reads "questions", nor a second
 * "questions" after a first that was not a list of questions. */
static void only_the_first_questions_value_is_the_list(void **state)
{
    (void)state;
    const char *key_list[] = {"unknown key \"x\"", NULL};
    expect_outcome(with_tail("x: questions\n"
                             "? - id: q9\n"
                             "    text: Z\n"
                             "    show_if: {question: nosuch, answer: \"yes\"}\n"
                             ": 1\n"
                             "questions:\n"
                             "  - id: q1\n"
                             "    text: A?\n"
                             "    evidence: {alpha: 1}\n"),
                   key_list, "nosuch");
    const char *empty_first[] = {"the questionnaire has no questions",
                                 "\"when\" refers to \"q1\", but no question has that id", NULL};
    expect_outcome(with_tail("questions: []\n"
                             "triage_rules:\n"
                             "  - {id: r1, level: same_day, when: [[q1]], advice: Today.}\n"
                             "questions:\n"
                             "  - id: q1\n"
                             "    text: A?\n"
                             "  - id: q2\n"
                             "    text: B?\n"
                             "    evidence: {alpha: 9}\n"),
                   empty_first, "counts for nothing");
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
        cmocka_unit_test(ids_are_unique_in_every_list),
        cmocka_unit_test(duplicate_key_in_a_mapping),
        cmocka_unit_test(weight_out_of_range_or_not_a_number),
        cmocka_unit_test(weight_for_unknown_condition),
        cmocka_unit_test(show_if_unknown_later_or_self),
        cmocka_unit_test(show_if_follow_up_loads),
        cmocka_unit_test(show_if_answer_list),
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
        cmocka_unit_test(format_1_is_refused_with_the_conversion_hint),
        cmocka_unit_test(evidence_shorthand_and_mapping_forms),
        cmocka_unit_test(evidence_yes_and_no_ranges),
        cmocka_unit_test(unknown_evidence_kind),
        cmocka_unit_test(anchor_is_sign_or_cause_only),
        cmocka_unit_test(prior_range),
        cmocka_unit_test(red_flag_forms_and_levels),
        cmocka_unit_test(red_flag_mapping_errors),
        cmocka_unit_test(emergency_question_after_an_ordinary_one),
        cmocka_unit_test(question_that_counts_for_nothing),
        cmocka_unit_test(triage_rules_load),
        cmocka_unit_test(triage_rule_errors),
        cmocka_unit_test(shown_entries_load),
        cmocka_unit_test(shown_entry_errors),
        cmocka_unit_test(rule_checks_and_summary_lists),
        cmocka_unit_test(other_causes_load),
        cmocka_unit_test(other_cause_errors),
        cmocka_unit_test(review_status_values),
        cmocka_unit_test(nonspecific_cap_range),
        cmocka_unit_test(control_characters_are_refused),
        cmocka_unit_test(shipped_files_load_with_follow_ups),
        cmocka_unit_test(out_of_memory_is_not_blamed_on_the_file),
        cmocka_unit_test(out_of_memory_in_a_broken_file),
        cmocka_unit_test(messages_come_in_the_order_of_the_checks),
        cmocka_unit_test(conditions_after_the_questions_still_load),
        cmocka_unit_test(too_many_questions_is_the_only_message),
        cmocka_unit_test(a_second_questions_list_is_reported),
        cmocka_unit_test(only_the_first_questions_value_is_the_list),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
