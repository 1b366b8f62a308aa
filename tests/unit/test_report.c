/* SPDX-License-Identifier: MIT */
/* Tests for reports: ranking, ties, reasons, red flags, and the English
 * questionnaire's expected outcomes for typical answer sets. */
#include "support.h"

#include "musclecheck/answers.h"
#include "musclecheck/loader.h"
#include "musclecheck/readfile.h"
#include "musclecheck/report.h"
#include "sample.h"

#include <stdlib.h>
#include <string.h>

enum { ALPHA, BETA };

static struct survey *sample, *english;

static int setup(void **state)
{
    (void)state;
    char *yaml = support_yaml(sample_questions);
    sample = support_load_ok(yaml);
    free(yaml);
    struct diag_list *diags = diag_list_new("en.yaml");
    if (survey_load_file(support_path("questions/en.yaml"), &english, diags) != LOAD_OK)
        return -1;
    diag_list_free(diags);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    survey_free(sample);
    survey_free(english);
    return 0;
}

static struct report *report_for(const char *answers, struct session **se)
{
    *se = support_session(sample, answers);
    struct report *r = report_new(*se);
    assert_non_null(r);
    return r;
}

static void ranked_highest_first(void **state)
{
    (void)state;
    struct session *se;
    struct report *r = report_for("a1=no a2=no b1=yes", &se);
    assert_int_equal(r->result_count, 2);
    assert_int_equal(r->results[0].score.condition, BETA);
    assert_int_equal(r->results[1].score.condition, ALPHA);
    assert_true(r->results[0].flagged);
    assert_false(r->results[1].flagged);
    assert_int_equal(r->flagged_count, 1);
    report_free(r);
    session_free(se);
}

static void ties_keep_file_order(void **state)
{
    (void)state;
    struct session *se;
    struct report *r = report_for("a1=no a2=no b1=no", &se);
    assert_int_equal(r->results[0].score.condition, ALPHA);
    assert_int_equal(r->results[1].score.condition, BETA);
    report_free(r);
    session_free(se);
    /* Both at 100: alpha (a1, a2 yes) and beta (a2, b1 yes); alpha is first in the file. */
    r = report_for("a1=yes a2=yes b1=yes", &se);
    assert_int_equal(r->results[0].score.score, r->results[1].score.score);
    assert_int_equal(r->results[0].score.condition, ALPHA);
    report_free(r);
    session_free(se);
}

static void reasons_list_yes_answers_strongest_first(void **state)
{
    (void)state;
    struct session *se;
    struct report *r = report_for("a2=yes gate=yes follow=yes b1=yes", &se);
    const struct report_result *beta = &r->results[0];
    assert_int_equal(beta->score.condition, BETA);
    assert_int_equal(beta->reason_count, 3);
    assert_int_equal(beta->reasons[0], Q_FOLLOW); /* weight 3 */
    assert_int_equal(beta->reasons[1], Q_B1);     /* weight 2 */
    assert_int_equal(beta->reasons[2], Q_A2);     /* weight 1 */
    report_free(r);
    session_free(se);
}

static void red_flag_makes_report_urgent(void **state)
{
    (void)state;
    struct session *se;
    struct report *r = report_for("flag=yes a1=no", &se);
    assert_true(r->urgent);
    assert_int_equal(r->red_flag_count, 1);
    assert_int_equal(r->red_flags[0], Q_FLAG);
    assert_false(r->no_findings);
    report_free(r);
    session_free(se);
    r = report_for("flag=no", &se);
    assert_false(r->urgent);
    assert_int_equal(r->red_flag_count, 0);
    report_free(r);
    session_free(se);
}

static void all_no_and_all_yes(void **state)
{
    (void)state;
    struct session *se;
    struct report *r = report_for("flag=no a1=no a2=no gate=no b1=no", &se);
    assert_int_equal(r->flagged_count, 0);
    assert_true(r->no_findings);
    assert_false(r->urgent);
    report_free(r);
    session_free(se);
    r = report_for("flag=yes a1=yes a2=yes gate=yes follow=yes b1=yes", &se);
    assert_int_equal(r->flagged_count, 2);
    assert_int_equal(r->results[0].score.score, 100);
    assert_int_equal(r->results[1].score.score, 100);
    assert_int_equal(r->results[0].score.condition, ALPHA); /* tie: file order */
    assert_true(r->urgent);
    report_free(r);
    session_free(se);
}

/* Runs an answers file from tests/data/answers against the English file. */
static struct report *english_report(const char *name, struct session **se)
{
    char rel[128];
    snprintf(rel, sizeof(rel), "tests/data/answers/%s.txt", name);
    char *buf;
    size_t len;
    struct diag_list *diags = diag_list_new(rel);
    assert_int_equal(readfile(support_path(rel), ANSWERS_MAX_FILE_BYTES, &buf, &len, diags),
                     READ_OK);
    *se = session_new(english);
    assert_true(answers_parse(*se, buf, len, diags));
    free(buf);
    diag_list_free(diags);
    struct report *r = report_new(*se);
    assert_non_null(r);
    return r;
}

static void english_distinctive_signs_rank_their_deficiency_first(void **state)
{
    (void)state;
    const char *ids[] = {"vitamin_d", "magnesium", "potassium", "vitamin_b12", "iron"};
    for (size_t i = 0; i < 5; i++) {
        struct session *se;
        struct report *r = english_report(ids[i], &se);
        const struct condition *first = survey_condition(english, r->results[0].score.condition);
        assert_string_equal(first->id, ids[i]);
        assert_true(r->results[0].flagged);
        assert_true(r->results[0].score.score > r->results[1].score.score);
        assert_false(r->urgent);
        report_free(r);
        session_free(se);
    }
}

static void english_all_no_and_tiredness_alone_flag_nothing(void **state)
{
    (void)state;
    const char *files[] = {"all-no", "tired-only"};
    for (size_t i = 0; i < 2; i++) {
        struct session *se;
        struct report *r = english_report(files[i], &se);
        assert_int_equal(r->flagged_count, 0);
        assert_false(r->urgent);
        report_free(r);
        session_free(se);
    }
}

static void english_all_unsure_flags_nothing(void **state)
{
    (void)state;
    struct session *se = session_new(english);
    for (size_t q = 0; q < survey_question_count(english); q++)
        session_set_answer(se, q, ANSWER_UNSURE);
    struct report *r = report_new(se);
    assert_int_equal(r->flagged_count, 0);
    report_free(r);
    session_free(se);
}

static void english_red_flag_is_urgent(void **state)
{
    (void)state;
    struct session *se;
    struct report *r = english_report("red-flag", &se);
    assert_true(r->urgent);
    assert_string_equal(survey_question(english, r->red_flags[0])->id, "chest_pain");
    report_free(r);
    session_free(se);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ranked_highest_first),
        cmocka_unit_test(ties_keep_file_order),
        cmocka_unit_test(reasons_list_yes_answers_strongest_first),
        cmocka_unit_test(red_flag_makes_report_urgent),
        cmocka_unit_test(all_no_and_all_yes),
        cmocka_unit_test(english_distinctive_signs_rank_their_deficiency_first),
        cmocka_unit_test(english_all_no_and_tiredness_alone_flag_nothing),
        cmocka_unit_test(english_all_unsure_flags_nothing),
        cmocka_unit_test(english_red_flag_is_urgent),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
