/* SPDX-License-Identifier: MIT */
/* Tests for scoring: weights, "not sure", skip logic, evidence and bands. */
#include "support.h"

#include "musclecheck/score.h"
#include "sample.h"

#include <stdlib.h>

enum { ALPHA, BETA };

static struct condition_score score(const char *answers, size_t condition)
{
    struct session *se = support_session(support_sample, answers);
    struct condition_score r = score_condition(se, condition);
    session_free(se);
    return r;
}

static void yes_weight_over_answered_weight(void **state)
{
    (void)state;
    struct condition_score r = score("a1=yes a2=no", ALPHA);
    assert_int_equal(r.yes_weight, 3);
    assert_int_equal(r.answered_weight, 4);
    assert_int_equal(r.score, 75);
    assert_int_equal(r.band, 2);
    r = score("a1=no a2=yes", ALPHA);
    assert_int_equal(r.score, 25);
    assert_int_equal(r.band, 0);
}

static void score_rounds_to_nearest(void **state)
{
    (void)state;
    /* beta: a2 (1) yes, b1 (2) no -> 1/3 = 33.3 -> 33; a2 no, b1 yes -> 66.7 -> 67 */
    assert_int_equal(score("a2=yes b1=no", BETA).score, 33);
    assert_int_equal(score("a2=no b1=yes", BETA).score, 67);
}

static void not_sure_counts_neither_way(void **state)
{
    (void)state;
    struct condition_score r = score("a1=yes a2=unsure", ALPHA);
    assert_int_equal(r.answered_weight, 3);
    assert_int_equal(r.score, 100);
    r = score("a1=unsure a2=unsure", ALPHA);
    assert_int_equal(r.answered_weight, 0);
    assert_int_equal(r.score, 0);
    assert_int_equal(r.band, 0);
}

static void hidden_questions_do_not_count(void **state)
{
    (void)state;
    struct condition_score with = score("gate=yes follow=yes b1=no", BETA);
    assert_int_equal(with.answered_weight, 5);
    assert_int_equal(with.score, 60);
    struct session *se = support_session(support_sample, "gate=yes follow=yes b1=no");
    session_set_answer(se, Q_GATE, ANSWER_NO); /* hides (and drops) follow */
    struct condition_score without = score_condition(se, BETA);
    session_free(se);
    assert_int_equal(without.answered_weight, 2);
    assert_int_equal(without.score, 0);
}

static void too_little_evidence_stays_in_first_band(void **state)
{
    (void)state;
    /* a2 alone: weight 1 < min_evidence 2, even at 100%. */
    struct condition_score r = score("a2=yes", ALPHA);
    assert_int_equal(r.score, 100);
    assert_int_equal(r.band, 0);
    assert_int_equal(score_band(support_sample, 100, 1), 0);
    assert_int_equal(score_band(support_sample, 100, 2), 2);
}

static void band_thresholds_are_inclusive(void **state)
{
    (void)state;
    assert_int_equal(score_band(support_sample, 39, 10), 0);
    assert_int_equal(score_band(support_sample, 40, 10), 1);
    assert_int_equal(score_band(support_sample, 69, 10), 1);
    assert_int_equal(score_band(support_sample, 70, 10), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(yes_weight_over_answered_weight),
        cmocka_unit_test(score_rounds_to_nearest),
        cmocka_unit_test(not_sure_counts_neither_way),
        cmocka_unit_test(hidden_questions_do_not_count),
        cmocka_unit_test(too_little_evidence_stays_in_first_band),
        cmocka_unit_test(band_thresholds_are_inclusive),
    };
    return cmocka_run_group_tests(tests, support_sample_setup, support_sample_teardown);
}
