/* SPDX-License-Identifier: MIT */
/* Tests for the screens' key handlers: what each key asks for on each
 * screen and overlay, and what applying an answer leads to. No terminal is
 * needed: handlers only read the state and return an action. */
#include "support.h"

#include "apply.h"
#include "keymap.h"
#include "screens.h"

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

/* The event for byte C as keydec reports it: a control byte (Enter is
 * '\r', Backspace 127) or a one-byte character. */
static const struct keydec_event *ev_char(int c)
{
    static struct keydec_event ev;
    ev = (struct keydec_event){.type = c < 0x20 || c == 127 ? KEYDEC_CTRL : KEYDEC_CHAR,
                               .code = (uint32_t)c};
    if (ev.type == KEYDEC_CHAR)
        ev.text[0] = (char)c;
    return &ev;
}

/* The event for the UTF-8 character TEXT, code point CODE. */
static const struct keydec_event *ev_text(const char *text, uint32_t code)
{
    static struct keydec_event ev;
    ev = (struct keydec_event){.type = KEYDEC_CHAR, .code = code};
    strcpy(ev.text, text);
    return &ev;
}

/* The event for named key KEY with modifiers MODS (KEYDEC_MOD_*). */
static const struct keydec_event *ev_key(enum keydec_key key, unsigned mods)
{
    static struct keydec_event ev;
    ev = (struct keydec_event){.type = KEYDEC_KEY, .key = key, .mods = mods};
    return &ev;
}

/* Alt and the character C. */
static const struct keydec_event *ev_alt(int c)
{
    static struct keydec_event ev;
    ev = (struct keydec_event){.type = KEYDEC_ALT, .code = (uint32_t)c};
    ev.text[0] = (char)c;
    return &ev;
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
    ASSERT_ACTION(screen_welcome_key(&ui, ev_char('\r')), ACT_BEGIN, 0);
    ASSERT_ACTION(screen_welcome_key(&ui, ev_char(' ')), ACT_BEGIN, 0);
    ASSERT_ACTION(screen_welcome_key(&ui, ev_char('?')), ACT_HELP, 0);
    ASSERT_ACTION(screen_welcome_key(&ui, ev_key(KEYDEC_F1, 0)), ACT_HELP, 0);
    ASSERT_ACTION(screen_welcome_key(&ui, ev_char('q')), ACT_ASK_QUIT, 0);
    ASSERT_ACTION(screen_welcome_key(&ui, ev_key(KEYDEC_ESC, 0)), ACT_ASK_QUIT, 0);
    ASSERT_ACTION(screen_welcome_key(&ui, ev_char('1')), ACT_NONE, 0); /* languages: kiosk only */
    ASSERT_ACTION(screen_welcome_key(&ui, ev_char('x')), ACT_NONE, 0);
    ASSERT_ACTION(screen_welcome_key(&ui, ev_char('l')), ACT_NONE, 0); /* line mode: kiosk only */
    ui.kiosk = true;
    ASSERT_ACTION(screen_welcome_key(&ui, ev_char('l')), ACT_LINE_MODE, 0);
    ASSERT_ACTION(screen_welcome_key(&ui, ev_char('L')), ACT_LINE_MODE, 0);
    ui.screen = SCREEN_QUESTION; /* only the welcome screen offers it */
    assert_int_not_equal(screen_question_key(&ui, ev_char('l')).kind, ACT_LINE_MODE);
    tui_state_free(&ui);
}

