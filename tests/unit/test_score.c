/* SPDX-License-Identifier: MIT */
/* Tests for scoring: evidence points for yes and no, "not sure", skip
 * logic, priors, the non-specific cap, anchors and bands. */
#include "support.h"

#include "musclecheck/score.h"
#include "sample.h"

#include <stdlib.h>

enum { ALPHA, BETA };

static struct survey *model;

static int setup(void **state)
{
    support_sample_setup(state);
    model = support_model_load();
    return 0;
}

static int teardown(void **state)
{
    survey_free(model);
    return support_sample_teardown(state);
}

static struct condition_score score_in(const struct survey *s, const char *answers,
                                       size_t condition)
{
    struct session *se = support_session(s, answers);
    struct condition_score r = score_condition(se, condition);
    session_free(se);
    return r;
}

static struct condition_score score(const char *answers, size_t condition)
{
    return score_in(support_sample, answers, condition);
}

static struct condition_score model_score(const char *answers, size_t condition)
{
    return score_in(model, answers, condition);
}

static void yes_points_add_up_into_bands(void **state)
{
    (void)state;
    struct condition_score r = score("a1=yes a2=yes", ALPHA);
    assert_int_equal(r.condition, ALPHA);
    assert_int_equal(r.points, 4);
    assert_true(r.anchored);
    assert_int_equal(r.band, 1); /* possible: 3 <= 4 < 5 */
    r = score("a1=yes", ALPHA);
    assert_int_equal(r.points, 3);
    assert_int_equal(r.band, 1);
    r = score("a1=no a2=yes", ALPHA); /* a "no" without no points takes nothing away */
    assert_int_equal(r.points, 1);
    assert_int_equal(r.band, 0);
    r = score("gate=yes follow=yes b1=yes", BETA);
    assert_int_equal(r.points, 5);
    assert_int_equal(r.band, 2); /* likely */
}

static void not_sure_counts_neither_way(void **state)
{
    (void)state;
    struct condition_score r = score("a1=yes a2=unsure", ALPHA);
    assert_int_equal(r.points, 3);
    r = score("a1=unsure a2=unsure", ALPHA);
    assert_int_equal(r.points, 0);
    assert_false(r.anchored); /* "not sure" to a sign does not anchor */
    assert_int_equal(r.band, 0);
    r = model_score("sign_a=unsure weak=unsure", M_ALPHA);
    assert_int_equal(r.points, 0); /* neither the no points of sign_a nor of weak */
}

static void hidden_questions_do_not_count(void **state)
{
    (void)state;
    struct condition_score with = score("gate=yes follow=yes b1=no", BETA);
    assert_int_equal(with.points, 3);
    assert_int_equal(with.band, 1);
    struct session *se = support_session(support_sample, "gate=yes follow=yes b1=no");
    session_set_answer(se, Q_GATE, ANSWER_NO); /* hides (and drops) follow */
    struct condition_score without = score_condition(se, BETA);
    session_free(se);
    assert_int_equal(without.points, 0);
    assert_false(without.anchored);
    assert_int_equal(without.band, 0);
}

static void band_thresholds_are_inclusive(void **state)
{
    (void)state;
    assert_int_equal(score_band(support_sample, -3, true), 0);
    assert_int_equal(score_band(support_sample, 2, true), 0);
    assert_int_equal(score_band(support_sample, 3, true), 1);
    assert_int_equal(score_band(support_sample, 4, true), 1);
    assert_int_equal(score_band(support_sample, 5, true), 2);
    assert_int_equal(score_band(support_sample, 50, true), 2);
}

static void without_an_anchor_any_points_stay_in_the_first_band(void **state)
{
    (void)state;
    assert_int_equal(score_band(support_sample, 3, false), 0);
    assert_int_equal(score_band(support_sample, 100, false), 0);
}

static void no_answers_take_points_away(void **state)
{
    (void)state;
    struct condition_score r = model_score("sign_a=no", M_ALPHA);
    assert_int_equal(r.points, -2);
    assert_false(r.anchored);
    /* A non-specific "no" takes its points away too (it is never capped). */
    r = model_score("sign_a=no weak=no", M_ALPHA);
    assert_int_equal(r.points, -3);
    /* And a "no" lowers a condition that a sign lifted. */
    r = model_score("sign_a=yes cause_a=yes weak=no", M_ALPHA);
    assert_int_equal(r.points, 4);
    assert_int_equal(r.band, 1); /* 5 would be likely */
    assert_int_equal(score_answer_points(survey_question(model, M_SIGN_A), M_ALPHA, ANSWER_NO), -2);
    assert_int_equal(score_answer_points(survey_question(model, M_SIGN_A), M_ALPHA, ANSWER_YES), 3);
    assert_int_equal(score_answer_points(survey_question(model, M_SIGN_A), M_ALPHA, ANSWER_UNSURE),
                     0);
    assert_int_equal(score_answer_points(survey_question(model, M_SIGN_A), M_BETA, ANSWER_YES), 0);
}

/* Only a strong known cause (3 points) stands against another cause of the
 * signs: cause_a is worth 3 to beta and 2 to alpha. */
static void only_a_strong_cause_counts_as_caused(void **state)
{
    (void)state;
    assert_true(model_score("cause_a=yes", M_BETA).caused);
    assert_false(model_score("cause_a=yes", M_ALPHA).caused);
    assert_false(model_score("cause_a=no aches=yes", M_BETA).caused);
}

