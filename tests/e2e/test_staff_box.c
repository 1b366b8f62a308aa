/* SPDX-License-Identifier: MIT */
/* End-to-end tests of the kiosk's staff PIN box: nothing typed into it, or
 * for it just after it has gone, ever reaches the questionnaire, whatever
 * a fast typist sends, yet a patient's key after it is held off for 2
 * seconds at most; a locked box says so and for how long, and the right
 * PIN works again once the lock (a real minute) is over. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "kiosk_start.h"
#include "vt.h"
#include "vt_assert.h"

/* The lock lasts 60 s (docs/kiosk.md); LOCK_WAIT leaves room for a loaded
 * machine. */
enum { T = 5000, T_SHORT = 600, LOCK_WAIT = 75000 };

static const char *binary;
static const char *source_dir;
static const char *const check_mark = "\xE2\x9C\x93";
static const char *const locked = "too many wrong PINs";

static int teardown(void **state)
{
    vt_free(*state);
    return 0;
}

/* A kiosk with the staff PIN 2468 and no idle countdown during the lock,
 * on its first question (an emergency question: Yes would end the
 * questions with "call an ambulance"). */
static struct vt *on_first_question(void **state)
{
    const char *const args[] = {"--idle-timeout", "600", NULL};
    char *env[] = {"MUSCLECHECK_STAFF_PIN=2468", NULL};
    struct vt *vt = kiosk_start(state, binary, source_dir, args, env);
    vt_send(vt, VT_ENTER);
    VT_ASSERT_TEXT(vt, "Question 1 of", T);
    VT_ASSERT(vt, vt_wait_quiet(vt, 30, T));
    return vt;
}

/* The first question is on the screen, unanswered, with no box over it. */
static void still_unanswered(struct vt *vt)
{
    VT_ASSERT(vt, vt_wait_quiet(vt, 100, T));
    VT_ASSERT(vt, vt_find(vt, "Question 1 of", NULL, NULL));
    VT_ASSERT(vt, !vt_find(vt, check_mark, NULL, NULL));
    VT_ASSERT(vt, !vt_find(vt, "reception desk", NULL, NULL));
    VT_ASSERT(vt, !vt_find(vt, "Staff only", NULL, NULL));
}

/* The cursor is on the first character of TEXT (its box has no field). */
static void cursor_on(struct vt *vt, const char *text)
{
    int row, col, crow, ccol;
    VT_ASSERT(vt, vt_wait_quiet(vt, 60, T));
    VT_ASSERT(vt, vt_find(vt, text, &row, &col));
    vt_cursor(vt, &crow, &ccol); /* hidden, but where a screen reader looks */
    VT_ASSERT(vt, crow == row && ccol == col);
}

/* Ctrl-X and three wrong PINs, then a fourth and Enter, all in one burst as
 * a fast typist sends them: the box locks and stays, and takes the rest. */
static void a_burst_of_wrong_pins_answers_nothing(void **state)
{
    struct vt *vt = on_first_question(state);
    vt_send(vt, "\030"
                "1111\r2222\r3333\r"
                "4444\r\r");
    VT_ASSERT_TEXT(vt, locked, T);
    VT_ASSERT_TEXT(vt, "Try again in 60 seconds", T);
    VT_ASSERT(vt, vt_wait_quiet(vt, 100, T)); /* the whole frame */
    VT_ASSERT(vt, !vt_find(vt, "Wrong PIN.", NULL, NULL));
    VT_ASSERT(vt, !vt_wait_text(vt, "reception desk", T_SHORT));
    cursor_on(vt, "Staff only: too many");
    /* Typing on while it is locked: the box takes it all. */
    vt_send(vt, "2468\ry\r");
    VT_ASSERT(vt, !vt_wait_gone(vt, locked, T_SHORT));
    /* Esc closes it; what follows at once (the rest of the burst) is
     * dropped too. */
    vt_key(vt, VT_KEY_ESC);
    VT_ASSERT_GONE(vt, locked, T);
    vt_send(vt, "5555\r");
    vt_send(vt, "\r");
    still_unanswered(vt);
    /* Once the keyboard has been quiet, keys reach the question again. */
    VT_ASSERT(vt, vt_wait_quiet(vt, 1500, T));
    vt_send(vt, "n");
    VT_ASSERT_TEXT(vt, "Question 2 of", T);
}

