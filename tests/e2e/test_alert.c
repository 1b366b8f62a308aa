/* SPDX-License-Identifier: MIT */
/* End-to-end tests of the kiosk's alert to the desk (--alert-command): the
 * command is a small script that writes its arguments and environment to a
 * file. It must run with the level and the kiosk's name and nothing else
 * of the patient, once per level however the patient goes back and forth,
 * and a command that hangs or fails must neither hold up the screen nor
 * show anything on it. */
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
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kiosk_start.h"
#include "vt.h"
#include "vt_assert.h"

/* ALERT_WAIT: the command's 10 seconds (docs/kiosk.md), and room for a
 * loaded machine. */
enum { T = 5000, ALERT_WAIT = 20000 };

/* questions/en.yaml: questions 1-10 are emergency questions (1: ambulance);
 * 12 is a same-day one (one hot, swollen calf). */
enum { Q_SAME_DAY = 12 };

static const char *binary;
static const char *source_dir;

struct fixture {
    struct vt *vt;
    char dir[64]; /* the script and what it writes */
    char log[96];
};

static int teardown(void **state)
{
    struct fixture *f = *state;
    if (f == NULL)
        return 0;
    vt_free(f->vt);
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", f->dir);
    free(f);
    return 0;
}

/* A folder with alert.sh, which appends a line "alert [ARG]...", each
 * MUSCLECHECK_ variable of its environment and "  end" to the log. */