static void nonspecific_yes_points_are_capped(void **state)
{
    (void)state;
    assert_int_equal(survey_nonspecific_cap(model), 2); /* the default */
    assert_int_equal(model_score("tired=yes", M_ALPHA).points, 2);
    assert_int_equal(model_score("tired=yes weak=yes", M_ALPHA).points, 2); /* not 4 */
    assert_int_equal(model_score("tired=yes", M_KAPPA).points, 1);          /* under the cap */
    assert_int_equal(model_score("tired=yes weak=yes", M_KAPPA).points, 2); /* not 3 */
    /* The cap is on the non-specific points only: signs add on top. */
    assert_int_equal(model_score("sign_a=yes tired=yes weak=yes", M_ALPHA).points, 5);
}

static void nonspecific_cap_comes_from_the_file(void **state)
{
    (void)state;
    char *yaml = support_yaml("  - id: q1\n"
                              "    text: Tired?\n"
                              "    evidence: {alpha: {yes: 2, kind: nonspecific}}\n"
                              "  - id: q2\n"
                              "    text: Weak?\n"
                              "    evidence: {alpha: {yes: 2, kind: nonspecific}}\n"
                              "nonspecific_cap: 3\n");
    struct survey *s = support_load_ok(yaml);
    assert_int_equal(survey_nonspecific_cap(s), 3);
    assert_int_equal(score_in(s, "q1=yes q2=yes", ALPHA).points, 3);
    survey_free(s);
    free(yaml);
    yaml = support_yaml("  - id: q1\n"
                        "    text: Tired?\n"
                        "    evidence: {alpha: {yes: 2, kind: nonspecific}}\n"
                        "nonspecific_cap: 0\n");
    s = support_load_ok(yaml);
    assert_int_equal(score_in(s, "q1=yes", ALPHA).points, 0);
    survey_free(s);
    free(yaml);
}

static void nonspecific_evidence_never_anchors(void **state)
{
    (void)state;
    struct condition_score r = model_score("tired=yes weak=yes", M_ALPHA);
    assert_false(r.anchored);
    assert_int_equal(r.band, 0);
}

static void risk_evidence_never_anchors_however_many_points(void **state)
{
    (void)state;
    struct condition_score r = model_score("risk_a=yes tired=yes weak=yes", M_ALPHA);
    assert_int_equal(r.points, 6); /* more than "likely" needs */
    assert_false(r.anchored);
    assert_int_equal(r.band, 0);
    r = model_score("risk_a=yes sign_a=yes", M_ALPHA); /* a sign anchors: risk points count */
    assert_int_equal(r.points, 7);
    assert_true(r.anchored);
    assert_int_equal(r.band, 2);
    r = model_score("risk_a=yes cause_a=yes", M_ALPHA); /* so does a cause */
    assert_true(r.anchored);
    assert_int_equal(r.band, 2);
}

static void priors_are_starting_points(void **state)
{
    (void)state;
    assert_int_equal(survey_condition(model, M_BETA)->prior, -1);
    struct condition_score r = model_score("", M_BETA);
    assert_int_equal(r.points, -1);
    r = model_score("aches=yes", M_BETA);
    assert_int_equal(r.points, 2); /* 3 for the sign, less 1 */
    assert_true(r.anchored);
    assert_int_equal(r.band, 0); /* without the prior it would be possible */
    r = model_score("aches=yes cramps=yes", M_BETA);
    assert_int_equal(r.points, 3);
    assert_int_equal(r.band, 1);
}

static void a_cause_only_anchor_ignores_signs(void **state)
{
    (void)state;
    /* Like potassium: cramps are a sign, but only a cause of loss lifts it. */
    struct condition_score r = model_score("cramps=yes tired=yes weak=yes", M_KAPPA);
    assert_int_equal(r.points, 5);
    assert_false(r.anchored);
    assert_int_equal(r.band, 0);
    r = model_score("cramps=yes tired=yes weak=yes tablets=yes", M_KAPPA);
    assert_int_equal(r.points, 7);
    assert_true(r.anchored);
    assert_int_equal(r.band, 2);
    r = model_score("tablets=yes", M_KAPPA); /* anchored, but 2 points are not enough */
    assert_true(r.anchored);
    assert_int_equal(r.band, 0);
}

static void a_yes_worth_nothing_does_not_anchor(void **state)
{
    (void)state;
    char *yaml = support_yaml("  - id: q1\n"
                              "    text: Never had it?\n"
                              "    evidence: {alpha: {yes: 0, no: -2, kind: sign}}\n"
                              "  - id: q2\n"
                              "    text: Risk?\n"
                              "    evidence: {alpha: {yes: 5, kind: risk}}\n");
    struct survey *s = support_load_ok(yaml);
    struct condition_score r = score_in(s, "q1=yes q2=yes", ALPHA);
    assert_int_equal(r.points, 5);
    assert_false(r.anchored);
    assert_int_equal(r.band, 0);
    survey_free(s);
    free(yaml);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(yes_points_add_up_into_bands),
        cmocka_unit_test(not_sure_counts_neither_way),
        cmocka_unit_test(hidden_questions_do_not_count),
        cmocka_unit_test(band_thresholds_are_inclusive),
        cmocka_unit_test(without_an_anchor_any_points_stay_in_the_first_band),
        cmocka_unit_test(no_answers_take_points_away),
        cmocka_unit_test(only_a_strong_cause_counts_as_caused),
        cmocka_unit_test(nonspecific_yes_points_are_capped),
        cmocka_unit_test(nonspecific_cap_comes_from_the_file),
        cmocka_unit_test(nonspecific_evidence_never_anchors),
        cmocka_unit_test(risk_evidence_never_anchors_however_many_points),
        cmocka_unit_test(priors_are_starting_points),
        cmocka_unit_test(a_cause_only_anchor_ignores_signs),
        cmocka_unit_test(a_yes_worth_nothing_does_not_anchor),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
