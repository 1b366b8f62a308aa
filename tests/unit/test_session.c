/* SPDX-License-Identifier: MIT */
/* Tests for sessions: skip logic, dropped answers, navigation, progress and wiping. */
#include "support.h"

#include "sample.h"

#include <stdlib.h>

static void follow_up_hidden_until_gateway_says_yes(void **state)
{
    (void)state;
    struct session *se = session_new(support_sample);
    assert_false(session_visible(se, Q_FOLLOW));
    session_set_answer(se, Q_GATE, ANSWER_NO);
    assert_false(session_visible(se, Q_FOLLOW));
    session_set_answer(se, Q_GATE, ANSWER_YES);
    assert_true(session_visible(se, Q_FOLLOW));
    session_free(se);
}

static void changing_the_gateway_drops_the_follow_up_answer(void **state)
{
    (void)state;
    struct session *se = support_session(support_sample, "gate=yes follow=yes b1=no");
    assert_int_equal(session_answer(se, Q_FOLLOW), ANSWER_YES);
    session_set_answer(se, Q_GATE, ANSWER_UNSURE);
    assert_int_equal(session_answer(se, Q_FOLLOW), ANSWER_NONE);
    assert_int_equal(session_answer(se, Q_B1), ANSWER_NO); /* unrelated answers stay */
    session_set_answer(se, Q_GATE, ANSWER_YES);
    assert_int_equal(session_answer(se, Q_FOLLOW), ANSWER_NONE); /* not restored */
    session_free(se);
}

static void hidden_question_cannot_be_answered(void **state)
{
    (void)state;
    struct session *se = session_new(support_sample);
    session_set_answer(se, Q_FOLLOW, ANSWER_YES);
    assert_int_equal(session_answer(se, Q_FOLLOW), ANSWER_NONE);
    session_free(se);
}

static void navigation_skips_hidden_questions(void **state)
{
    (void)state;
    struct session *se = session_new(support_sample);
    assert_int_equal(session_next_visible(se, Q_GATE + 1), Q_B1);
    assert_int_equal(session_prev_visible(se, Q_B1), Q_GATE);
    assert_int_equal(session_prev_visible(se, 0), -1);
    assert_int_equal(session_next_visible(se, Q_B1 + 1), -1);
    session_set_answer(se, Q_GATE, ANSWER_YES);
    assert_int_equal(session_next_visible(se, Q_GATE + 1), Q_FOLLOW);
    assert_int_equal(session_prev_visible(se, Q_B1), Q_FOLLOW);
    session_free(se);
}

static void progress_counts_only_visible_questions(void **state)
{
    (void)state;
    struct session *se = session_new(support_sample);
    size_t pos, total;
    session_progress(se, Q_B1, &pos, &total);
    assert_int_equal(pos, 5);
    assert_int_equal(total, 5);
    session_set_answer(se, Q_GATE, ANSWER_YES);
    session_progress(se, Q_B1, &pos, &total);
    assert_int_equal(pos, 6);
    assert_int_equal(total, 6);
    session_progress(se, Q_A1, &pos, &total);
    assert_int_equal(pos, 2);
    session_free(se);
}

static void first_unanswered(void **state)
{
    (void)state;
    struct session *se = support_session(support_sample, "flag=no a1=yes");
    assert_int_equal(session_first_unanswered(se), Q_A2);
    session_free(se);
    se = support_session(support_sample, "flag=no a1=yes a2=no gate=no b1=unsure");
    assert_int_equal(session_first_unanswered(se), -1);
    session_free(se);
}

static void reset_forgets_everything(void **state)
{
    (void)state;
    struct session *se = support_session(support_sample, "flag=yes a1=yes gate=yes follow=no");
    session_reset(se);
    for (size_t q = 0; q < survey_question_count(support_sample); q++)
        assert_int_equal(session_answer(se, q), ANSWER_NONE);
    assert_false(session_visible(se, Q_FOLLOW));
    session_free(se);
    session_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(follow_up_hidden_until_gateway_says_yes),
        cmocka_unit_test(changing_the_gateway_drops_the_follow_up_answer),
        cmocka_unit_test(hidden_question_cannot_be_answered),
        cmocka_unit_test(navigation_skips_hidden_questions),
        cmocka_unit_test(progress_counts_only_visible_questions),
        cmocka_unit_test(first_unanswered),
        cmocka_unit_test(reset_forgets_everything),
    };
    return cmocka_run_group_tests(tests, support_sample_setup, support_sample_teardown);
}