static struct fixture *fixture_new(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    assert_non_null(f);
    *state = f;
    snprintf(f->dir, sizeof(f->dir), "/tmp/mc-alert-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->log, sizeof(f->log), "%s/log", f->dir);
    char path[96];
    snprintf(path, sizeof(path), "%s/alert.sh", f->dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fprintf(fp,
            "#!/bin/sh\n"
            "{\n"
            "  printf 'alert'\n"
            "  for a in \"$@\"; do printf ' [%%s]' \"$a\"; done\n"
            "  printf '\\n'\n"
            "  env | grep '^MUSCLECHECK' | sort | sed 's/^/  env /'\n"
            "  echo '  end'\n"
            "} >> '%s'\n",
            f->log);
    fclose(fp);
    assert_int_equal(chmod(path, 0700), 0);
    return f;
}

/* Starts the kiosk with alert command CMD, named "Room 3". */
static void start(void **state, struct fixture *f, const char *cmd)
{
    const char *const args[] = {"--alert-command", cmd, "--kiosk-name", "Room 3", NULL};
    char *env[] = {"MUSCLECHECK_STAFF_PIN=2468", NULL};
    void *vt_state = NULL;
    f->vt = kiosk_start(&vt_state, binary, source_dir, args, env);
    (void)state;
}

/* The log, or "" when there is none yet (the caller frees). */
static char *read_log(const struct fixture *f)
{
    FILE *fp = fopen(f->log, "r");
    char *text = calloc(1, 8192);
    assert_non_null(text);
    if (fp != NULL) {
        size_t n = fread(text, 1, 8191, fp);
        text[n] = '\0';
        fclose(fp);
    }
    return text;
}

/* How many alerts the log holds, written whole. */
static int alerts(const struct fixture *f)
{
    char *text = read_log(f);
    int n = 0;
    for (const char *p = text; (p = strstr(p, "\n  end\n")) != NULL; p++)
        n++;
    free(text);
    return n;
}

/* Waits until the log holds N alerts; fails the test after TIMEOUT_MS. */
static void wait_alerts(const struct fixture *f, int n, int timeout_ms)
{
    long long end = vt_now_us() + 1000LL * timeout_ms;
    while (alerts(f) < n && vt_now_us() < end)
        vt_pump(f->vt, 50);
    if (alerts(f) != n) {
        char *text = read_log(f);
        fail_msg("want %d alerts, the log has:\n%s", n, text);
    }
}

static void wait_question(struct vt *vt, int n)
{
    char text[32];
    snprintf(text, sizeof(text), "Question %d of", n);
    VT_ASSERT_TEXT(vt, text, T);
    VT_ASSERT(vt, vt_wait_quiet(vt, 30, T));
}

/* From the welcome screen: "no" up to the same-day question, yes to it. */
static void reach_same_day(struct vt *vt)
{
    vt_send(vt, VT_ENTER);
    for (int n = 1; n < Q_SAME_DAY; n++) {
        wait_question(vt, n);
        vt_send(vt, "n");
    }
    wait_question(vt, Q_SAME_DAY);
    vt_send(vt, "y");
    wait_question(vt, Q_SAME_DAY + 1);
}

/* Alert number I (from 1) of the log is exactly LEVEL and the kiosk's name,
 * as arguments and in the environment, and nothing else. */
static void alert_is(const struct fixture *f, int i, const char *level)
{
    char *text = read_log(f);
    const char *p = text;
    for (int k = 1; k < i; k++) {
        p = strstr(p, "alert [");
        assert_non_null(p);
        p++;
    }
    p = strstr(p, "alert [");
    assert_non_null(p);
    char want[256];
    snprintf(want, sizeof(want),
             "alert [%s] [Room 3]\n"
             "  env MUSCLECHECK_ALERT_LEVEL=%s\n"
             "  env MUSCLECHECK_KIOSK_NAME=Room 3\n"
             "  end\n",
             level, level);
    if (strncmp(p, want, strlen(want)) != 0)
        fail_msg("want:\n%s\nthe log has:\n%s", want, text);
    /* No answer, no other argument or variable (the staff PIN was
     * removed from the kiosk's environment before anything ran). */
    const char *next = p + strlen(want);
    assert_true(*next == '\0' || strncmp(next, "alert [", 7) == 0);
    free(text);
}

static void alerts_once_per_level_with_no_answers(void **state)
{
    struct fixture *f = fixture_new(state);
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "%s/alert.sh \"$@\"", f->dir);
    start(state, f, cmd);
    reach_same_day(f->vt);
    wait_alerts(f, 1, T);
    alert_is(f, 1, "same_day");
    /* Back and forth over the same answer: no alert storm. */
    for (int i = 0; i < 2; i++) {
        vt_send(f->vt, "b");
        wait_question(f->vt, Q_SAME_DAY);
        vt_send(f->vt, i == 0 ? "n" : "y");
        wait_question(f->vt, Q_SAME_DAY + 1);
        vt_send(f->vt, "b");
        wait_question(f->vt, Q_SAME_DAY);
        vt_send(f->vt, "y");
        wait_question(f->vt, Q_SAME_DAY + 1);
    }
    VT_ASSERT(f->vt, vt_wait_quiet(f->vt, 1500, T));
    assert_int_equal(alerts(f), 1);
    /* The next patient: "not sure" to the first (ambulance) question, then
     * yes to it. */
    vt_send(f->vt, "q");
    VT_ASSERT_TEXT(f->vt, "Start over?", T);
    vt_send(f->vt, "y");
    VT_ASSERT_TEXT(f->vt, "Press Enter to start", T);
    vt_send(f->vt, VT_ENTER);
    wait_question(f->vt, 1);
    vt_send(f->vt, "u");
    wait_question(f->vt, 2);
    wait_alerts(f, 2, T);
    alert_is(f, 2, "unsure_emergency");
    vt_send(f->vt, "b");
    wait_question(f->vt, 1);
    vt_send(f->vt, "y");
    VT_ASSERT_TEXT(f->vt, "reception desk", T);
    wait_alerts(f, 3, T);
    alert_is(f, 3, "ambulance");
    VT_ASSERT(f->vt, !vt_find(f->vt, "alert", NULL, NULL));
}

/* A patient in line mode alerts the same way, and a hanging command is
 * ended meanwhile (line mode waits for lines, not for the command). */
static void line_mode_alerts_too(void **state)
{
    struct fixture *f = fixture_new(state);
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "%s/alert.sh \"$@\"", f->dir);
    start(state, f, cmd);
    VT_ASSERT_TEXT(f->vt, "l line by line", T);
    vt_send(f->vt, "l");
    VT_ASSERT_TEXT(f->vt, "Question 1 of", T);
    VT_ASSERT_TEXT(f->vt, "start over):", T);
    vt_send(f->vt, "u\r");
    VT_ASSERT_TEXT(f->vt, "Question 2 of", T);
    wait_alerts(f, 1, T);
    alert_is(f, 1, "unsure_emergency");
    vt_send(f->vt, "b\r");
    VT_ASSERT(f->vt, vt_wait_quiet(f->vt, 100, T));
    vt_send(f->vt, "y\r");
    VT_ASSERT_TEXT(f->vt, "reception desk", T);
    wait_alerts(f, 2, T);
    alert_is(f, 2, "ambulance");
}

