/* SPDX-License-Identifier: MIT */
/* Tests for the batch answers-file parser. */
#include "support.h"

#include "musclecheck/answers.h"
#include "sample.h"

#include <stdlib.h>
#include <string.h>

static struct session *parse(const char *text, struct diag_list **diags)
{
    struct session *se = session_new(support_sample);
    *diags = diag_list_new("answers.txt");
    bool ok = answers_parse(se, text, strlen(text), *diags) == 0;
    assert_int_equal(ok, diag_count(*diags) == 0);
    return se;
}

/* Nothing is applied when the file has a problem. */
static void expect_nothing_applied(const struct session *se)
{
    for (size_t q = 0; q < survey_question_count(support_sample); q++)
        assert_int_equal(session_answer(se, q), ANSWER_NONE);
}

static void expect_error(const char *text, int line, const char *needle)
{
    struct diag_list *diags;
    struct session *se = parse(text, &diags);
    assert_true(diag_count(diags) > 0);
    const struct diag *d = diag_get(diags, 0);
    assert_int_equal(d->line, line);
    assert_int_equal(d->column, 0);
    if (strstr(d->message, needle) == NULL)
        fail_msg("\"%s\" does not contain \"%s\"", d->message, needle);
    expect_nothing_applied(se);
    diag_list_free(diags);
    session_free(se);
}

static void comments_blank_lines_and_spaces(void **state)
{
    (void)state;
    struct diag_list *diags;
    struct session *se = parse("# a comment\n\n  a1 = yes  \r\nb1=unsure\na2=no", &diags);
    assert_int_equal(diag_count(diags), 0);
    assert_int_equal(session_answer(se, Q_A1), ANSWER_YES);
    assert_int_equal(session_answer(se, Q_A2), ANSWER_NO);
    assert_int_equal(session_answer(se, Q_B1), ANSWER_UNSURE);
    assert_int_equal(session_answer(se, Q_GATE), ANSWER_NONE);
    diag_list_free(diags);
    session_free(se);
}

static void follow_up_before_its_gateway_is_kept(void **state)
{
    (void)state;
    struct diag_list *diags;
    struct session *se = parse("\xEF\xBB\xBF"
                               "follow=yes\ngate=yes\n",
                               &diags);
    assert_int_equal(session_answer(se, Q_FOLLOW), ANSWER_YES);
    diag_list_free(diags);
    session_free(se);
}

static void follow_up_of_a_no_gateway_is_ignored(void **state)
{
    (void)state;
    struct diag_list *diags;
    struct session *se = parse("gate=no\nfollow=yes\n", &diags);
    assert_int_equal(diag_count(diags), 0);
    assert_int_equal(session_answer(se, Q_FOLLOW), ANSWER_NONE);
    diag_list_free(diags);
    session_free(se);
}

static void errors_name_the_line(void **state)
{
    (void)state;
    expect_error("a1=yes\nnope=yes\n", 2, "unknown question id \"nope\"");
    expect_error("a1=maybe\n", 1, "must be yes, no or unsure, not \"maybe\"");
    expect_error("a1=YES\n", 1, "must be yes, no or unsure");
    expect_error("# c\na1\n", 2, "expected ID=yes");
    expect_error("a1=yes\n\na1=no\n", 3, "answered twice (first on line 1)");
    expect_error("=yes\n", 1, "unknown question id");
}

/* BYTES (SIZE with the NUL bytes in it) is refused at LINE:COLUMN with
 * nothing applied, though what comes before the NUL is a good answer. */
static void expect_nul_at(const char *bytes, size_t size, int line, int column)
{
    struct session *se = session_new(support_sample);
    struct diag_list *diags = diag_list_new("answers.txt");
    assert_int_equal(answers_parse(se, bytes, size, diags), -1);
    assert_int_equal(diag_count(diags), 1);
    const struct diag *d = diag_get(diags, 0);
    assert_int_equal(d->line, line);
    assert_int_equal(d->column, column);
    assert_non_null(strstr(d->message, "NUL byte"));
    expect_nothing_applied(se);
    diag_list_free(diags);
    session_free(se);
}

static void nul_bytes_are_refused(void **state)
{
    (void)state;
    static const char in_id[] = "a1\0 not an answer=yes\n";
    static const char in_answer[] = "# r\xC3\xA9sum\xC3\xA9\nb1=no\0t sure\n";
    static const char at_end[] = "a1=yes\n\0";
    expect_nul_at(in_id, sizeof(in_id) - 1, 1, 3);
    expect_nul_at(in_answer, sizeof(in_answer) - 1, 2, 6);
    expect_nul_at(at_end, sizeof(at_end) - 1, 2, 1);
}

static void utf16_is_named(void **state)
{
    (void)state;
    static const char utf16le[] = "\xFF\xFE"
                                  "a\0"
                                  "1\0"
                                  "=\0"
                                  "n\0"
                                  "o\0";
    struct session *se = session_new(support_sample);
    struct diag_list *diags = diag_list_new("answers.txt");
    assert_int_equal(answers_parse(se, utf16le, sizeof(utf16le) - 1, diags), -1);
    assert_int_equal(diag_count(diags), 1);
    assert_non_null(strstr(diag_get(diags, 0)->message, "UTF-16"));
    diag_list_free(diags);
    session_free(se);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(comments_blank_lines_and_spaces),
        cmocka_unit_test(follow_up_before_its_gateway_is_kept),
        cmocka_unit_test(follow_up_of_a_no_gateway_is_ignored),
        cmocka_unit_test(errors_name_the_line),
        cmocka_unit_test(nul_bytes_are_refused),
        cmocka_unit_test(utf16_is_named),
    };
    return cmocka_run_group_tests(tests, support_sample_setup, support_sample_teardown);
}
