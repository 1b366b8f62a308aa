/* SPDX-License-Identifier: MIT */
/* Tests for the flow: what comes after each answer, going back, progress,
 * the emergency stop (emergency red flags and rules; same-day ones go on)
 * and replaying a batch of answers. */
#include "support.h"

#include "musclecheck/flow.h"

#include "sample.h"

#include <stdlib.h>

static struct survey *s, *model;

/* q0 emergency; q1 gateway; q2 shown when q1 = yes; q3 last. */
static int setup(void **state)
{
    (void)state;
    char *yaml = support_yaml("  - id: flag\n"
                              "    text: Chest pain?\n"
                              "    red_flag: Call now.\n"
                              "  - id: gate\n"
                              "    text: Gate?\n"
                              "    evidence: {alpha: 1}\n"
                              "  - id: follow\n"
                              "    text: Follow?\n"
                              "    evidence: {alpha: 3}\n"
                              "    show_if: {question: gate, answer: \"yes\"}\n"
                              "  - id: last\n"
                              "    text: Last?\n"
                              "    evidence: {beta: 2}\n");
    s = support_load_ok(yaml);
    free(yaml);
    model = support_model_load();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    survey_free(s);
    survey_free(model);
    return 0;
}

static void walks_visible_questions_in_order(void **state)
{
    (void)state;
    struct flow *f = flow_new(s);
    assert_int_equal(flow_step(f), FLOW_START);
    assert_int_equal(flow_begin(f), FLOW_QUESTION);
    assert_int_equal(flow_question(f), 0);
    assert_int_equal(flow_answer(f, ANSWER_NO), FLOW_QUESTION);
    assert_int_equal(flow_question(f), 1);
    assert_int_equal(flow_answer(f, ANSWER_NO), FLOW_QUESTION);
    assert_int_equal(flow_question(f), 3); /* the follow-up stays hidden */
    assert_int_equal(flow_answer(f, ANSWER_UNSURE), FLOW_RESULTS);
    flow_free(f);
}

static void follow_up_appears_and_progress_grows(void **state)
{
    (void)state;
    struct flow *f = flow_new(s);
    flow_begin(f);
    flow_answer(f, ANSWER_NO);
    size_t pos, total;
    flow_progress(f, &pos, &total);
    assert_int_equal(pos, 2);
    assert_int_equal(total, 3); /* the follow-up is not promised yet */
    flow_answer(f, ANSWER_YES);
    assert_int_equal(flow_question(f), 2);
    flow_progress(f, &pos, &total);
    assert_int_equal(pos, 3);
    assert_int_equal(total, 4);
    flow_free(f);
}

static void yes_to_an_emergency_ends_the_questions(void **state)
{
    (void)state;
    struct flow *f = flow_new(s);
    flow_begin(f);
    assert_int_equal(flow_answer(f, ANSWER_YES), FLOW_EMERGENCY);
    assert_int_equal(flow_question(f), 0);
    /* No way back from the advice, and no further answers taken. */
    assert_int_equal(flow_back(f), FLOW_EMERGENCY);
    assert_int_equal(flow_answer(f, ANSWER_NO), FLOW_EMERGENCY);
    assert_int_equal(session_answer(flow_session(f), 0), ANSWER_YES);
    flow_free(f);
}

/* "Not sure" about a warning sign goes on with the questions (the results
 * then ask for a same-day check); only a yes stops them. */
static void unsure_about_an_emergency_goes_on(void **state)
{
    (void)state;
    struct flow *f = flow_new(s);
    flow_begin(f);
    assert_int_equal(flow_answer(f, ANSWER_UNSURE), FLOW_QUESTION);
    assert_int_equal(flow_question(f), 1);
    flow_free(f);
}

