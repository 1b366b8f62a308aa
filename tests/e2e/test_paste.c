/* SPDX-License-Identifier: MIT */
/* End-to-end tests of pasting: the terminal (libvterm, as xterm) brackets a
 * paste only when the program has asked for it, so these prove that
 * bracketed paste is really switched on; a paste, whole or arriving in
 * pieces over a second, never answers a question, opens a box or saves. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk_start.h"
#include "vt.h"
#include "vt_assert.h"

enum { T = 5000 };

static const char *binary;
static const char *source_dir;

static int teardown(void **state)
{
    vt_free(*state);
    return 0;
}

/* Starts the questionnaire (not the kiosk) on the shipped file at 80x24. */
static struct vt *start(void **state)
{
    char questions[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    char *argv[] = {(char *)binary, "--questions", questions, NULL};
    struct vt *vt = vt_spawn(argv, NULL, 24, 80);
    assert_non_null(vt);
    *state = vt;
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    return vt;
}

/* A paste full of answer and command letters: y answers yes, n no, u not
 * sure, s saves, h helps, q quits, b goes back. */
static const char notes[] = "my notes: yes, I have had this for ages; quit? no. ybnhsuq\r";

static void a_paste_answers_nothing(void **state)
{
    struct vt *vt = start(state);
    vt_send(vt, VT_ENTER);
    VT_ASSERT_TEXT(vt, "Question 1 ", T);
    VT_ASSERT(vt, vt_paste(vt, notes, 1, 0) == 0);
    VT_ASSERT(vt, vt_wait_quiet(vt, 300, T));
    VT_ASSERT_TEXT(vt, "Question 1 ", T); /* not answered, not left */
    VT_ASSERT(vt, !vt_find(vt, "Call an ambulance now", NULL, NULL));
    VT_ASSERT(vt, !vt_find(vt, "Quit", NULL, NULL) || vt_find(vt, "Question 1 ", NULL, NULL));
    /* The keyboard still answers. */
    vt_send(vt, "n");
    VT_ASSERT_TEXT(vt, "Question 2 ", T);
}

static void a_paste_in_pieces_is_still_one_paste(void **state)
{
    struct vt *vt = start(state);
    vt_send(vt, VT_ENTER);
    VT_ASSERT_TEXT(vt, "Question 1 ", T);
    /* Three pieces, 600 ms apart: longer than any wait for the rest of a key. */
    VT_ASSERT(vt, vt_paste(vt, notes, 3, 1500) == 0);
    VT_ASSERT(vt, vt_wait_quiet(vt, 300, T));
    VT_ASSERT_TEXT(vt, "Question 1 ", T);
    VT_ASSERT(vt, !vt_find(vt, "Call an ambulance now", NULL, NULL));
    vt_send(vt, "n");
    VT_ASSERT_TEXT(vt, "Question 2 ", T);
}

static void a_paste_on_the_results_never_saves(void **state)
{
    const char *const args[] = {NULL};
    struct vt *vt = kiosk_start(state, binary, source_dir, args, NULL);
    kiosk_answer_until_results(vt, "n");
    VT_ASSERT(vt, vt_paste(vt, "sssppp\r", 2, 400) == 0);
    VT_ASSERT(vt, vt_wait_quiet(vt, 300, T));
    VT_ASSERT(vt, !vt_find(vt, "File name", NULL, NULL));
    VT_ASSERT(vt, !vt_find(vt, "Printing", NULL, NULL));
    VT_ASSERT_TEXT(vt, "Your results", T);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(a_paste_answers_nothing, teardown),
        cmocka_unit_test_teardown(a_paste_in_pieces_is_still_one_paste, teardown),
        cmocka_unit_test_teardown(a_paste_on_the_results_never_saves, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
