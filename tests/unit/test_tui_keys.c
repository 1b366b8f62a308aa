/* SPDX-License-Identifier: MIT */
/* Tests for the screens' key handlers: what each key asks for on each
 * screen and overlay, and what applying an answer leads to. No terminal is
 * needed: handlers only read the state and return an action. */
#include "support.h"

#include "apply.h"
#include "keymap.h"
#include "screens.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

static struct survey *s;

static int setup(void **state)
{
    (void)state;
    char *yaml = support_yaml("  - id: flag\n"
                              "    text: Chest pain?\n"
                              "    red_flag: Call now.\n"
                              "  - id: a1\n"
                              "    text: A1?\n"
                              "    evidence: {alpha: 3}\n");
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

static struct tui make(bool kiosk)
{
    static const struct survey *list[1];
    list[0] = s;
    struct tui ui = {.survey = s, .surveys = list, .survey_count = 1, .kiosk = kiosk};
    ui.flow = flow_new(s);
    assert_non_null(ui.flow);
    return ui;
}

#define ASSERT_ACTION(a, k, v)                                                                     \
    do {                                                                                           \
        struct action got_ = (a);                                                                  \
        assert_int_equal(got_.kind, (k));                                                          \
        assert_int_equal(got_.arg, (v));                                                           \
    } while (0)

static void welcome_keys(void **state)
{
    (void)state;
    struct tui ui = make(false);
    ASSERT_ACTION(screen_welcome_key(&ui, '\r'), ACT_BEGIN, 0);
    ASSERT_ACTION(screen_welcome_key(&ui, ' '), ACT_BEGIN, 0);
    ASSERT_ACTION(screen_welcome_key(&ui, '?'), ACT_HELP, 0);
    ASSERT_ACTION(screen_welcome_key(&ui, KEY_F(1)), ACT_HELP, 0);
    ASSERT_ACTION(screen_welcome_key(&ui, 'q'), ACT_ASK_QUIT, 0);
    ASSERT_ACTION(screen_welcome_key(&ui, 27), ACT_ASK_QUIT, 0);
    ASSERT_ACTION(screen_welcome_key(&ui, '1'), ACT_NONE, 0); /* languages: kiosk only */
    ASSERT_ACTION(screen_welcome_key(&ui, 'x'), ACT_NONE, 0);
    tui_state_free(&ui);
}

static void question_keys(void **state)
{
    (void)state;
    struct tui ui = make(false);
    ui.screen = SCREEN_QUESTION;
    ASSERT_ACTION(screen_question_key(&ui, 'y'), ACT_ANSWER, ANSWER_YES);
    ASSERT_ACTION(screen_question_key(&ui, 'N'), ACT_ANSWER, ANSWER_NO);
    ASSERT_ACTION(screen_question_key(&ui, 'u'), ACT_ANSWER, ANSWER_UNSURE);
    ASSERT_ACTION(screen_question_key(&ui, 'b'), ACT_BACK, 0);
    ASSERT_ACTION(screen_question_key(&ui, KEY_LEFT), ACT_BACK, 0);
    ASSERT_ACTION(screen_question_key(&ui, KEY_BACKSPACE), ACT_BACK, 0);
    ASSERT_ACTION(screen_question_key(&ui, KEY_RIGHT), ACT_FOCUS, 1);
    ASSERT_ACTION(screen_question_key(&ui, KEY_UP), ACT_FOCUS, 2);
    ui.focus = 2;
    ASSERT_ACTION(screen_question_key(&ui, '\t'), ACT_FOCUS, 0);
    ASSERT_ACTION(screen_question_key(&ui, '\r'), ACT_ANSWER, ANSWER_UNSURE); /* the focused one */
    ASSERT_ACTION(screen_question_key(&ui, 'q'), ACT_ASK_QUIT, 0);
    ASSERT_ACTION(screen_question_key(&ui, 'z'), ACT_NONE, 0);
    tui_state_free(&ui);
}

static void red_flag_keys(void **state)
{
    (void)state;
    struct tui ui = make(false);
    ui.screen = SCREEN_RED_FLAG;
    ASSERT_ACTION(screen_red_flag_key(&ui, 'r'), ACT_RESULTS, 0);
    ASSERT_ACTION(screen_red_flag_key(&ui, 's'), ACT_QUIT, 0);
    ASSERT_ACTION(screen_red_flag_key(&ui, '\r'), ACT_RESULTS, 0); /* "See results" focused */
    ASSERT_ACTION(screen_red_flag_key(&ui, KEY_RIGHT), ACT_FOCUS, 1);
    tui_state_free(&ui);
    ui = make(true);
    ui.screen = SCREEN_RED_FLAG;
    ASSERT_ACTION(screen_red_flag_key(&ui, 's'), ACT_RESULTS, 0); /* a kiosk has no "stop" */
    tui_state_free(&ui);
}

static void results_keys_differ_in_a_kiosk(void **state)
{
    (void)state;
    struct tui ui = make(false);
    ui.screen = SCREEN_RESULTS;
    ui.page = 10;
    ASSERT_ACTION(screen_results_key(&ui, 's'), ACT_SAVE_OPEN, 0);
    ASSERT_ACTION(screen_results_key(&ui, 'p'), ACT_NONE, 0);
    ASSERT_ACTION(screen_results_key(&ui, 'r'), ACT_START_AGAIN, 0);
    ASSERT_ACTION(screen_results_key(&ui, 't'), ACT_TOGGLE_TABLE, 0);
    ASSERT_ACTION(screen_results_key(&ui, '?'), ACT_HELP, 0);
    ASSERT_ACTION(screen_results_key(&ui, KEY_NPAGE), ACT_SCROLL, 9);
    ASSERT_ACTION(screen_results_key(&ui, KEY_UP), ACT_SCROLL, -1);
    ASSERT_ACTION(screen_results_key(&ui, KEY_HOME), ACT_SCROLL_TO, 0);
    ui.focus = 1;
    ASSERT_ACTION(screen_results_key(&ui, '\r'), ACT_TOGGLE_TABLE, 0); /* the focused button */
    ASSERT_ACTION(screen_results_key(&ui, KEY_RIGHT), ACT_FOCUS, 2);
    tui_state_free(&ui);

    ui = make(true);
    ui.screen = SCREEN_RESULTS;
    ASSERT_ACTION(screen_results_key(&ui, 's'), ACT_NONE, 0); /* nothing is saved in a kiosk */
    ASSERT_ACTION(screen_results_key(&ui, 'p'), ACT_NONE, 0); /* no print command */
    ASSERT_ACTION(screen_results_key(&ui, 'r'), ACT_ASK_QUIT, 0);
    ui.print_command = "lp";
    ASSERT_ACTION(screen_results_key(&ui, 'p'), ACT_PRINT, 0);
    tui_state_free(&ui);
}

static void quit_box_keys(void **state)
{
    (void)state;
    struct tui ui = make(false);
    ui.overlay = OVERLAY_QUIT;
    ui.overlay_focus = 1;
    ASSERT_ACTION(tui_key_action(&ui, 'y'), ACT_QUIT, 0);
    ASSERT_ACTION(tui_key_action(&ui, 'n'), ACT_CLOSE, 0);
    ASSERT_ACTION(tui_key_action(&ui, 27), ACT_CLOSE, 0);
    ASSERT_ACTION(tui_key_action(&ui, '\r'), ACT_CLOSE, 0); /* "No" is focused */
    ASSERT_ACTION(tui_key_action(&ui, KEY_LEFT), ACT_OVERLAY_FOCUS, 0);
    ui.kiosk = true;
    ASSERT_ACTION(tui_key_action(&ui, 'y'), ACT_WIPE, 0);
    tui_state_free(&ui);
}

static void boxes_take_every_key(void **state)
{
    (void)state;
    struct tui ui = make(true);
    ui.staff_pin = "1234";
    ui.overlay = OVERLAY_STAFF;
    ASSERT_ACTION(tui_key_action(&ui, '7'), ACT_PIN_TYPE, '7');
    ASSERT_ACTION(tui_key_action(&ui, 'y'), ACT_PIN_TYPE, 'y'); /* not an answer */
    ASSERT_ACTION(tui_key_action(&ui, 127), ACT_PIN_ERASE, 0);
    ASSERT_ACTION(tui_key_action(&ui, '\r'), ACT_PIN_SUBMIT, 0);
    ASSERT_ACTION(tui_key_action(&ui, 27), ACT_CLOSE, 0);
    ui.overlay = OVERLAY_HELP;
    ASSERT_ACTION(tui_key_action(&ui, 'y'), ACT_CLOSE, 0);
    ui.overlay = OVERLAY_SAVE;
    ASSERT_ACTION(tui_key_action(&ui, 'y'), ACT_SAVE_TYPE, 'y');
    ASSERT_ACTION(tui_key_action(&ui, '\r'), ACT_NONE, 0); /* an empty name */
    ui.save_len = 1;
    ASSERT_ACTION(tui_key_action(&ui, '\r'), ACT_SAVE, 0);
    ui.save_confirm = true;
    ASSERT_ACTION(tui_key_action(&ui, 'y'), ACT_SAVE_REPLACE, 0);
    ASSERT_ACTION(tui_key_action(&ui, 'n'), ACT_SAVE_RENAME, 0);
    tui_state_free(&ui);
}

static void staff_key_only_in_a_kiosk_with_a_pin(void **state)
{
    (void)state;
    struct tui ui = make(false);
    ui.staff_pin = "1234";
    ASSERT_ACTION(tui_key_action(&ui, KEY_CTRL('x')), ACT_NONE, 0);
    ui.kiosk = true;
    ASSERT_ACTION(tui_key_action(&ui, KEY_CTRL('x')), ACT_STAFF, 0);
    ui.pin_locked_until = 1000;
    ui.now_ms = 999;
    ASSERT_ACTION(tui_key_action(&ui, KEY_CTRL('x')), ACT_NONE, 0); /* locked after 3 tries */
    tui_state_free(&ui);
}

static void applying_answers_follows_the_flow(void **state)
{
    (void)state;
    struct tui ui = make(false);
    assert_false(tui_apply(&ui, ACTION(ACT_BEGIN)));
    assert_int_equal(ui.screen, SCREEN_QUESTION);
    assert_false(tui_apply(&ui, ACTION_ARG(ACT_ANSWER, ANSWER_NO)));
    assert_int_equal(flow_question(ui.flow), 1);
    assert_false(tui_apply(&ui, ACTION_ARG(ACT_ANSWER, ANSWER_YES)));
    assert_int_equal(ui.screen, SCREEN_RESULTS);
    assert_non_null(ui.results);
    assert_int_equal(ui.focus, 1); /* "Comparison table", not "Start again" */
    assert_false(tui_apply(&ui, ACTION(ACT_START_AGAIN)));
    assert_int_equal(ui.screen, SCREEN_WELCOME);
    assert_null(ui.results);
    assert_int_equal(session_answer(flow_session(ui.flow), 1), ANSWER_NONE);
    tui_apply(&ui, ACTION(ACT_BEGIN));
    tui_apply(&ui, ACTION_ARG(ACT_ANSWER, ANSWER_YES));
    assert_int_equal(ui.screen, SCREEN_RED_FLAG);
    tui_apply(&ui, ACTION(ACT_RESULTS));
    assert_int_equal(ui.screen, SCREEN_RESULTS);
    assert_true(tui_apply(&ui, ACTION(ACT_QUIT)));
    tui_state_free(&ui);
}

/* A key after the idle time must not reach the old session. */
static void idle_time_runs_out(void **state)
{
    (void)state;
    struct tui ui = make(true);
    ui.idle_ms = 1000;
    ui.last_input = 0;
    ui.screen = SCREEN_QUESTION;
    assert_false(tui_idle_expired(&ui, 999));
    assert_true(tui_idle_expired(&ui, 1000));
    ui.screen = SCREEN_WELCOME; /* nothing to wipe ... */
    assert_false(tui_idle_expired(&ui, 5000));
    ui.overlay = OVERLAY_STAFF; /* ... but a PIN box left open */
    assert_true(tui_idle_expired(&ui, 5000));
    ui.overlay = OVERLAY_NONE;
    ui.screen = SCREEN_RED_FLAG;
    assert_true(tui_idle_expired(&ui, 5000));
    ui.red_flag_stale = true; /* already wiped */
    assert_false(tui_idle_expired(&ui, 5000));
    ui.kiosk = false;
    ui.screen = SCREEN_QUESTION;
    assert_false(tui_idle_expired(&ui, 5000)); /* only a kiosk wipes */
    tui_state_free(&ui);
}

static void wrong_pins_lock_the_prompt(void **state)
{
    (void)state;
    struct tui ui = make(true);
    ui.staff_pin = "42";
    ui.now_ms = 5000;
    tui_apply(&ui, ACTION(ACT_STAFF));
    for (int i = 0; i < 2; i++) {
        tui_apply(&ui, ACTION_ARG(ACT_PIN_TYPE, '1'));
        assert_false(tui_apply(&ui, ACTION(ACT_PIN_SUBMIT)));
        assert_true(ui.pin_wrong);
        assert_int_equal(ui.pin_len, 0);
    }
    assert_false(tui_apply(&ui, ACTION(ACT_PIN_SUBMIT)));
    assert_int_equal(ui.overlay, OVERLAY_NONE);
    assert_true(ui.pin_locked_until > ui.now_ms);
    tui_apply(&ui, ACTION(ACT_STAFF));
    tui_apply(&ui, ACTION_ARG(ACT_PIN_TYPE, '4'));
    tui_apply(&ui, ACTION_ARG(ACT_PIN_TYPE, '2'));
    assert_true(tui_apply(&ui, ACTION(ACT_PIN_SUBMIT)));
    assert_int_equal(ui.pin_len, 0); /* wiped */
    tui_state_free(&ui);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(welcome_keys),
        cmocka_unit_test(question_keys),
        cmocka_unit_test(red_flag_keys),
        cmocka_unit_test(results_keys_differ_in_a_kiosk),
        cmocka_unit_test(quit_box_keys),
        cmocka_unit_test(boxes_take_every_key),
        cmocka_unit_test(staff_key_only_in_a_kiosk_with_a_pin),
        cmocka_unit_test(applying_answers_follows_the_flow),
        cmocka_unit_test(idle_time_runs_out),
        cmocka_unit_test(wrong_pins_lock_the_prompt),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