static void back_goes_to_the_previous_visible_question(void **state)
{
    (void)state;
    struct flow *f = flow_new(s);
    flow_begin(f);
    flow_answer(f, ANSWER_NO);  /* flag */
    flow_answer(f, ANSWER_YES); /* gate: the follow-up appears */
    flow_answer(f, ANSWER_NO);  /* follow */
    assert_int_equal(flow_question(f), 3);
    assert_int_equal(flow_back(f), FLOW_QUESTION);
    assert_int_equal(flow_question(f), 2);
    assert_int_equal(flow_back(f), FLOW_QUESTION);
    assert_int_equal(flow_question(f), 1);
    /* Changing the gateway hides the follow-up and drops its answer. */
    flow_answer(f, ANSWER_NO);
    assert_int_equal(flow_question(f), 3);
    assert_int_equal(session_answer(flow_session(f), 2), ANSWER_NONE);
    flow_back(f);
    flow_back(f);
    assert_int_equal(flow_question(f), 0);
    assert_int_equal(flow_back(f), FLOW_START);
    flow_free(f);
}

static void back_from_the_results_reopens_the_last_question(void **state)
{
    (void)state;
    struct flow *f = flow_new(s);
    flow_begin(f);
    flow_answer(f, ANSWER_NO);
    flow_answer(f, ANSWER_NO);
    assert_int_equal(flow_answer(f, ANSWER_NO), FLOW_RESULTS);
    assert_int_equal(flow_back(f), FLOW_QUESTION);
    assert_int_equal(flow_question(f), 3);
    flow_free(f);
}

static void reset_forgets_everything(void **state)
{
    (void)state;
    struct flow *f = flow_new(s);
    flow_begin(f);
    flow_answer(f, ANSWER_NO);
    flow_reset(f);
    assert_int_equal(flow_step(f), FLOW_START);
    assert_int_equal(session_answer(flow_session(f), 0), ANSWER_NONE);
    flow_free(f);
    flow_free(NULL);
}

static void replay_drops_answers_after_an_emergency(void **state)
{
    (void)state;
    struct session *given = support_session(s, "gate=yes follow=yes last=yes flag=yes");
    struct flow *f = flow_new(s);
    assert_int_equal(flow_replay(f, given), FLOW_EMERGENCY);
    assert_int_equal(flow_question(f), 0);
    const struct session *se = flow_session(f);
    assert_int_equal(session_answer(se, 0), ANSWER_YES);
    for (size_t q = 1; q < 4; q++)
        assert_int_equal(session_answer(se, q), ANSWER_NONE);
    session_free(given);
    flow_free(f);
}

static void replay_keeps_gaps_and_follow_up_rules(void **state)
{
    (void)state;
    struct session *given = support_session(s, "gate=no last=yes");
    struct flow *f = flow_new(s);
    assert_int_equal(flow_replay(f, given), FLOW_RESULTS);
    const struct session *se = flow_session(f);
    assert_int_equal(session_answer(se, 0), ANSWER_NONE); /* not given: left unanswered */
    assert_int_equal(session_answer(se, 1), ANSWER_NO);
    assert_false(session_visible(se, 2));
    assert_int_equal(session_answer(se, 3), ANSWER_YES);
    session_free(given);
    flow_free(f);
}

/* Answers the model's questions in order with ANSWERS ("id=yes ...", the
 * rest no) until the flow stops; returns the step it stops at. */
static enum flow_step walk_model(struct flow *f, const char *answers)
{
    struct session *given = support_session(model, answers);
    flow_begin(f);
    while (flow_step(f) == FLOW_QUESTION) {
        enum answer a = session_answer(given, flow_question(f));
        flow_answer(f, a != ANSWER_NONE ? a : ANSWER_NO);
    }
    session_free(given);
    return flow_step(f);
}

static void same_day_red_flag_does_not_stop_the_questions(void **state)
{
    (void)state;
    struct flow *f = flow_new(model);
    assert_int_equal(walk_model(f, "stool=yes"), FLOW_RESULTS);
    const struct session *se = flow_session(f);
    assert_int_equal(session_answer(se, M_STOOL), ANSWER_YES);
    assert_int_equal(session_answer(se, M_FAINT), ANSWER_NO); /* asked after the stool question */
    flow_free(f);
    /* Nor does a same-day rule. */
    f = flow_new(model);
    assert_int_equal(walk_model(f, "tablets=yes cramps=yes"), FLOW_RESULTS);
    flow_free(f);
}

