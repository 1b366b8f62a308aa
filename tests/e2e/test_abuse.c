/* SPDX-License-Identifier: MIT */
/* Terminal abuse and long runs: random keys and clicks on every screen,
 * resize storms down to 1x1, texts longer than the window, a terminal that
 * goes away, and hundreds of kiosk sessions in one process. Nothing may
 * crash, hang, leak, grow, or leave the screen out of step. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "args.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vt.h"
#include "vt_assert.h"

enum { T = 10000 };

/* Questions in the bundled questionnaire (questions/en.yaml, "--list" and
 * its show_if gates) for someone who answers the same to everything (no
 * red flag): 39 at the start; a "no" to started_recently opens over_a_month;
 * "not sure" opens every follow-up that a "yes" or a "no" to a safety
 * question or a sign would (docs/question-format.md, show_if). */
enum { ALL_NO_TOTAL = 41, ALL_UNSURE_TOTAL = 64 };

static const char *binary;
static const char *source_dir;

static int teardown(void **state)
{
    vt_free(*state);
    return 0;
}

static struct vt *spawn(void **state, const char *questions, bool kiosk, int rows, int cols,
                        char *const env[])
{
    static char path[4096];
    snprintf(path, sizeof(path), "%s/%s", source_dir, questions);
    char *argv[] = {(char *)binary, "--questions", path, kiosk ? "--kiosk" : NULL, NULL};
    struct vt *vt = vt_spawn(argv, env, rows, cols);
    assert_non_null(vt);
    *state = vt;
    return vt;
}

static bool alive(struct vt *vt)
{
    return vt_wait_exit(vt, 0, NULL) != 0;
}

/* The screen as drawn bit by bit must equal a complete repaint of the same
 * state: a resize away and back forces curses to draw everything again. */
static void assert_consistent(struct vt *vt, int rows, int cols)
{
    VT_ASSERT(vt, vt_wait_quiet(vt, 150, T));
    char *before = vt_screen(vt);
    vt_resize(vt, rows + 1, cols + 1);
    VT_ASSERT(vt, vt_wait_redraw(vt, 150, T));
    vt_resize(vt, rows, cols);
    VT_ASSERT(vt, vt_wait_redraw(vt, 150, T));
    char *after = vt_screen(vt);
    if (strcmp(before, after) != 0) {
        fprintf(stderr, "before the repaint:\n%s\n", before);
        vt_dump(vt, stderr);
        fail_msg("the screen differs from a full repaint of the same state");
    }
    free(before);
    free(after);
}

static const char *const sequences[] = {"y",
                                        "n",
                                        "u",
                                        "b",
                                        "q",
                                        "?",
                                        "t",
                                        "r",
                                        "x",
                                        "Y",
                                        " ",
                                        "\r",
                                        "\t",
                                        "\033[Z",
                                        "\177",
                                        "\033[A",
                                        "\033[B",
                                        "\033[C",
                                        "\033[D",
                                        "\033OA",
                                        "\033OB",
                                        "\033OC",
                                        "\033OD",
                                        "\033[5~",
                                        "\033[6~",
                                        "\033[H",
                                        "\033[F",
                                        "\033OP",
                                        "\033",
                                        "\003",
                                        "\032",
                                        "\034",
                                        "\030",
                                        "\004",
                                        "\xff",
                                        "\xc3",
                                        "\xe2\x9c",
                                        "日",
                                        "\033[",
                                        "\033[<0;",
                                        "\033[999;999H"};

/* Sends N random keys, partial escape sequences, bytes and clicks. Outside
 * a kiosk Ctrl-Z is left out: it suspends the program, as it should, and
 * this harness has no shell to bring it back. */
static void random_input(struct vt *vt, unsigned *seed, int n, int rows, int cols, bool kiosk)
{
    const size_t count = sizeof(sequences) / sizeof(sequences[0]);
    for (int i = 0; i < n && alive(vt); i++) {
        const char *keys = sequences[rand_r(seed) % count];
        if (rand_r(seed) % 8 == 0)
            vt_click(vt, rand_r(seed) % rows, rand_r(seed) % cols);
        else if (kiosk || strcmp(keys, "\032") != 0)
            vt_send(vt, keys);
        if (i % 50 == 0)
            vt_pump(vt, 0);
    }
}