/* Whether process PID is gone (ended and reaped). */
static bool gone(pid_t pid)
{
    char path[32];
    snprintf(path, sizeof(path), "/proc/%d", (int)pid);
    return access(path, F_OK) != 0;
}

static void a_hanging_alert_is_ended_and_never_blocks(void **state)
{
    struct fixture *f = fixture_new(state);
    char cmd[160];
    snprintf(cmd, sizeof(cmd), "echo $$ > %s/pid; exec sleep 60", f->dir);
    start(state, f, cmd);
    reach_same_day(f->vt);
    long long started = vt_now_us();
    /* The screen goes on at once while the command hangs. */
    for (int n = Q_SAME_DAY + 1; n < Q_SAME_DAY + 4; n++) {
        vt_send(f->vt, "n");
        wait_question(f->vt, n + 1);
    }
    assert_true(vt_now_us() - started < 5000000LL);
    char path[96], pid_text[32] = "";
    snprintf(path, sizeof(path), "%s/pid", f->dir);
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    assert_non_null(fgets(pid_text, sizeof(pid_text), fp));
    fclose(fp);
    pid_t pid = (pid_t)atoi(pid_text);
    assert_true(pid > 0);
    assert_false(gone(pid));
    long long end = vt_now_us() + 1000LL * ALERT_WAIT;
    while (!gone(pid) && vt_now_us() < end)
        vt_pump(f->vt, 100);
    assert_true(gone(pid));
    /* Ended after its 10 seconds, not before. */
    assert_true(vt_now_us() - started >= 9000000LL);
    VT_ASSERT(f->vt, !vt_find(f->vt, "alert", NULL, NULL));
    VT_ASSERT(f->vt, vt_find(f->vt, "Question 16 of", NULL, NULL));
}

static void a_failing_alert_is_told_to_staff_only(void **state)
{
    struct fixture *f = fixture_new(state);
    start(state, f, "exit 3");
    reach_same_day(f->vt);
    vt_send(f->vt, "n");
    wait_question(f->vt, Q_SAME_DAY + 2);
    VT_ASSERT(f->vt, vt_wait_quiet(f->vt, 1000, T)); /* the command has long failed */
    VT_ASSERT(f->vt, !vt_find(f->vt, "alert", NULL, NULL));
    /* Standard error is this terminal: the failure is written once the
     * screen is gone (under systemd it goes to the journal at once). */
    vt_kill(f->vt, SIGTERM);
    int status = 0;
    VT_ASSERT(f->vt, vt_wait_exit(f->vt, T, &status) == 0);
    VT_ASSERT(f->vt, WIFEXITED(status) && WEXITSTATUS(status) == 0);
    VT_ASSERT_TEXT(f->vt, "the alert command failed (alert same_day from Room 3)", T);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(alerts_once_per_level_with_no_answers, teardown),
        cmocka_unit_test_teardown(line_mode_alerts_too, teardown),
        cmocka_unit_test_teardown(a_hanging_alert_is_ended_and_never_blocks, teardown),
        cmocka_unit_test_teardown(a_failing_alert_is_told_to_staff_only, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
