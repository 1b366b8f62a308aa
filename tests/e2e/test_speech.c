/* SPDX-License-Identifier: MIT */
/* End-to-end tests of reading aloud: the real binary in a pseudo-terminal
 * with --speech and MUSCLECHECK_SPEECH_LOG, so that each utterance is
 * written to a file instead of played. Each one must be what the screen
 * shows at that moment, in the screen's order, through a walk of the
 * questions to the results (focus moves and the help included); and the
 * kiosk's idle wipe must silence it at once, with nothing of the last
 * patient said after. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vt.h"
#include "vt_assert.h"

enum { T = 5000, ROWS = 250, COLS = 120 };

static const char *binary;
static const char *source_dir;

struct fixture {
    struct vt *vt;
    char log[64];
    size_t read; /* bytes of the log checked so far */
};

static int teardown(void **state)
{
    struct fixture *f = *state;
    if (f != NULL) {
        vt_free(f->vt);
        unlink(f->log);
        free(f);
    }
    return 0;
}

/* TEXT without any white space (wrapping and indents differ; words do not). */
static char *squeeze(const char *text)
{
    char *out = malloc(strlen(text) + 1);
    assert_non_null(out);
    size_t n = 0;
    for (const char *p = text; *p != '\0'; p++)
        if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\x1f')
            out[n++] = *p;
    out[n] = '\0';
    return out;
}