static void random_keys_and_clicks_in_a_kiosk(void **state)
{
    struct vt *vt = spawn(state, "questions/en.yaml", true, 24, 80, NULL);
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    unsigned seed = 20261126;
    for (int round = 0; round < 10; round++) {
        random_input(vt, &seed, 300, 24, 80, true);
        VT_ASSERT(vt, alive(vt));
        assert_consistent(vt, 24, 80);
    }
}

static void random_keys_until_it_quits(void **state)
{
    for (unsigned run = 0; run < 5; run++) {
        struct vt *vt = spawn(state, "questions/en.yaml", false, 24, 80, NULL);
        VT_ASSERT_TEXT(vt, "Press Enter to start", T);
        unsigned seed = 1000 + run;
        random_input(vt, &seed, 1500, 24, 80, false);
        int status = 0;
        if (vt_wait_exit(vt, 200, &status) == 0) {
            /* It may well have been told to quit (q y, Stop) or interrupted
             * (Ctrl-C, Ctrl-\\); then cleanly, with the terminal restored. */
            VT_ASSERT(vt, WIFEXITED(status));
            int code = WEXITSTATUS(status);
            VT_ASSERT(vt, code == 0 || code == 128 + SIGINT || code == 128 + SIGQUIT);
            /* (That the terminal is handed back is checked by test_tui, where
             * no keys race with the exit.) */
        } else {
            assert_consistent(vt, 24, 80);
        }
        vt_free(vt);
        *state = NULL;
    }
}

static void resize_storm(void **state)
{
    struct vt *vt = spawn(state, "questions/en.yaml", false, 24, 80, NULL);
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    vt_send(vt, "\r");
    VT_ASSERT_TEXT(vt, "Question 1 of", T);
    vt_send(vt, "n");
    unsigned seed = 7;
    for (int i = 0; i < 400; i++) {
        int rows = i % 10 == 0 ? 1 : 1 + rand_r(&seed) % 70;
        int cols = i % 10 == 0 ? 1 : 1 + rand_r(&seed) % 220;
        vt_resize(vt, rows, cols);
        if (i % 20 == 0)
            vt_pump(vt, 0);
    }
    vt_resize(vt, 24, 80);
    VT_ASSERT_TEXT(vt, "Question 2 of 40", T);
    VT_ASSERT(vt, alive(vt));
    /* Curses can lose the last of a burst of SIGWINCHs; the program checks
     * the size itself twice a second, so give it that long to settle. */
    VT_ASSERT(vt, vt_wait_quiet(vt, 700, T));
    assert_consistent(vt, 24, 80);
    vt_send(vt, "b"); /* still responsive, and the answer is still there */
    VT_ASSERT_TEXT(vt, "Question 1 of 40", T);
    VT_ASSERT_TEXT(vt, "No \xE2\x9C\x93", T);
}

static void texts_longer_than_the_window(void **state)
{
    const int sizes[][2] = {{24, 80}, {15, 50}, {60, 200}};
    for (size_t i = 0; i < 3; i++) {
        struct vt *vt =
            spawn(state, "tests/data/questions/long.yaml", false, sizes[i][0], sizes[i][1], NULL);
        VT_ASSERT_TEXT(vt, "Press Enter to start", T);
        vt_send(vt, "\r");
        VT_ASSERT_TEXT(vt, "Question 1 of 2", T);
        VT_ASSERT_TEXT(vt, "Not sure", T); /* the answers stay on screen */
        VT_ASSERT_TEXT(vt, "...", T);      /* the text is cut, visibly */
        assert_consistent(vt, sizes[i][0], sizes[i][1]);
        vt_send(vt, "?");
        VT_ASSERT_TEXT(vt, "Help", T);
        vt_send(vt, "x");
        vt_send(vt, "y");
        VT_ASSERT_TEXT(vt, "Question 2 of 2", T);
        vt_send(vt, "y");
        VT_ASSERT_TEXT(vt, "Your results", T);
        vt_send(vt, "t");
        VT_ASSERT_TEXT(vt, "side by side", T);
        vt_resize(vt, 1, 1);
        vt_resize(vt, sizes[i][0], sizes[i][1]);
        VT_ASSERT_TEXT(vt, "side by side", T);
        VT_ASSERT(vt, alive(vt));
        vt_free(vt);
        *state = NULL;
    }
}

