/* SPDX-License-Identifier: MIT */
/* Redraw budgets: how many bytes the first screen and each key send to the
 * terminal, at 80x24 with TERM=xterm-256color. Byte counts are
 * deterministic, so a change that starts repainting everything fails here;
 * times belong to the benchmark (bench/run), not to tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "args.h"

#include <stdio.h>

#include "vt.h"
#include "vt_assert.h"

enum { T = 5000, QUIET_MS = 150 };

/* Budgets in bytes; docs/performance.md explains them. */
enum {
    /* the welcome screen, measured 1446: format 2 added a line to the
     * introduction and the "not yet checked by a clinician" line (1241 before) */
    BUDGET_FIRST_SCREEN = 1600,
    BUDGET_FOCUS = 50, /* moving the focus between two answers, measured 42 */
    /* The answer and back budgets are measured on questions of ordinary
     * length: since the v3 questions, 1-10 are emergency screens with long
     * bulleted lists (question 2 has 609 characters of question and help,
     * question 1 724), where almost the whole screen is new text: going
     * from 1 to 2 sends 967 bytes, a forced repaint of 2 sends 1300. So
     * the budgets stay, measured from question 11 (under_16, 158
     * characters with its help) to 12 (calf_clot, 270), as they were from
     * question 11 (black_stools, 247) to 12 before, and from question 1
     * (324) to 2 (about 250) before; the emergency screens are checked
     * against a repaint of their own instead (repaint_bytes). */
    BUDGET_ANSWER = 600, /* the next question: new text, not a repaint; measured 375 (443 before) */
    /* the previous question, its answer marked; measured 579 (660 on the
     * longer question 1 of format 2, 470 on the version 1 one) */
    BUDGET_BACK = 750,
    BUDGET_QUIT_BOX = 700, /* the quit confirmation over a question, measured 616 */
    Q_ORDINARY = 11,       /* under_16, then calf_clot: see above */
};

static const char *binary;
static const char *source_dir;

static int teardown(void **state)
{
    vt_free(*state);
    return 0;
}

/* Bytes sent in response to KEYS, once the screen shows EXPECT and is quiet. */
static size_t bytes_for(struct vt *vt, const char *keys, const char *expect)
{
    VT_ASSERT(vt, vt_wait_quiet(vt, QUIET_MS, T));
    vt_reset_bytes(vt);
    vt_send(vt, keys);
    VT_ASSERT_TEXT(vt, expect, T);
    VT_ASSERT(vt, vt_wait_quiet(vt, QUIET_MS, T));
    return vt_bytes(vt);
}

/* Bytes of a complete repaint of the screen as it is: a resize away and
 * back makes curses draw everything again. The quiet waits are long enough
 * for the size check the program makes twice a second, should a SIGWINCH
 * be lost. */
static size_t repaint_bytes(struct vt *vt)
{
    VT_ASSERT(vt, vt_wait_quiet(vt, QUIET_MS, T));
    vt_resize(vt, 24, 81);
    VT_ASSERT(vt, vt_wait_redraw(vt, 700, T));
    vt_reset_bytes(vt);
    vt_resize(vt, 24, 80);
    VT_ASSERT(vt, vt_wait_redraw(vt, 700, T));
    return vt_bytes(vt);
}

static void check(struct vt *vt, const char *what, size_t bytes, size_t budget)
{
    fprintf(stderr, "%-28s %5zu bytes (budget %zu)\n", what, bytes, budget);
    if (bytes > budget) {
        vt_dump(vt, stderr);
        fail_msg("%s sent %zu bytes, over its budget of %zu", what, bytes, budget);
    }
}

static void redraws_stay_within_budget(void **state)
{
    static char questions[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    char *argv[] = {(char *)binary, "--questions", questions, NULL};
    char *env[] = {"TERM=xterm-256color", "LANG=C.UTF-8", NULL};
    struct vt *vt = vt_spawn(argv, env, 24, 80);
    assert_non_null(vt);
    *state = vt;
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    VT_ASSERT(vt, vt_wait_quiet(vt, QUIET_MS, T));
    size_t first = vt_bytes(vt);
    check(vt, "first screen", first, BUDGET_FIRST_SCREEN);
    bytes_for(vt, "\r", "Question 1 of");
    vt_reset_bytes(vt);
    vt_send(vt, "\t");
    VT_ASSERT(vt, vt_wait_quiet(vt, QUIET_MS, T));
    check(vt, "focus move", vt_bytes(vt), BUDGET_FOCUS);
    vt_reset_bytes(vt);
    vt_send(vt, "\t");
    VT_ASSERT(vt, vt_wait_quiet(vt, QUIET_MS, T));
    check(vt, "focus move again", vt_bytes(vt), BUDGET_FOCUS);
    /* The long emergency lists: the next one is less than a repaint of it. */
    size_t long_answer = bytes_for(vt, "n", "Question 2 of");
    size_t repaint = repaint_bytes(vt);
    fprintf(stderr, "%-28s %5zu bytes (a repaint of it %zu)\n", "answer (emergency list)",
            long_answer, repaint);
    VT_ASSERT(vt, long_answer < repaint);
    char expect[32];
    for (int q = 3; q <= Q_ORDINARY; q++) {
        snprintf(expect, sizeof(expect), "Question %d of", q);
        bytes_for(vt, "n", expect);
    }
    snprintf(expect, sizeof(expect), "Question %d of", Q_ORDINARY + 1);
    size_t answer = bytes_for(vt, "n", expect);
    check(vt, "answer (next question)", answer, BUDGET_ANSWER);
    VT_ASSERT(vt, answer < first / 2); /* well under a full repaint */
    snprintf(expect, sizeof(expect), "Question %d of", Q_ORDINARY);
    check(vt, "back", bytes_for(vt, "b", expect), BUDGET_BACK);
    check(vt, "quit confirmation", bytes_for(vt, "q", "Quit now?"), BUDGET_QUIT_BOX);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(redraws_stay_within_budget, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