/* The log from byte FROM on (NULL-terminated, the caller frees). */
static char *read_log(const char *path, size_t from)
{
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    fseek(fp, 0, SEEK_END);
    long size = ftell(fp);
    fseek(fp, (long)from, SEEK_SET);
    size_t n = size > (long)from ? (size_t)size - from : 0;
    char *buf = malloc(n + 1);
    assert_non_null(buf);
    n = fread(buf, 1, n, fp);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

/* Checks that every utterance logged since the last check is on the screen
 * now, segment by segment in the screen's order; returns how many there
 * were. */
/* Whether every word of SEG is on SCREEN (a box drawn over a screen
 * interleaves its rows with what is left of the screen beside it). */
static bool words_on_screen(const char *seg, const char *screen)
{
    char *copy = strdup(seg);
    assert_non_null(copy);
    bool all = true;
    char *save = NULL;
    for (char *w = strtok_r(copy, " \x1f", &save); w != NULL && all;
         w = strtok_r(NULL, " \x1f", &save))
        all = strstr(screen, w) != NULL;
    free(copy);
    return all;
}

static int check_said_in(struct fixture *f, bool in_box)
{
    VT_ASSERT(f->vt, vt_wait_quiet(f->vt, 150, T));
    char *log = read_log(f->log, f->read);
    f->read += strlen(log);
    char *screen_raw = vt_screen(f->vt);
    char *screen = squeeze(screen_raw);
    int said = 0;
    for (char *line = strtok(log, "\n"); line != NULL; line = strtok(NULL, "\n")) {
        if (strncmp(line, "say\t", 4) != 0)
            continue;
        said++;
        char *text = strchr(line + 4, '\t');
        assert_non_null(text);
        text++;
        const char *from = screen;
        /* Segments are separated by a blank line (two US bytes in the log). */
        for (char *seg = text; seg != NULL;) {
            char *end = strstr(seg, "\x1f\x1f");
            if (end != NULL)
                *end = '\0';
            char *want = squeeze(seg);
            const char *at = strstr(from, want);
            if (at == NULL && in_box && words_on_screen(seg, screen_raw))
                at = from;
            if (at == NULL) {
                vt_dump(f->vt, stderr);
                fail_msg("said \"%s\", which is not on the screen (after what was said before)",
                         seg);
            }
            from = at + strlen(want);
            free(want);
            seg = end != NULL ? end + 2 : NULL;
        }
    }
    free(log);
    free(screen);
    free(screen_raw);
    return said;
}

static int check_said(struct fixture *f)
{
    return check_said_in(f, false);
}

static struct fixture *start(void **state, const char *const *extra)
{
    struct fixture *f = calloc(1, sizeof(*f));
    assert_non_null(f);
    *state = f;
    snprintf(f->log, sizeof(f->log), "/tmp/mc-speech-%d.log", (int)getpid());
    unlink(f->log);
    static char env_log[128];
    snprintf(env_log, sizeof(env_log), "MUSCLECHECK_SPEECH_LOG=%s", f->log);
    static char questions[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    char *argv[16] = {(char *)binary, "--speech", "--questions", questions};
    int n = 4;
    for (size_t i = 0; extra != NULL && extra[i] != NULL && n < 15; i++)
        argv[n++] = (char *)extra[i];
    argv[n] = NULL;
    char *env[] = {env_log, NULL};
    f->vt = vt_spawn(argv, env, ROWS, COLS);
    assert_non_null(f->vt);
    VT_ASSERT_TEXT(f->vt, "Press Enter to start", T);
    return f;
}

/* Welcome, every question (answered "no", after moving the focus on the
 * first), the help, and the results: each utterance is on the screen. */
static void a_walk_says_what_the_screens_show(void **state)
{
    struct fixture *f = start(state, NULL);
    assert_int_equal(check_said(f), 1); /* the welcome, with its hint */
    VT_ASSERT_TEXT(f->vt, "a repeats, x stops", T);
    vt_send(f->vt, VT_ENTER);
    VT_ASSERT_TEXT(f->vt, "Question 1 of", T);
    assert_int_equal(check_said(f), 1);
    vt_send(f->vt, VT_TAB); /* the focus on No: only "No" is said */
    assert_int_equal(check_said(f), 1);
    char *log = read_log(f->log, 0);
    assert_non_null(strstr(log, "say\ten\tNo\n"));
    free(log);
    vt_send(f->vt, "?");
    VT_ASSERT_TEXT(f->vt, "Press any key to go back", T);
    assert_int_equal(check_said_in(f, true), 1);
    vt_send(f->vt, "a"); /* repeat: the help again */
    assert_int_equal(check_said_in(f, true), 1);
    vt_send(f->vt, " "); /* any key closes the help: the question again */
    VT_ASSERT_GONE(f->vt, "Press any key to go back", T);
    assert_int_equal(check_said(f), 1);
    /* Answer "no" until the results, however many questions there are. */
    int questions = 0;
    while (!vt_find(f->vt, "Your results", NULL, NULL)) {
        assert_true(++questions < 500);
        vt_send(f->vt, "n");
        VT_ASSERT(f->vt, vt_wait_quiet(f->vt, 150, T));
        assert_int_equal(check_said(f), 1);
    }
    assert_true(questions > 1);
    vt_send(f->vt, VT_TAB); /* a results button: its label */
    assert_int_equal(check_said(f), 1);
    vt_send(f->vt, "x"); /* stop: nothing more is said */
    assert_int_equal(check_said(f), 0);
    log = read_log(f->log, 0);
    size_t len = strlen(log);
    assert_true(len > 5 && strcmp(log + len - 5, "stop\n") == 0);
    free(log);
}

/* The kiosk's idle wipe silences speech at once, before the welcome screen
 * is shown again, and nothing said after it is about the last patient. */
static void the_idle_wipe_cuts_speech_off(void **state)
{
    const char *const extra[] = {"--kiosk", "--idle-timeout", "6", NULL};
    struct fixture *f = start(state, extra);
    vt_send(f->vt, VT_ENTER);
    VT_ASSERT_TEXT(f->vt, "Question 1 of", T);
    vt_send(f->vt, "n");
    VT_ASSERT_TEXT(f->vt, "Question 2 of", T);
    VT_ASSERT_TEXT(f->vt, "Still there?", 8000);
    VT_ASSERT_TEXT(f->vt, "Press Enter to start", 8000);
    VT_ASSERT(f->vt, vt_wait_quiet(f->vt, 300, T));
    char *log = read_log(f->log, 0);
    /* The last record about the session (a question or the countdown),
     * then a stop, then only the welcome. */
    char *last = NULL;
    for (char *p = log; (p = strstr(p, "say\t")) != NULL; p++) {
        char *eol = strchr(p, '\n');
        if (eol == NULL)
            break;
        if ((memmem(p, (size_t)(eol - p), "Question", 8) != NULL ||
             memmem(p, (size_t)(eol - p), "Still there", 11) != NULL))
            last = p;
    }
    assert_non_null(last);
    char *after = strchr(last, '\n') + 1;
    assert_true(strncmp(after, "stop\n", 5) == 0);
    for (char *p = after; (p = strstr(p, "say\t")) != NULL; p++) {
        assert_true(strncmp(p, "say\ten\tMuscle weakness self-check", 33) == 0);
        char *eol = strchr(p, '\n');
        assert_null(memmem(p, (size_t)(eol - p), "Question", 8));
    }
    free(log);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(a_walk_says_what_the_screens_show, teardown),
        cmocka_unit_test_teardown(the_idle_wipe_cuts_speech_off, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