static void question_keys(void **state)
{
    (void)state;
    struct tui ui = make(false);
    ui.screen = SCREEN_QUESTION;
    ASSERT_ACTION(screen_question_key(&ui, ev_char('y')), ACT_ANSWER, ANSWER_YES);
    ASSERT_ACTION(screen_question_key(&ui, ev_char('N')), ACT_ANSWER, ANSWER_NO);
    ASSERT_ACTION(screen_question_key(&ui, ev_char('u')), ACT_ANSWER, ANSWER_UNSURE);
    ASSERT_ACTION(screen_question_key(&ui, ev_char('b')), ACT_BACK, 0);
    ASSERT_ACTION(screen_question_key(&ui, ev_key(KEYDEC_LEFT, 0)), ACT_BACK, 0);
    ASSERT_ACTION(screen_question_key(&ui, ev_char(127)), ACT_BACK, 0);
    ASSERT_ACTION(screen_question_key(&ui, ev_key(KEYDEC_RIGHT, 0)), ACT_FOCUS, 1);
    ASSERT_ACTION(screen_question_key(&ui, ev_key(KEYDEC_UP, 0)), ACT_FOCUS, 2);
    ui.focus = 2;
    ASSERT_ACTION(screen_question_key(&ui, ev_char('\t')), ACT_FOCUS, 0);
    ASSERT_ACTION(screen_question_key(&ui, ev_char('\r')), ACT_ANSWER,
                  ANSWER_UNSURE); /* the focused one */
    ASSERT_ACTION(screen_question_key(&ui, ev_char('q')), ACT_ASK_QUIT, 0);
    ASSERT_ACTION(screen_question_key(&ui, ev_char('z')), ACT_NONE, 0);
    tui_state_free(&ui);
}

static void red_flag_keys(void **state)
{
    (void)state;
    struct tui ui = make(false);
    ui.screen = SCREEN_RED_FLAG;
    ASSERT_ACTION(screen_red_flag_key(&ui, ev_char('r')), ACT_RESULTS, 0);
    ASSERT_ACTION(screen_red_flag_key(&ui, ev_char('s')), ACT_QUIT, 0);
    ASSERT_ACTION(screen_red_flag_key(&ui, ev_char('\r')), ACT_RESULTS,
                  0); /* "See results" focused */
    ASSERT_ACTION(screen_red_flag_key(&ui, ev_key(KEYDEC_RIGHT, 0)), ACT_FOCUS, 1);
    tui_state_free(&ui);
    ui = make(true);
    ui.screen = SCREEN_RED_FLAG;
    ASSERT_ACTION(screen_red_flag_key(&ui, ev_char('s')), ACT_RESULTS,
                  0); /* a kiosk has no "stop" */
    tui_state_free(&ui);
}

static void results_keys_differ_in_a_kiosk(void **state)
{
    (void)state;
    struct tui ui = make(false);
    ui.screen = SCREEN_RESULTS;
    ui.page = 10;
    ASSERT_ACTION(screen_results_key(&ui, ev_char('s')), ACT_SAVE_OPEN, 0);
    ASSERT_ACTION(screen_results_key(&ui, ev_char('p')), ACT_NONE, 0);
    ASSERT_ACTION(screen_results_key(&ui, ev_char('r')), ACT_START_AGAIN, 0);
    ASSERT_ACTION(screen_results_key(&ui, ev_char('t')), ACT_TOGGLE_TABLE, 0);
    ASSERT_ACTION(screen_results_key(&ui, ev_char('?')), ACT_HELP, 0);
    ASSERT_ACTION(screen_results_key(&ui, ev_key(KEYDEC_PGDN, 0)), ACT_SCROLL, 9);
    ASSERT_ACTION(screen_results_key(&ui, ev_key(KEYDEC_UP, 0)), ACT_SCROLL, -1);
    ASSERT_ACTION(screen_results_key(&ui, ev_key(KEYDEC_HOME, 0)), ACT_SCROLL_TO, 0);
    ui.focus = 1;
    ASSERT_ACTION(screen_results_key(&ui, ev_char('\r')), ACT_TOGGLE_TABLE,
                  0); /* the focused button */
    ASSERT_ACTION(screen_results_key(&ui, ev_key(KEYDEC_RIGHT, 0)), ACT_FOCUS, 2);
    tui_state_free(&ui);

    ui = make(true);
    ui.screen = SCREEN_RESULTS;
    ASSERT_ACTION(screen_results_key(&ui, ev_char('s')), ACT_NONE,
                  0); /* nothing is saved in a kiosk */
    ASSERT_ACTION(screen_results_key(&ui, ev_char('p')), ACT_NONE, 0); /* no print command */
    ASSERT_ACTION(screen_results_key(&ui, ev_char('r')), ACT_ASK_QUIT, 0);
    ui.print_command = "lp";
    ASSERT_ACTION(screen_results_key(&ui, ev_char('p')), ACT_PRINT, 0);
    tui_state_free(&ui);
}