static void emergency_red_flag_stops_at_once(void **state)
{
    (void)state;
    struct flow *f = flow_new(model);
    assert_int_equal(walk_model(f, "chest=yes sign_a=yes"), FLOW_EMERGENCY);
    assert_int_equal(flow_question(f), M_CHEST);
    assert_int_equal(session_answer(flow_session(f), M_SIGN_A), ANSWER_NONE);
    flow_free(f);
}

static void emergency_rule_stops_as_soon_as_it_holds(void **state)
{
    (void)state;
    struct flow *f = flow_new(model);
    /* tablets (yes) comes before faint: the rule holds at faint's yes. */
    assert_int_equal(walk_model(f, "tablets=yes faint=yes"), FLOW_EMERGENCY);
    assert_int_equal(flow_question(f), M_FAINT);
    assert_int_equal(flow_back(f), FLOW_EMERGENCY);
    flow_free(f);
    /* faint alone is no emergency, and neither is a "no" that completes nothing. */
    f = flow_new(model);
    assert_int_equal(walk_model(f, "faint=yes"), FLOW_RESULTS);
    flow_free(f);
}

static void emergency_rule_completed_by_an_earlier_question(void **state)
{
    (void)state;
    /* The rule's second group is answered first: the stop comes at the later yes. */
    char *yaml = support_yaml("  - id: fainted\n"
                              "    text: Fainted?\n"
                              "  - id: tablets\n"
                              "    text: Water tablets?\n"
                              "    evidence: {beta: 2}\n"
                              "  - id: last\n"
                              "    text: Last?\n"
                              "    evidence: {alpha: 1}\n"
                              "triage_rules:\n"
                              "  - id: collapse\n"
                              "    level: ambulance\n"
                              "    when: [[tablets], [fainted]]\n"
                              "    advice: Call now.\n");
    struct survey *r = support_load_ok(yaml);
    free(yaml);
    struct flow *f = flow_new(r);
    flow_begin(f);
    assert_int_equal(flow_answer(f, ANSWER_YES), FLOW_QUESTION);  /* fainted */
    assert_int_equal(flow_answer(f, ANSWER_YES), FLOW_EMERGENCY); /* tablets */
    assert_int_equal(flow_question(f), 1);
    flow_free(f);
    survey_free(r);
}

static void replay_stops_at_an_emergency_rule(void **state)
{
    (void)state;
    struct session *given = support_session(model, "tablets=yes faint=yes stool=yes aches=yes");
    struct flow *f = flow_new(model);
    assert_int_equal(flow_replay(f, given), FLOW_EMERGENCY);
    assert_int_equal(flow_question(f), M_FAINT);
    /* stool (same_day) came before faint and stays; nothing after is asked. */
    assert_int_equal(session_answer(flow_session(f), M_STOOL), ANSWER_YES);
    session_free(given);
    flow_free(f);
    given = support_session(model, "stool=yes aches=yes");
    f = flow_new(model);
    assert_int_equal(flow_replay(f, given), FLOW_RESULTS);
    assert_int_equal(session_answer(flow_session(f), M_ACHES), ANSWER_YES);
    session_free(given);
    flow_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(walks_visible_questions_in_order),
        cmocka_unit_test(follow_up_appears_and_progress_grows),
        cmocka_unit_test(yes_to_an_emergency_ends_the_questions),
        cmocka_unit_test(unsure_about_an_emergency_goes_on),
        cmocka_unit_test(back_goes_to_the_previous_visible_question),
        cmocka_unit_test(back_from_the_results_reopens_the_last_question),
        cmocka_unit_test(reset_forgets_everything),
        cmocka_unit_test(replay_drops_answers_after_an_emergency),
        cmocka_unit_test(replay_keeps_gaps_and_follow_up_rules),
        cmocka_unit_test(same_day_red_flag_does_not_stop_the_questions),
        cmocka_unit_test(emergency_red_flag_stops_at_once),
        cmocka_unit_test(emergency_rule_stops_as_soon_as_it_holds),
        cmocka_unit_test(emergency_rule_completed_by_an_earlier_question),
        cmocka_unit_test(replay_stops_at_an_emergency_rule),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
