/* SPDX-License-Identifier: MIT */
/* Tests for desk_alert: which alert the answers call for, that it follows
 * the report's triage level, and that a patient going back and forth
 * alerts the desk once per level, never with an answer. */
#include "support.h"

#include "musclecheck/desk_alert.h"
#include "musclecheck/report.h"

#include <stdlib.h>

static struct survey *s;

static int setup(void **state)
{
    (void)state;
    char *yaml = support_yaml("  - id: stroke\n"
                              "    text: Face drooping?\n"
                              "    red_flag: {level: ambulance, advice: Call 999 now.}\n"
                              "  - id: urine\n"
                              "    text: Cola-coloured urine?\n"
                              "    red_flag: {level: ae, advice: Go to A&E now.}\n"
                              "  - id: calf\n"
                              "    text: One hot swollen calf?\n"
                              "    red_flag: {level: same_day, advice: See a doctor today.}\n"
                              "  - id: tablets\n"
                              "    text: Water tablets?\n"
                              "  - id: cramps\n"
                              "    text: Cramps?\n"
                              "    evidence: {alpha: 3}\n"
                              "triage_rules:\n"
                              "  - id: loss\n"
                              "    level: same_day\n"
                              "    when: [[tablets], [cramps]]\n"
                              "    advice: Speak to a pharmacist today.\n");
    s = support_load_ok(yaml);
    free(yaml);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    survey_free(s);
    return 0;
}

static enum desk_alert level_of(const char *answers)
{
    struct session *se = support_session(s, answers);
    enum desk_alert a = desk_alert_level(se);
    session_free(se);
    return a;
}

static void each_level_and_unsure(void **state)
{
    (void)state;
    assert_int_equal(level_of(""), DESK_ALERT_NONE);
    assert_int_equal(level_of("stroke=no urine=no calf=no tablets=yes cramps=no"), DESK_ALERT_NONE);
    assert_int_equal(level_of("cramps=yes"), DESK_ALERT_NONE); /* soon at most: no alert */
    assert_int_equal(level_of("stroke=yes"), DESK_ALERT_AMBULANCE);
    assert_int_equal(level_of("stroke=no urine=yes"), DESK_ALERT_AE);
    assert_int_equal(level_of("stroke=no urine=no calf=yes"), DESK_ALERT_SAME_DAY);
    assert_int_equal(level_of("tablets=yes cramps=yes"), DESK_ALERT_SAME_DAY); /* a rule */
    /* "Not sure" about an emergency question is its own alert; about a
     * same-day one it is the same day alert. */
    assert_int_equal(level_of("stroke=unsure"), DESK_ALERT_UNSURE_EMERGENCY);
    assert_int_equal(level_of("stroke=no urine=unsure"), DESK_ALERT_UNSURE_EMERGENCY);
    assert_int_equal(level_of("stroke=no urine=no calf=unsure"), DESK_ALERT_SAME_DAY);
    assert_int_equal(level_of("stroke=unsure urine=yes"), DESK_ALERT_AE); /* the most urgent */
    assert_string_equal(desk_alert_name(DESK_ALERT_AMBULANCE), "ambulance");
    assert_string_equal(desk_alert_name(DESK_ALERT_AE), "ae");
    assert_string_equal(desk_alert_name(DESK_ALERT_SAME_DAY), "same_day");
    assert_string_equal(desk_alert_name(DESK_ALERT_UNSURE_EMERGENCY), "unsure_emergency");
    assert_string_equal(desk_alert_name(DESK_ALERT_NONE), "");
}

/* The alert and the results agree: an alert exactly when the report's
 * level is same day or above, and of that level. */
static void follows_the_report(void **state)
{
    (void)state;
    const char *const walks[] = {"",
                                 "stroke=yes",
                                 "stroke=no urine=yes",
                                 "stroke=no urine=no calf=yes",
                                 "stroke=unsure",
                                 "stroke=no urine=no calf=unsure",
                                 "tablets=yes cramps=yes",
                                 "cramps=yes"};
    const enum desk_alert want[] = {[TRIAGE_SELF_CARE] = DESK_ALERT_NONE,
                                    [TRIAGE_SOON] = DESK_ALERT_NONE,
                                    [TRIAGE_SAME_DAY] = DESK_ALERT_SAME_DAY,
                                    [TRIAGE_AE] = DESK_ALERT_AE,
                                    [TRIAGE_AMBULANCE] = DESK_ALERT_AMBULANCE};
    for (size_t i = 0; i < sizeof(walks) / sizeof(walks[0]); i++) {
        struct session *se = support_session(s, walks[i]);
        struct report *r = report_new(se);
        assert_non_null(r);
        enum desk_alert a = desk_alert_level(se);
        if (a == DESK_ALERT_UNSURE_EMERGENCY)
            assert_int_equal(r->level, TRIAGE_SAME_DAY);
        else
            assert_int_equal(a, want[r->level]);
        report_free(r);
        session_free(se);
    }
}

/* Back and forth over the same answers: one alert per level, the more
 * urgent ones only. */
static void once_per_level(void **state)
{
    (void)state;
    struct session *se = support_session(s, "");
    enum desk_alert sent = DESK_ALERT_NONE;
    assert_int_equal(desk_alert_next(se, &sent), DESK_ALERT_NONE);
    session_set_answer(se, 2, ANSWER_YES); /* calf */
    assert_int_equal(desk_alert_next(se, &sent), DESK_ALERT_SAME_DAY);
    assert_int_equal(desk_alert_next(se, &sent), DESK_ALERT_NONE); /* asked again */
    session_set_answer(se, 2, ANSWER_NO);
    assert_int_equal(desk_alert_next(se, &sent), DESK_ALERT_NONE);
    session_set_answer(se, 2, ANSWER_YES); /* back and yes again: no second alert */
    assert_int_equal(desk_alert_next(se, &sent), DESK_ALERT_NONE);
    session_set_answer(se, 0, ANSWER_UNSURE); /* stroke: not sure */
    assert_int_equal(desk_alert_next(se, &sent), DESK_ALERT_UNSURE_EMERGENCY);
    session_set_answer(se, 0, ANSWER_YES);
    assert_int_equal(desk_alert_next(se, &sent), DESK_ALERT_AMBULANCE);
    session_set_answer(se, 0, ANSWER_NO);
    session_set_answer(se, 1, ANSWER_YES); /* A&E after an ambulance: nothing more */
    assert_int_equal(desk_alert_next(se, &sent), DESK_ALERT_NONE);
    assert_int_equal(sent, DESK_ALERT_AMBULANCE);
    session_free(se);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_level_and_unsure),
        cmocka_unit_test(follows_the_report),
        cmocka_unit_test(once_per_level),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