static void terminal_going_away_ends_it(void **state)
{
    const bool kiosk[] = {false, true};
    for (size_t i = 0; i < 2; i++) {
        struct vt *vt = spawn(state, "questions/en.yaml", kiosk[i], 24, 80, NULL);
        VT_ASSERT_TEXT(vt, "Press Enter to start", T);
        vt_send(vt, "\r");
        VT_ASSERT_TEXT(vt, "Question 1 of", T);
        assert_int_equal(vt_hangup(vt), 0);
        int status = 0;
        /* It ends promptly instead of spinning on a dead terminal. */
        assert_int_equal(vt_wait_exit(vt, 3000, &status), 0);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), kiosk[i] ? 0 : 129);
        vt_free(vt);
        *state = NULL;
    }
}

/* Resident memory of PID in kB, from /proc. */
static long rss_kb(pid_t pid)
{
    char path[64], line[256];
    snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
    FILE *fp = fopen(path, "r");
    long kb = -1;
    while (fp != NULL && fgets(line, sizeof(line), fp) != NULL)
        if (sscanf(line, "VmRSS: %ld kB", &kb) == 1)
            break;
    if (fp != NULL)
        fclose(fp);
    return kb;
}

static void one_session(struct vt *vt, int n, const char *answer)
{
    /* Enter, one key per question of the longer walk, and the end. */
    _Static_assert(ALL_NO_TOTAL <= ALL_UNSURE_TOTAL, "keys holds the longer walk");
    char keys[ALL_UNSURE_TOTAL + 2] = "\r";
    int total = answer[0] == 'u' ? ALL_UNSURE_TOTAL : ALL_NO_TOTAL;
    for (int i = 0; i < total; i++)
        strcat(keys, answer);
    vt_send(vt, keys);
    if (!vt_wait_text(vt, "Your results", T)) {
        vt_dump(vt, stderr);
        fail_msg("session %d: no results", n);
    }
    vt_send(vt, "ry");
    if (!vt_wait_text(vt, "Press Enter to start", T)) {
        vt_dump(vt, stderr);
        fail_msg("session %d: no welcome after the results", n);
    }
    VT_ASSERT(vt, vt_wait_quiet(vt, 5, T));
}

static void hundreds_of_kiosk_sessions_do_not_grow(void **state)
{
    char *env[] = {"MUSCLECHECK_STAFF_PIN=8642", NULL};
    struct vt *vt = spawn(state, "questions/en.yaml", true, 24, 80, env);
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    const char *answers[] = {"n", "u"};
    for (int n = 0; n < 30; n++)
        one_session(vt, n, answers[n % 2]);
    long early = rss_kb(vt_pid(vt));
    for (int n = 30; n < 300; n++)
        one_session(vt, n, answers[n % 2]);
    long late = rss_kb(vt_pid(vt));
    fprintf(stderr, "resident memory after 30 sessions: %ld kB, after 300: %ld kB\n", early, late);
    assert_true(early > 0 && late > 0);
#ifndef MC_SANITIZED
    /* No growth beyond allocator noise. (Under ASan freed memory is held in
     * quarantine, so there only the leak check at exit counts.) */
    assert_true(late - early < 256);
#endif
    /* A clean exit lets a leak checker in the child (ASan builds) report. */
    vt_send(vt, "\030"
                "8642\r");
    int status = 0;
    assert_int_equal(vt_wait_exit(vt, T, &status), 0);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(random_keys_and_clicks_in_a_kiosk, teardown),
        cmocka_unit_test_teardown(random_keys_until_it_quits, teardown),
        cmocka_unit_test_teardown(resize_storm, teardown),
        cmocka_unit_test_teardown(texts_longer_than_the_window, teardown),
        cmocka_unit_test_teardown(terminal_going_away_ends_it, teardown),
        cmocka_unit_test_teardown(hundreds_of_kiosk_sessions_do_not_grow, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