static void quit_box_keys(void **state)
{
    (void)state;
    struct tui ui = make(false);
    ui.overlay = OVERLAY_QUIT;
    ui.overlay_focus = 1;
    ASSERT_ACTION(tui_key_action(&ui, ev_char('y')), ACT_QUIT, 0);
    ASSERT_ACTION(tui_key_action(&ui, ev_char('n')), ACT_CLOSE, 0);
    ASSERT_ACTION(tui_key_action(&ui, ev_key(KEYDEC_ESC, 0)), ACT_CLOSE, 0);
    ASSERT_ACTION(tui_key_action(&ui, ev_char('\r')), ACT_CLOSE, 0); /* "No" is focused */
    ASSERT_ACTION(tui_key_action(&ui, ev_key(KEYDEC_LEFT, 0)), ACT_OVERLAY_FOCUS, 0);
    ui.kiosk = true;
    ASSERT_ACTION(tui_key_action(&ui, ev_char('y')), ACT_WIPE, 0);
    tui_state_free(&ui);
}

static void boxes_take_every_key(void **state)
{
    (void)state;
    struct tui ui = make(true);
    ui.staff_pin = "1234";
    ui.overlay = OVERLAY_STAFF;
    ASSERT_ACTION(tui_key_action(&ui, ev_char('7')), ACT_PIN_TYPE, '7');
    ASSERT_ACTION(tui_key_action(&ui, ev_char('y')), ACT_PIN_TYPE, 'y'); /* not an answer */
    ASSERT_ACTION(tui_key_action(&ui, ev_char(127)), ACT_PIN_ERASE, 0);
    ASSERT_ACTION(tui_key_action(&ui, ev_char('\r')), ACT_NONE, 0); /* nothing typed: no try */
    ui.pin_len = 1;
    ASSERT_ACTION(tui_key_action(&ui, ev_char('\r')), ACT_PIN_SUBMIT, 0);
    ASSERT_ACTION(tui_key_action(&ui, ev_key(KEYDEC_ESC, 0)), ACT_CLOSE, 0);
    ui.pin_locked_until = 1000; /* locked: only Esc does something */
    ASSERT_ACTION(tui_key_action(&ui, ev_char('7')), ACT_NONE, 0);
    ASSERT_ACTION(tui_key_action(&ui, ev_char('\r')), ACT_NONE, 0);
    ASSERT_ACTION(tui_key_action(&ui, ev_char('y')), ACT_NONE, 0);
    ASSERT_ACTION(tui_key_action(&ui, ev_key(KEYDEC_ESC, 0)), ACT_CLOSE, 0);
    ui.pin_locked_until = 0;
    ui.pin_len = 0;
    ui.overlay = OVERLAY_HELP;
    ASSERT_ACTION(tui_key_action(&ui, ev_char('y')), ACT_CLOSE, 0);
    ui.overlay = OVERLAY_SAVE;
    ASSERT_ACTION(tui_key_action(&ui, ev_char('y')), ACT_SAVE_TYPE, 'y');
    ASSERT_ACTION(tui_key_action(&ui, ev_char('\r')), ACT_NONE, 0); /* an empty name */
    ui.save_len = 1;
    ASSERT_ACTION(tui_key_action(&ui, ev_char('\r')), ACT_SAVE, 0);
    ui.save_confirm = true;
    ASSERT_ACTION(tui_key_action(&ui, ev_char('y')), ACT_SAVE_REPLACE, 0);
    ASSERT_ACTION(tui_key_action(&ui, ev_char('n')), ACT_SAVE_RENAME, 0);
    tui_state_free(&ui);
}

