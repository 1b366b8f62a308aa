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
    BUDGET_FOCUS = 50,   /* moving the focus between two answers, measured 42 */
    BUDGET_ANSWER = 600, /* the next question: new text, not a repaint; measured 443 (395 before) */
    /* the previous question, its answer marked; measured 660: question 1 of
     * format 2 has twice the words of the old one (324 characters of
     * question and help, was 165); 470 before */
    BUDGET_BACK = 750,
    BUDGET_QUIT_BOX = 700, /* the quit confirmation over a question */
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
    size_t answer = bytes_for(vt, "n", "Question 2 of");
    check(vt, "answer (next question)", answer, BUDGET_ANSWER);
    VT_ASSERT(vt, answer < first / 2); /* well under a full repaint */
    check(vt, "back", bytes_for(vt, "b", "Question 1 of"), BUDGET_BACK);
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
