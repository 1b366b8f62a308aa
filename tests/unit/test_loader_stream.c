/* SPDX-License-Identifier: MIT */
/* Tests for loading the questions as the file is read (loader_stream.c):
 * a file streamed ("format: 2" and the conditions before the questions)
 * and the same file checked whole (here "format: 02", which means the same
 * number but does not start streaming) must give the same survey and the
 * same messages, in the same order and at the same places. */
#include "support.h"

#include "musclecheck/loader.h"
#include "musclecheck/output.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* YAML with its first "format: 2" written as "format: 02". */
static char *whole(const char *yaml)
{
    const char *at = strstr(yaml, "format: 2\n");
    assert_non_null(at);
    char *out = NULL;
    assert_true(asprintf(&out, "%.*sformat: 02\n%s", (int)(at - yaml), yaml,
                         at + strlen("format: 2\n")) > 0);
    return out;
}

/* Every message of loading YAML, one "line:column: message" per line, and
 * the survey as JSON when it loads. The caller frees the result. */
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

static void assert_same_outcome(const char *yaml)
{
    char *other = whole(yaml);
    char *streamed = outcome(yaml), *checked_whole = outcome(other);
    assert_string_equal(streamed, checked_whole);
    free(streamed);
    free(checked_whole);
    free(other);
}

/* Loads YAML both ways (then frees it): the same outcome, which has every
 * text of PRESENT (NULL-terminated) and not ABSENT (unless NULL). */
static void expect_either_way(char *yaml, const char *const *present, const char *absent)
{
    char *streamed = outcome(yaml);
    for (; *present != NULL; present++)
        if (strstr(streamed, *present) == NULL)
            fail_msg("\"%s\" missing from:\n%s", *present, streamed);
    if (absent != NULL && strstr(streamed, absent) != NULL)
        fail_msg("\"%s\" unexpected in:\n%s", absent, streamed);
    free(streamed);
    assert_same_outcome(yaml);
    free(yaml);
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = calloc(1, 1 << 20);
    assert_non_null(buf);
    fread(buf, 1, (1 << 20) - 1, f);
    fclose(f);
    return buf;
}

static void shipped_files_load_the_same_either_way(void **state)
{
    (void)state;
    const char *files[] = {"questions/en.yaml", "questions/es.yaml"};
    const char *present[] = {"0 messages\n", "\"show_if\"", NULL};
    for (size_t i = 0; i < 2; i++)
        expect_either_way(read_all(support_path(files[i])), present, NULL);
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

static void broken_file_gives_the_same_messages_either_way(void **state)
{
    (void)state;
    char *yaml = support_yaml(broken_questions);
    /* A broken condition too: its messages come before the questions'. */
    char *at = strstr(yaml, "id: beta");
    assert_non_null(at);
    memcpy(at, "id: Beta", strlen("id: Beta"));
    char *streamed = outcome(yaml);
    /* Each kind of message is there, in the order of the checks (the
     * show_if ones in question order, once every id is known). */
    const char *expected[] = {
        "titel",       "Beta",           "the points for",   "gamma",
        "colour",      "\"no\" must be", "used twice",       "must be a mapping",
        "comes later", "maybe",          "refers to itself", "emergency question \"q4\"",
        "\"q9\""};
    const char *from = streamed;
    for (size_t i = 0; i < sizeof(expected) / sizeof(expected[0]); i++) {
        const char *found = strstr(from, expected[i]);
        if (found == NULL)
            fail_msg("\"%s\" missing or out of order in:\n%s", expected[i], streamed);
        from = found;
    }
    free(streamed);
    assert_same_outcome(yaml);
    free(yaml);
}

/* The questions before the conditions: nothing can be streamed, and the
 * file loads as before. */
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

static void too_many_questions_is_the_only_message_either_way(void **state)
{
    (void)state;
    char *yaml = many_questions(LOADER_MAX_QUESTIONS + 1);
    /* and one problem inside a question, which must not be reported */
    char *at = strstr(yaml, "{alpha: 1}");
    memcpy(at, "{alpha: 9}", strlen("{alpha: 9}"));
    char *streamed = outcome(yaml);
    char expected[128];
    snprintf(expected, sizeof(expected), "1 messages\n%d:3: too many questions (%d; at most %d)\n",
             SUPPORT_QUESTIONS_LINE + 1, LOADER_MAX_QUESTIONS + 1, LOADER_MAX_QUESTIONS);
    assert_string_equal(streamed, expected);
    free(streamed);
    assert_same_outcome(yaml);
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
    expect_either_way(support_yaml("  - id: q1\n    text: Tired?\n    evidence: {alpha: 2}\n"
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

/* Only the value of the first "questions" is streamed: not a list used as
 * a key after a value that reads "questions", nor a second "questions"
 * after a first that was not a list of questions. */
static void only_the_first_questions_value_is_streamed(void **state)
{
    (void)state;
    const char *key_list[] = {"unknown key \"x\"", NULL};
    expect_either_way(with_tail("x: questions\n"
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
    expect_either_way(with_tail("questions: []\n"
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
        cmocka_unit_test(shipped_files_load_the_same_either_way),
        cmocka_unit_test(broken_file_gives_the_same_messages_either_way),
        cmocka_unit_test(conditions_after_the_questions_still_load),
        cmocka_unit_test(too_many_questions_is_the_only_message_either_way),
        cmocka_unit_test(a_second_questions_list_is_reported),
        cmocka_unit_test(only_the_first_questions_value_is_streamed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