static void staff_key_only_in_a_kiosk_with_a_pin(void **state)
{
    (void)state;
    struct tui ui = make(false);
    ui.staff_pin = "1234";
    ASSERT_ACTION(tui_key_action(&ui, ev_char('x' & 0x1f)), ACT_NONE, 0);
    ui.kiosk = true;
    ASSERT_ACTION(tui_key_action(&ui, ev_char('x' & 0x1f)), ACT_STAFF, 0);
    ui.pin_locked_until = 1000;
    ui.now_ms = 999;
    /* Locked after 3 tries: the box still opens, to say so. */
    ASSERT_ACTION(tui_key_action(&ui, ev_char('x' & 0x1f)), ACT_STAFF, 0);
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

/* The "still there?" box appears with its full text once, then changes its
 * number only at multiples of 5 seconds and in the last 3: a tick every
 * second would have a screen reader talk the whole time. */
static void countdown_changes_rarely(void **state)
{
    (void)state;
    struct tui ui = make(true);
    ui.idle_ms = 60000; /* 20 s of warning */
    ui.last_input = 0;
    ui.screen = SCREEN_QUESTION;
    assert_false(tui_idle_tick(&ui, 39000));
    assert_true(tui_idle_tick(&ui, 40000)); /* the box: 20 seconds */
    assert_int_equal(ui.overlay, OVERLAY_IDLE);
    assert_int_equal(ui.countdown, 20);
    int changes = 0;
    for (long long now = 40100; now < 60000; now += 100) {
        int before = ui.countdown;
        bool changed = tui_idle_tick(&ui, now);
        assert_true(changed == (ui.countdown != before));
        changes += changed;
        int left = (int)((60000 - now + 999) / 1000);
        assert_true(ui.countdown >= left && ui.countdown - left < 5);
    }
    assert_int_equal(changes, 6); /* 15, 10, 5, 3, 2, 1 */
    assert_int_equal(ui.countdown, 1);
    assert_true(tui_countdown_step(10));
    assert_false(tui_countdown_step(9));
    assert_false(tui_countdown_step(4));
    assert_true(tui_countdown_step(3));
    tui_state_free(&ui);
}

static void wrong_pins_lock_the_prompt(void **state)
{
    (void)state;
    struct tui ui = make(true);
    ui.staff_pin = "42";
    ui.now_ms = 5000;
    ui.idle_ms = 600000; /* no wipe meanwhile */
    tui_apply(&ui, ACTION(ACT_STAFF));
    for (int i = 0; i < 2; i++) {
        tui_apply(&ui, action_text(ACT_PIN_TYPE, "1"));
        assert_false(tui_apply(&ui, ACTION(ACT_PIN_SUBMIT)));
        assert_true(ui.pin_wrong);
        assert_int_equal(ui.pin_len, 0);
    }
    tui_apply(&ui, action_text(ACT_PIN_TYPE, "1"));
    assert_false(tui_apply(&ui, ACTION(ACT_PIN_SUBMIT)));
    /* Locked: the box stays up, says so and for how long. */
    assert_int_equal(ui.overlay, OVERLAY_STAFF);
    assert_int_equal(ui.pin_locked_until, 65000);
    assert_int_equal(ui.pin_lock_shown, 60);
    assert_false(ui.pin_wrong);
    /* Even the right PIN is refused until the lock ends. */
    tui_apply(&ui, action_text(ACT_PIN_TYPE, "4"));
    tui_apply(&ui, action_text(ACT_PIN_TYPE, "2"));
    assert_false(tui_apply(&ui, ACTION(ACT_PIN_SUBMIT)));
    /* The time left changes four times a minute, not every second. */
    int changes = 0;
    for (long long now = 5100; now < 65000; now += 100)
        changes += tui_idle_tick(&ui, now);
    assert_int_equal(changes, 3); /* 45, 30, 15 */
    assert_int_equal(ui.pin_lock_shown, 15);
    assert_true(tui_idle_tick(&ui, 65000)); /* the prompt again */
    assert_int_equal(ui.pin_lock_shown, 0);
    ui.pin_locked_until = 65000;
    assert_int_equal(tui_pin_lock_seconds(&ui, 5000), 60);
    assert_int_equal(tui_pin_lock_seconds(&ui, 20001), 45);
    assert_int_equal(tui_pin_lock_seconds(&ui, 64999), 15);
    assert_int_equal(tui_pin_lock_seconds(&ui, 65000), 0);
    ui.now_ms = 65000;
    ui.pin_len = 0;
    tui_apply(&ui, action_text(ACT_PIN_TYPE, "4"));
    tui_apply(&ui, action_text(ACT_PIN_TYPE, "2"));
    assert_true(tui_apply(&ui, ACTION(ACT_PIN_SUBMIT)));
    assert_int_equal(ui.pin_len, 0); /* wiped */
    tui_state_free(&ui);
}

/* What is typed for a staff box after it has gone (Esc, the countdown, a
 * wipe) is dropped until the keyboard has been quiet for a second: a fast
 * typist's last digits and Enter never answer the question under it. But
 * never for more than 2 seconds after the box went: a patient who keeps
 * pressing a key is not ignored for ever. */
static void keys_after_a_staff_box_are_dropped(void **state)
{
    (void)state;
    struct tui ui = make(true);
    ui.staff_pin = "4242";
    ui.idle_ms = 120000;
    tui_apply(&ui, ACTION(ACT_BEGIN));
    ui.now_ms = 1000;
    tui_apply(&ui, ACTION(ACT_STAFF));
    ASSERT_ACTION(tui_key_action(&ui, ev_key(KEYDEC_ESC, 0)), ACT_CLOSE, 0);
    tui_apply(&ui, ACTION(ACT_CLOSE));
    assert_int_equal(ui.overlay, OVERLAY_NONE);
    for (int i = 0; i < 5; i++) { /* "1234" and Enter, 300 ms apart */
        ui.now_ms += 300;
        struct action a = tui_key_action(&ui, ev_char(i < 4 ? '1' + i : '\r'));
        ASSERT_ACTION(a, ACT_STAFF_QUIET, 0);
        tui_apply(&ui, a);
    }
    /* Neither a click's release nor a wheel is typed: not dropped, and
     * they do not hold the quiet off. */
    struct keydec_event release = {.type = KEYDEC_MOUSE, .button = 1, .release = true};
    assert_int_not_equal(tui_key_action(&ui, &release).kind, ACT_STAFF_QUIET);
    struct keydec_event wheel = {.type = KEYDEC_MOUSE, .button = 5};
    assert_int_not_equal(tui_key_action(&ui, &wheel).kind, ACT_STAFF_QUIET);
    ui.now_ms = 2999; /* keys every 300 ms, each within the second */
    ASSERT_ACTION(tui_key_action(&ui, ev_char('y')), ACT_STAFF_QUIET, 0);
    tui_apply(&ui, ACTION(ACT_STAFF_QUIET));
    ASSERT_ACTION(tui_key_action(&ui, ev_char('x' & 0x1f)), ACT_STAFF, 0); /* staff again */
    /* 2 s after the box went, the question takes keys again, however
     * closely they keep coming. */
    ui.now_ms = 3000;
    ASSERT_ACTION(tui_key_action(&ui, ev_char('y')), ACT_ANSWER, ANSWER_YES);
    assert_int_equal(session_answer(flow_session(ui.flow), 0), ANSWER_NONE);
    /* A single key after the box went: dropped within the second, and a
     * second of quiet later the question takes keys. */
    tui_apply(&ui, ACTION(ACT_STAFF));
    ui.now_ms = 5000;
    tui_apply(&ui, ACTION(ACT_CLOSE));
    ui.now_ms = 5400;
    ASSERT_ACTION(tui_key_action(&ui, ev_char('n')), ACT_STAFF_QUIET, 0);
    tui_apply(&ui, ACTION(ACT_STAFF_QUIET));
    ui.now_ms = 6399;
    ASSERT_ACTION(tui_key_action(&ui, ev_char('n')), ACT_STAFF_QUIET, 0);
    ui.now_ms = 6400;
    ASSERT_ACTION(tui_key_action(&ui, ev_char('n')), ACT_ANSWER, ANSWER_NO);

    /* The countdown takes the box's place: keys after it closes are dropped too. */
    ui.now_ms = 10000;
    ui.last_input = 10000;
    tui_apply(&ui, ACTION(ACT_STAFF));
    tui_apply(&ui, action_text(ACT_PIN_TYPE, "1"));
    assert_true(tui_idle_tick(&ui, 110000));
    assert_int_equal(ui.overlay, OVERLAY_IDLE);
    assert_int_equal(ui.pin_len, 0);
    ui.now_ms = 115000;
    ASSERT_ACTION(tui_key_action(&ui, ev_char('2')), ACT_CLOSE, 0);
    tui_apply(&ui, ACTION(ACT_CLOSE));
    ui.now_ms += 200;
    ASSERT_ACTION(tui_key_action(&ui, ev_char('\r')), ACT_STAFF_QUIET, 0);

    /* A wipe with the box open on the welcome screen: the same. */
    tui_kiosk_reset(&ui);
    ui.now_ms = 200000;
    ui.last_input = 200000;
    tui_apply(&ui, ACTION(ACT_STAFF));
    assert_true(tui_idle_tick(&ui, 320000));
    assert_int_equal(ui.overlay, OVERLAY_NONE);
    ui.now_ms = 320100;
    ASSERT_ACTION(tui_key_action(&ui, ev_char('\r')), ACT_STAFF_QUIET, 0);
    tui_state_free(&ui);
}

/* A named key with a modifier is not its plain twin; Alt-y is not y. */
static void modifiers_make_other_keys(void **state)
{
    (void)state;
    struct tui ui = make(false);
    ASSERT_ACTION(screen_welcome_key(&ui, ev_key(KEYDEC_F1, KEYDEC_MOD_CTRL)), ACT_NONE, 0);
    ASSERT_ACTION(screen_welcome_key(&ui, ev_key(KEYDEC_F1, 0)), ACT_HELP, 0);
    ui.screen = SCREEN_QUESTION;
    ASSERT_ACTION(screen_question_key(&ui, ev_key(KEYDEC_F1, KEYDEC_MOD_CTRL)), ACT_NONE, 0);
    ASSERT_ACTION(screen_question_key(&ui, ev_alt('y')), ACT_NONE, 0);
    ASSERT_ACTION(screen_question_key(&ui, ev_char('y')), ACT_ANSWER, ANSWER_YES);
    ASSERT_ACTION(screen_question_key(&ui, ev_key(KEYDEC_BTAB, 0)), ACT_FOCUS, 2);
    tui_state_free(&ui);
}

/* A character of several bytes reaches the file name whole. */
static void save_box_takes_whole_characters(void **state)
{
    (void)state;
    struct tui ui = make(false);
    ui.overlay = OVERLAY_SAVE;
    const char *typed[] = {"c", "a", "f", "\xc3\xa9"};
    const uint32_t codes[] = {'c', 'a', 'f', 0xE9};
    for (size_t i = 0; i < 4; i++) {
        struct action a = tui_key_action(&ui, ev_text(typed[i], codes[i]));
        assert_int_equal(a.kind, ACT_SAVE_TYPE);
        assert_string_equal(a.text, typed[i]);
        tui_apply(&ui, a);
    }
    assert_string_equal(ui.save_path, "caf\xc3\xa9");
    assert_int_equal(ui.save_len, 5);
    tui_apply(&ui, tui_key_action(&ui, ev_char(127)));
    assert_string_equal(ui.save_path, "caf"); /* Backspace takes the whole character */
    ASSERT_ACTION(tui_key_action(&ui, ev_alt('y')), ACT_NONE, 0);
    tui_state_free(&ui);
}

/* The one table: events to commands. */
static void the_table_maps_events_to_commands(void **state)
{
    (void)state;
    assert_int_equal(keymap_command(ev_char('y')), CMD_YES);
    assert_int_equal(keymap_command(ev_char('Y')), CMD_YES);
    assert_int_equal(keymap_command(ev_char('?')), CMD_HELP);
    assert_int_equal(keymap_command(ev_char('r')), CMD_AGAIN); /* the first with that letter */
    assert_int_equal(keymap_prefer(CMD_AGAIN, CMD_RESULTS), CMD_RESULTS);
    assert_int_equal(keymap_prefer(CMD_YES, CMD_RESULTS), CMD_YES);
    assert_int_equal(keymap_command(ev_char('z')), CMD_NONE);
    assert_int_equal(keymap_command(ev_char(' ')), CMD_CHOOSE);
    assert_int_equal(keymap_command(ev_char('\r')), CMD_CHOOSE);
    assert_int_equal(keymap_command(ev_char('\t')), CMD_NEXT);
    assert_int_equal(keymap_command(ev_char(127)), CMD_ERASE);
    assert_int_equal(keymap_command(ev_char(8)), CMD_ERASE);
    assert_int_equal(keymap_command(ev_char('x' & 0x1f)), CMD_STAFF);
    assert_int_equal(keymap_command(ev_char('c' & 0x1f)), CMD_NONE);
    assert_int_equal(keymap_command(ev_key(KEYDEC_KP_ENTER, 0)), CMD_CHOOSE);
    assert_int_equal(keymap_command(ev_key(KEYDEC_BTAB, 0)), CMD_PREV);
    assert_int_equal(keymap_command(ev_key(KEYDEC_BTAB, KEYDEC_MOD_SHIFT)), CMD_PREV);
    assert_int_equal(keymap_command(ev_key(KEYDEC_ESC, 0)), CMD_CANCEL);
    assert_int_equal(keymap_command(ev_key(KEYDEC_PGUP, 0)), CMD_PAGE_UP);
    assert_int_equal(keymap_command(ev_key(KEYDEC_END, 0)), CMD_BOTTOM);
    assert_int_equal(keymap_command(ev_key(KEYDEC_F1, 0)), CMD_HELP);
    assert_int_equal(keymap_command(ev_key(KEYDEC_F1, KEYDEC_MOD_CTRL)), CMD_NONE);
    assert_int_equal(keymap_command(ev_key(KEYDEC_UP, KEYDEC_MOD_ALT)), CMD_NONE);
    assert_int_equal(keymap_command(ev_key(KEYDEC_F1, KEYDEC_MOD_CTRL | KEYDEC_MOD_SHIFT)),
                     CMD_NONE);
    assert_int_equal(keymap_command(ev_key(KEYDEC_F1 + 1, 0)), CMD_NONE);
    assert_int_equal(keymap_command(ev_alt('y')), CMD_NONE);
    assert_int_equal(keymap_command(ev_text("\xc3\xbd", 0xFD)), CMD_NONE); /* no folding to y */
    struct keydec_event wheel = {.type = KEYDEC_MOUSE, .button = 4};
    assert_int_equal(keymap_command(&wheel), CMD_UP);
    wheel.button = 5;
    assert_int_equal(keymap_command(&wheel), CMD_DOWN);
    wheel.button = 1;
    assert_int_equal(keymap_command(&wheel), CMD_NONE); /* a click means its button */
    assert_string_equal(keymap_text(ev_key(KEYDEC_KP_0 + 7, 0)), "7");
    assert_null(keymap_text(ev_key(KEYDEC_UP, 0)));
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
        cmocka_unit_test(countdown_changes_rarely),
        cmocka_unit_test(wrong_pins_lock_the_prompt),
        cmocka_unit_test(keys_after_a_staff_box_are_dropped),
        cmocka_unit_test(modifiers_make_other_keys),
        cmocka_unit_test(save_box_takes_whole_characters),
        cmocka_unit_test(the_table_maps_events_to_commands),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