/* A patient who presses a key right after staff close the box, and again
 * and again because nothing seems to happen, is held off for 2 seconds at
 * most: the quiet ends then however closely the keys come. A tap is never
 * held off: nobody types a PIN with it. */
static void a_patient_after_the_box_is_not_held_off_for_long(void **state)
{
    struct vt *vt = on_first_question(state);
    vt_send(vt, "\030");
    VT_ASSERT_TEXT(vt, "Staff only", T);
    vt_key(vt, VT_KEY_ESC);
    VT_ASSERT_GONE(vt, "Staff only", T);
    long long closed = vt_now_us();
    /* "n" (No) every 300 ms: each within a second of the one before. */
    bool through = false;
    for (int i = 0; i < 30 && !through; i++) {
        vt_send(vt, "n");
        through = vt_wait_text(vt, "Question 2 of", 300);
    }
    VT_ASSERT(vt, through);
    /* Not at once: the first presses were dropped. */
    VT_ASSERT(vt, vt_now_us() - closed >= 1500000LL);
    VT_ASSERT(vt, !vt_find(vt, "reception desk", NULL, NULL));

    /* A tap right after the box closes answers at once. */
    VT_ASSERT(vt, vt_wait_quiet(vt, 100, T));
    vt_send(vt, "\030");
    VT_ASSERT_TEXT(vt, "Staff only", T);
    vt_key(vt, VT_KEY_ESC);
    VT_ASSERT_GONE(vt, "Staff only", T);
    int row, col;
    VT_ASSERT(vt, vt_find(vt, "Not sure", &row, &col));
    VT_ASSERT(vt, vt_click(vt, row, col + 1) == 0);
    VT_ASSERT_TEXT(vt, "Question 3 of", T); /* a dropped tap would never answer */
}

/* Ctrl-X while locked opens the box to say so, with the time left, which
 * goes down in steps of 15 seconds; when the lock ends the box asks for the
 * PIN again, and the right one ends the kiosk. */
static void a_locked_box_says_for_how_long(void **state)
{
    struct vt *vt = on_first_question(state);
    vt_send(vt, "\0301111\r2222\r3333\r");
    VT_ASSERT_TEXT(vt, locked, T);
    long long locked_at = vt_now_us();
    vt_key(vt, VT_KEY_ESC);
    VT_ASSERT_GONE(vt, locked, T);
    VT_ASSERT(vt, vt_wait_quiet(vt, 1500, T));
    vt_send(vt, "\030"); /* locked: no longer ignored, it says why */
    VT_ASSERT_TEXT(vt, locked, T);
    VT_ASSERT(vt, vt_find(vt, "Try again in 60 seconds", NULL, NULL) ||
                      vt_find(vt, "Try again in 45 seconds", NULL, NULL));
    cursor_on(vt, "Staff only: too many");
    VT_ASSERT_TEXT(vt, "Try again in 30 seconds", LOCK_WAIT);
    /* Not before 30 s of the minute have gone (the time shown is never
     * less than what is left). */
    VT_ASSERT(vt, vt_now_us() - locked_at >= 29000000LL);
    cursor_on(vt, "Staff only: too many"); /* the new number did not move it */
    VT_ASSERT_TEXT(vt, "type the PIN", LOCK_WAIT);
    VT_ASSERT(vt, vt_now_us() - locked_at >= 59000000LL);
    /* The new box and the screen under the old one may come in more than
     * one read (CI once read the first half): wait for the rest. */
    VT_ASSERT_GONE(vt, locked, T);
    vt_send(vt, "2468\r");
    int status = 0;
    VT_ASSERT(vt, vt_wait_exit(vt, T, &status) == 0);
    VT_ASSERT(vt, WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(a_burst_of_wrong_pins_answers_nothing, teardown),
        cmocka_unit_test_teardown(a_patient_after_the_box_is_not_held_off_for_long, teardown),
        cmocka_unit_test_teardown(a_locked_box_says_for_how_long, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
