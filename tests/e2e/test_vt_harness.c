/* SPDX-License-Identifier: MIT */
/* test_vt_harness.c - tests of the e2e terminal harness (vt.h) against standard programs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h> /* needs the four headers above first */

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "vt.h"
#include "vt_assert.h"

enum {
    T_OK = 5000, /* waits expected to succeed: they return as soon as they do */
    T_NEG = 300, /* waits expected to time out */
};

/* Each test keeps its terminals here; the teardown frees them even after a failed assertion. */
struct fixture {
    struct vt *vt[2];
};

static int setup(void **state)
{
    *state = calloc(1, sizeof(struct fixture));
    return *state ? 0 : -1;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    for (size_t i = 0; i < sizeof f->vt / sizeof f->vt[0]; i++)
        vt_free(f->vt[i]);
    free(f);
    return 0;
}

static struct vt *spawn_env(void **state, int slot, const char *script, char *const env[], int rows,
                            int cols)
{
    struct fixture *f = *state;
    char *argv[] = {"/bin/sh", "-c", (char *)script, NULL};
    f->vt[slot] = vt_spawn(argv, env, rows, cols);
    if (!f->vt[slot])
        fail_msg("vt_spawn(%s): %s", script, strerror(errno));
    return f->vt[slot];
}

static struct vt *spawn(void **state, const char *script)
{
    return spawn_env(state, 0, script, NULL, 24, 80);
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void assert_row(struct vt *vt, int row, const char *want)
{
    char *got = vt_row(vt, row);
    if (!got || strcmp(got, want) != 0) {
        vt_dump(vt, stderr);
        fail_msg("row %d: got \"%s\", want \"%s\"", row, got ? got : "(null)", want);
    }
    free(got);
}

static void test_screen_rows(void **state)
{
    struct vt *vt = spawn(state, "printf 'hello\\nworld  \\n'; exec sleep 30");
    VT_ASSERT_TEXT(vt, "world", T_OK);
    assert_row(vt, 0, "hello");
    assert_row(vt, 1, "world");
    assert_row(vt, 2, "");
    assert_null(vt_row(vt, 24));
    assert_null(vt_row(vt, -1));

    char *s = vt_screen(vt);
    assert_non_null(s);
    assert_true(strncmp(s, "hello\nworld\n\n", 13) == 0);
    size_t newlines = 0;
    for (char *p = s; *p; p++)
        newlines += *p == '\n';
    assert_int_equal(newlines, 23);
    free(s);

    /* A multi-line needle is matched against the trimmed screen. */
    assert_true(vt_wait_text(vt, "hello\nworld", 0));
    assert_false(vt_wait_text(vt, "world\nhello", 0));

    int row, col;
    assert_true(vt_cursor(vt, &row, &col));
    assert_int_equal(row, 2);
    assert_int_equal(col, 0);
    assert_true(vt_find(vt, "rld", &row, &col));
    assert_int_equal(row, 1);
    assert_int_equal(col, 2);
    assert_false(vt_find(vt, "absent", &row, &col));
}

static void test_window_size(void **state)
{
    struct vt *a = spawn_env(state, 0, "stty size", NULL, 24, 80);
    struct vt *b = spawn_env(state, 1, "stty size", NULL, 10, 40);
    VT_ASSERT_TEXT(a, "24 80", T_OK);
    VT_ASSERT_TEXT(b, "10 40", T_OK);
    int rows, cols;
    vt_size(b, &rows, &cols);
    assert_int_equal(rows, 10);
    assert_int_equal(cols, 40);
}

static void test_environment(void **state)
{
    char *env[] = {"FOO=bar baz", "HOME=", "LANG=C", NULL};
    setenv("VT_LEAK", "1", 1);
    struct vt *a = spawn_env(state, 0,
                             "echo \"T=$TERM L=$LANG P=${PATH:+set} H=${HOME-unset} "
                             "X=${VT_LEAK-unset} F=$FOO\"",
                             env, 24, 80);
    struct vt *b = spawn_env(state, 1,
                             "echo \"T=$TERM L=$LANG H=${HOME:+set}\"; "
                             "case $(stty -a) in *-iutf8*) ;; *iutf8*) echo IUTF8_ON;; esac",
                             NULL, 24, 80);
    unsetenv("VT_LEAK");
    VT_ASSERT_TEXT(a, "T=xterm-256color L=C P=set H=unset X=unset F=bar baz", T_OK);
    VT_ASSERT_TEXT(b, "T=xterm-256color L=C.UTF-8 H=set", T_OK);
    VT_ASSERT_TEXT(b, "IUTF8_ON", T_OK);

    char *bad[] = {"NOEQUALS", NULL};
    char *argv[] = {"/bin/true", NULL};
    errno = 0;
    assert_null(vt_spawn(argv, bad, 24, 80));
    assert_int_equal(errno, EINVAL);
}

static void test_exec_failure(void **state)
{
    (void)state;
    char *argv[] = {"/nonexistent/program", NULL};
    errno = 0;
    assert_null(vt_spawn(argv, NULL, 24, 80));
    assert_int_equal(errno, ENOENT);
    char *ok[] = {"true", NULL}; /* found through PATH */
    errno = 0;
    assert_null(vt_spawn(ok, NULL, 0, 80));
    assert_int_equal(errno, EINVAL);
    struct vt *vt = vt_spawn(ok, NULL, 24, 80);
    assert_non_null(vt);
    vt_free(vt);
    vt_free(NULL);
}

/* The child must have the pty as controlling terminal, so ^C raises SIGINT, even though the
 * test process has none and ignores and blocks SIGINT itself (which exec would inherit). */
static void test_ctrl_c(void **state)
{
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    void (*old_handler)(int) = signal(SIGINT, SIG_IGN);
    sigprocmask(SIG_BLOCK, &block, &old);
    struct vt *vt = spawn(state, "if : </dev/tty; then echo CTTY_OK; fi; exec cat");
    sigprocmask(SIG_SETMASK, &old, NULL);
    signal(SIGINT, old_handler);

    VT_ASSERT_TEXT(vt, "CTTY_OK", T_OK);
    assert_int_equal(vt_send(vt, VT_CTRL_C), 0);
    int status = 0;
    assert_int_equal(vt_wait_exit(vt, T_OK, &status), 0);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGINT);
}

static void test_cat_echo(void **state)
{
    struct vt *vt = spawn(state, "exec cat");
    assert_int_equal(vt_send(vt, "abc" VT_ENTER), 0);
    /* once echoed by the line discipline, once written by cat */
    VT_ASSERT_TEXT(vt, "abc\nabc", T_OK);
    assert_int_equal(vt_send(vt, "h\xc3\xa9llo" VT_ENTER), 0);
    VT_ASSERT_TEXT(vt, "h\xc3\xa9llo\nh\xc3\xa9llo", T_OK);
    assert_int_equal(vt_send_len(vt, NULL, 0), 0);
    assert_int_equal(vt_send(vt, ""), 0);
    /* vt_send_len sends NUL bytes too: echoed as ^@, ignored by the terminal in cat's output */
    assert_int_equal(vt_send_len(vt, "x\0y" VT_ENTER, 4), 0);
    VT_ASSERT_TEXT(vt, "x^@y\nxy", T_OK);
    assert_int_equal(vt_send(vt, VT_CTRL_D), 0);
    int status = -1;
    assert_int_equal(vt_wait_exit(vt, T_OK, &status), 0);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
}

static void test_wide_characters(void **state)
{
    struct vt *vt = spawn(state, "printf '\xe4\xb8\xad\xe6\x96\x87"
                                 "ab\\n'; exec sleep 30");
    VT_ASSERT_TEXT(vt,
                   "\xe4\xb8\xad\xe6\x96\x87"
                   "ab",
                   T_OK);
    assert_row(vt, 0,
               "\xe4\xb8\xad\xe6\x96\x87"
               "ab");

    struct vt_cell c;
    assert_true(vt_cell(vt, 0, 0, &c));
    assert_string_equal(c.text, "\xe4\xb8\xad");
    assert_int_equal(c.width, 2);
    assert_true(vt_cell(vt, 0, 1, &c));
    assert_string_equal(c.text, "");
    assert_int_equal(c.width, 0);
    assert_true(vt_cell(vt, 0, 2, &c));
    assert_string_equal(c.text, "\xe6\x96\x87");
    assert_true(vt_cell(vt, 0, 4, &c));
    assert_string_equal(c.text, "a");
    assert_int_equal(c.width, 1);
    assert_false(vt_cell(vt, 0, 80, &c));

    int row = -1, col = -1;
    assert_true(vt_find(vt, "\xe6\x96\x87", &row, &col));
    assert_int_equal(row, 0);
    assert_int_equal(col, 2);
    assert_true(vt_find(vt, "ab", &row, &col));
    assert_int_equal(col, 4);
}

static void test_attributes(void **state)
{
    struct vt *vt = spawn(state, "printf 'n\\033[7mREV\\033[27m \\033[1mB\\033[22m "
                                 "\\033[31mR\\033[39m \\033[38;5;200mP\\033[m "
                                 "\\033[38;2;1;2;3mT\\033[m \\033[4mU\\033[m END'; exec sleep 30");
    VT_ASSERT_TEXT(vt, "nREV B R P T U END", T_OK);
    assert_false(vt_cell_reverse(vt, 0, 0));
    for (int c = 1; c <= 3; c++)
        assert_true(vt_cell_reverse(vt, 0, c));
    assert_false(vt_cell_reverse(vt, 0, 4));
    assert_false(vt_cell_bold(vt, 0, 0));
    assert_true(vt_cell_bold(vt, 0, 5));
    assert_int_equal(vt_cell_fg(vt, 0, 0), VT_COLOR_DEFAULT);
    assert_int_equal(vt_cell_fg(vt, 0, 7), 1);
    assert_int_equal(vt_cell_fg(vt, 0, 8), VT_COLOR_DEFAULT);
    assert_int_equal(vt_cell_fg(vt, 0, 9), 200);
    assert_int_equal(vt_cell_fg(vt, 0, 11), VT_RGB(1, 2, 3));

    struct vt_cell c;
    assert_true(vt_cell(vt, 0, 13, &c));
    assert_string_equal(c.text, "U");
    assert_int_equal(c.underline, 1);
    assert_int_equal(c.bg, VT_COLOR_DEFAULT);
    assert_false(c.reverse);
}

static void test_resize(void **state)
{
    struct vt *vt =
        spawn(state, "trap 'stty size' WINCH; echo ready; while :; do sleep 0.05; done");
    VT_ASSERT_TEXT(vt, "ready", T_OK);
    assert_int_equal(vt_resize(vt, 30, 100), 0);
    VT_ASSERT_TEXT(vt, "30 100", T_OK);
    int rows, cols;
    vt_size(vt, &rows, &cols);
    assert_int_equal(rows, 30);
    assert_int_equal(cols, 100);
    assert_int_equal(vt_resize(vt, 12, 40), 0);
    VT_ASSERT_TEXT(vt, "12 40", T_OK);
    assert_int_equal(vt_resize(vt, 0, 40), -1);
}

static void test_exit_status(void **state)
{
    struct vt *vt = spawn(state, "echo bye; exit 3");
    int status = -1;
    assert_int_equal(vt_wait_exit(vt, T_OK, &status), 0);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 3);
    /* the output written before exiting has been read */
    assert_true(vt_find(vt, "bye", NULL, NULL));
    status = -1;
    assert_int_equal(vt_wait_exit(vt, 0, &status), 0);
    assert_int_equal(WEXITSTATUS(status), 3);
    assert_int_equal(vt_kill(vt, SIGTERM), -1); /* reaped: the pid may belong to someone else */
    assert_int_equal(errno, ESRCH);
    assert_int_equal(vt_pump(vt, 0), -1);
}

static void test_kill_and_exit_timeout(void **state)
{
    struct vt *vt = spawn(state, "exec sleep 30");
    int status = -1;
    long long t0 = now_ms();
    assert_int_equal(vt_wait_exit(vt, T_NEG, &status), -1);
    long long took = now_ms() - t0;
    assert_true(took >= T_NEG - 20 && took < 3000);
    assert_int_equal(status, -1);
    assert_int_equal(vt_kill(vt, SIGTERM), 0);
    assert_int_equal(vt_wait_exit(vt, T_OK, &status), 0);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGTERM);
}

/* A child that closes the pty but keeps running: reads report EOF, waits end early, and
 * vt_free still kills and reaps it quickly. */
static void test_pty_closed(void **state)
{
    struct vt *vt = spawn(state, "echo bye; exec sleep 30 >/dev/null 2>&1 </dev/null");
    VT_ASSERT_TEXT(vt, "bye", T_OK);
    long long t0 = now_ms();
    int n;
    while ((n = vt_pump(vt, T_OK)) > 0) {
    }
    assert_int_equal(n, -1);
    assert_false(vt_wait_text(vt, "never", T_OK));
    assert_true(vt_wait_quiet(vt, T_OK, 2 * T_OK));
    assert_true(now_ms() - t0 < 3000);
    assert_int_equal(vt_wait_exit(vt, T_NEG, NULL), -1);

    pid_t pid = vt_pid(vt);
    struct fixture *f = *state;
    t0 = now_ms();
    vt_free(vt);
    f->vt[0] = NULL;
    assert_true(now_ms() - t0 < 3000);
    assert_int_equal(kill(pid, 0), -1); /* reaped, not a zombie */
    assert_int_equal(errno, ESRCH);
}

/* vt_free kills the child's whole process group, so background jobs do not survive a test. */
static void test_free_kills_group(void **state)
{
    /* The background job ignores SIGHUP, so the hangup on closing the pty would not end it. */
    struct vt *vt = spawn(state, "trap '' HUP; sleep 30 & echo \"BG=$!.\"; wait");
    VT_ASSERT_TEXT(vt, ".", T_OK);
    char *row = vt_row(vt, 0);
    int bg = 0;
    assert_int_equal(sscanf(row, "BG=%d.", &bg), 1);
    free(row);
    struct fixture *f = *state;
    vt_free(vt);
    f->vt[0] = NULL;
    /* Not our child, so it may linger as a zombie until init reaps it: accept that. */
    char path[64], buf[256];
    snprintf(path, sizeof path, "/proc/%d/stat", bg);
    bool gone = false;
    for (long long end = now_ms() + T_OK; !gone && now_ms() < end;) {
        FILE *fp = fopen(path, "r");
        if (!fp) {
            gone = true;
            break;
        }
        size_t len = fread(buf, 1, sizeof buf - 1, fp);
        fclose(fp);
        buf[len] = '\0';
        char *paren = strrchr(buf, ')');
        gone = paren && paren[1] == ' ' && (paren[2] == 'Z' || paren[2] == 'X');
        if (!gone) {
            struct timespec ts = {0, 10 * 1000 * 1000};
            nanosleep(&ts, NULL);
        }
    }
    assert_true(gone);
}

static void test_wait_timeouts(void **state)
{
    struct vt *vt = spawn(state, "printf stay; exec sleep 30");
    VT_ASSERT_TEXT(vt, "stay", T_OK);
    long long t0 = now_ms();
    assert_false(vt_wait_text(vt, "absent", T_NEG));
    long long took = now_ms() - t0;
    assert_true(took >= T_NEG - 20 && took < 3000);
    t0 = now_ms();
    assert_false(vt_wait_gone(vt, "stay", T_NEG));
    took = now_ms() - t0;
    assert_true(took >= T_NEG - 20 && took < 3000);
    assert_int_equal(vt_pump(vt, 50), 0);
    assert_false(vt_wait_text(vt, "absent", 0));
    assert_true(vt_wait_text(vt, "stay", 0));
}

static void test_wait_gone(void **state)
{
    struct vt *vt = spawn(state, "printf busy; sleep 0.3; printf '\\r\\033[Kdone'; exec sleep 30");
    VT_ASSERT_TEXT(vt, "busy", T_OK);
    VT_ASSERT_GONE(vt, "busy", T_OK);
    assert_row(vt, 0, "done");
}

static void test_wait_quiet(void **state)
{
    struct vt *vt = spawn(state, "for i in 1 2 3 4 5; do echo tick$i; sleep 0.1; done; "
                                 "echo end; exec sleep 30");
    VT_ASSERT_TEXT(vt, "tick1", T_OK);
    assert_true(vt_wait_quiet(vt, 400, T_OK));
    VT_ASSERT(vt, vt_find(vt, "end", NULL, NULL));

    struct vt *flood = spawn_env(state, 1, "exec yes", NULL, 24, 80);
    long long t0 = now_ms();
    assert_false(vt_wait_quiet(flood, 200, 600));
    long long took = now_ms() - t0;
    assert_true(took >= 580 && took < 3000);
    assert_true(vt_bytes(flood) > 1000);
}

static void test_byte_count(void **state)
{
    struct vt *vt = spawn(state, "printf abcdef");
    assert_int_equal(vt_wait_exit(vt, T_OK, NULL), 0);
    assert_int_equal(vt_bytes(vt), 6);
    vt_reset_bytes(vt);
    assert_int_equal(vt_bytes(vt), 0);
}

/* Output still buffered in the pty when the child exits is read by vt_wait_exit: when the
 * child exits during the wait, and when it exited before (found by waitid without reaping). */
static void test_output_after_exit(void **state)
{
    struct vt *vt = spawn(state, "head -c 200010 /dev/zero | tr '\\0' y; printf END; exit 4");
    int status = -1;
    assert_int_equal(vt_wait_exit(vt, T_OK, &status), 0);
    assert_int_equal(WEXITSTATUS(status), 4);
    VT_ASSERT(vt, vt_bytes(vt) == 200013);
    VT_ASSERT(vt, vt_find(vt, "yEND", NULL, NULL));

    vt = spawn_env(state, 1, "head -c 3000 /dev/zero | tr '\\0' y; printf END; exit 5", NULL, 24,
                   80);
    siginfo_t info = {0};
    for (long long end = now_ms() + T_OK; info.si_pid == 0 && now_ms() < end;) {
        assert_int_equal(waitid(P_PID, (id_t)vt_pid(vt), &info, WEXITED | WNOWAIT | WNOHANG), 0);
        if (info.si_pid == 0) {
            struct timespec ts = {0, 10 * 1000 * 1000};
            nanosleep(&ts, NULL);
        }
    }
    assert_int_equal(info.si_pid, vt_pid(vt));
    assert_int_equal(vt_bytes(vt), 0);
    assert_int_equal(vt_wait_exit(vt, T_OK, &status), 0);
    assert_int_equal(WEXITSTATUS(status), 5);
    VT_ASSERT(vt, vt_bytes(vt) == 3003);
    VT_ASSERT(vt, vt_find(vt, "yEND", NULL, NULL));
}

/* libvterm answers the cursor position report and device attributes queries. */
static void test_terminal_replies(void **state)
{
    struct vt *vt = spawn(state, "stty raw -echo; printf '\\033[5;10H\\033[6n\\033[c'; "
                                 "r=$(dd bs=1 count=14 2>/dev/null); printf '\\033[H'; "
                                 "printf 'GOT:%s\\n' \"$r\" | tr '\\033' E; exec sleep 30");
    VT_ASSERT_TEXT(vt, "GOT:E[5;10RE[?1;2c", T_OK);
}

/* Prints the bytes it receives after each marker, with ESC DEL TAB CR shown as E ? T M. */
static const char *const key_script =
    "stty raw -echo; echo K1; a=$(dd bs=1 count=3 2>/dev/null); "
    "printf '\\033[?1h\\033='; echo K2; b=$(dd bs=1 count=12 2>/dev/null); "
    "printf '\\033[?1l\\033>'; echo K3; c=$(dd bs=1 count=22 2>/dev/null); "
    "printf '<%s|%s|%s>\\n' \"$a\" \"$b\" \"$c\" | tr '\\033\\177\\t\\r' 'E?TM'; exec sleep 30";

static void test_keys(void **state)
{
    struct vt *vt = spawn(state, key_script);
    VT_ASSERT_TEXT(vt, "K1", T_OK);
    assert_false(vt_mode(vt, VT_MODE_APP_CURSOR));
    assert_int_equal(vt_key(vt, VT_KEY_UP), 0);
    VT_ASSERT_TEXT(vt, "K2", T_OK);
    assert_true(vt_mode(vt, VT_MODE_APP_CURSOR));
    assert_int_equal(vt_key(vt, VT_KEY_UP), 0);
    assert_int_equal(vt_key(vt, VT_KEY_HOME), 0);
    assert_int_equal(vt_key(vt, VT_KEY_END), 0);
    assert_int_equal(vt_key(vt, VT_KEY_F1), 0);
    VT_ASSERT_TEXT(vt, "K3", T_OK);
    assert_false(vt_mode(vt, VT_MODE_APP_CURSOR));
    const enum vt_key keys[] = {VT_KEY_LEFT,      VT_KEY_PGUP,  VT_KEY_PGDN,
                                VT_KEY_DELETE,    VT_KEY_BTAB,  VT_KEY_TAB,
                                VT_KEY_BACKSPACE, VT_KEY_ENTER, VT_KEY_ESC};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        assert_int_equal(vt_key(vt, keys[i]), 0);
    VT_ASSERT_TEXT(vt, "<E[A|EOAEOHEOFEOP|E[DE[5~E[6~E[3~E[ZT?ME>", T_OK);
}

/* Clicks are encoded in the protocol the program enabled, and not sent when it enabled none.
 * CSI ? 1006 ; 1000 h is how ncurses enables the mouse (libvterm 0.1.4 needs it split). */
static const char *const mouse_script =
    "stty raw -echo; printf '\\033[?1000h'; echo M0; a=$(dd bs=1 count=12 2>/dev/null); "
    "printf '\\033[?1000l'; echo M1; s=$(dd bs=1 count=1 2>/dev/null); "
    "printf '\\033[?1006;1000h'; echo M2; b=$(dd bs=1 count=18 2>/dev/null); "
    "printf '\\033[?1006;1000l'; echo M3; s=$(dd bs=1 count=1 2>/dev/null); "
    "printf '<%s|%s>\\n' \"$a\" \"$b\" | tr '\\033 ' 'E_'; exec sleep 30";

static void test_mouse(void **state)
{
    struct vt *vt = spawn(state, mouse_script);
    VT_ASSERT_TEXT(vt, "M0", T_OK);
    assert_int_equal(vt_mode(vt, VT_MODE_MOUSE), 1);
    assert_int_equal(vt_click(vt, 2, 4), 0);
    VT_ASSERT_TEXT(vt, "M1", T_OK);
    assert_int_equal(vt_mode(vt, VT_MODE_MOUSE), 0);
    assert_int_equal(vt_click(vt, 2, 4), -1);
    assert_int_equal(vt_send(vt, "x"), 0);
    VT_ASSERT_TEXT(vt, "M2", T_OK);
    assert_int_equal(vt_mode(vt, VT_MODE_MOUSE), 1);
    assert_int_equal(vt_click(vt, 99, 4), -1);
    assert_int_equal(vt_click(vt, 2, 4), 0);
    VT_ASSERT_TEXT(vt, "M3", T_OK);
    assert_int_equal(vt_mode(vt, VT_MODE_MOUSE), 0);
    assert_int_equal(vt_send(vt, "y"), 0);
    VT_ASSERT_TEXT(vt, "<E[M_%#E[M#%#|E[<0;5;3ME[<0;5;3m>", T_OK);
}

/* A mode sequence split across reads, and other parameterised sequences, reach libvterm intact
 * through the splitter for multi-parameter modes. */
static void test_split_sequences(void **state)
{
    struct vt *vt = spawn(state, "printf '\\033[?1006;'; sleep 0.2; printf '1000h\\033[3;5HZ'; "
                                 "printf '\\033[1;32mG\\033[m\\033[4l\\033[;H\\033[2;4;h'; "
                                 "printf 'X'; exec sleep 30");
    VT_ASSERT_TEXT(vt, "X", T_OK); /* printed last */
    assert_int_equal(vt_mode(vt, VT_MODE_MOUSE), 1);
    int row = -1, col = -1;
    assert_true(vt_find(vt, "ZG", &row, &col));
    assert_int_equal(row, 2);
    assert_int_equal(col, 4);
    assert_true(vt_cell_bold(vt, 2, 5));
    assert_int_equal(vt_cell_fg(vt, 2, 5), 2);
    assert_row(vt, 0, "X");
    assert_row(vt, 1, "");
}

static void test_altscreen_and_cursor(void **state)
{
    struct vt *vt = spawn(state, "printf MAIN; printf '\\033[?1049h\\033[?25l\\033[HALT'; read x; "
                                 "printf '\\033[?1049l\\033[?25h'; echo; echo BACK; exec sleep 30");
    VT_ASSERT_TEXT(vt, "ALT", T_OK);
    assert_false(vt_find(vt, "MAIN", NULL, NULL));
    assert_int_equal(vt_mode(vt, VT_MODE_ALTSCREEN), 1);
    assert_int_equal(vt_mode(vt, VT_MODE_CURSOR_VISIBLE), 0);
    assert_false(vt_cursor(vt, NULL, NULL));
    assert_int_equal(vt_send(vt, VT_ENTER), 0);
    VT_ASSERT_TEXT(vt, "BACK", T_OK);
    assert_true(vt_find(vt, "MAIN", NULL, NULL));
    assert_false(vt_find(vt, "ALT", NULL, NULL));
    assert_int_equal(vt_mode(vt, VT_MODE_ALTSCREEN), 0);
    assert_int_equal(vt_mode(vt, VT_MODE_CURSOR_VISIBLE), 1);
}

/* Input larger than the pty buffers while the program writes it all back: vt_send must keep
 * reading output, or both sides would block. (-echo: the kernel may drop echoes under load.) */
static void test_large_send(void **state)
{
    struct vt *vt = spawn(state, "stty -icanon -echo; echo READY; exec cat");
    VT_ASSERT_TEXT(vt, "READY", T_OK);
    size_t len = 200 * 1000;
    char *buf = malloc(len + 1);
    assert_non_null(buf);
    for (size_t i = 0; i < len; i++)
        buf[i] = i % 50 == 49 ? '\r' : (char)('a' + i % 26);
    buf[len] = '\0';
    assert_int_equal(vt_send(vt, buf), 0);
    free(buf);
    assert_int_equal(vt_send(vt, "ENDMARK" VT_ENTER), 0);
    VT_ASSERT_TEXT(vt, "ENDMARK", T_OK);
    assert_true(vt_bytes(vt) > len);
}

static void test_dump(void **state)
{
    struct vt *vt = spawn_env(state, 0,
                              "printf '\xe4\xb8\xad\xe6\x96\x87"
                              "ab'; exec sleep 30",
                              NULL, 3, 10);
    VT_ASSERT_TEXT(vt, "ab", T_OK);
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);
    assert_non_null(fp);
    vt_dump(vt, fp);
    fclose(fp);
    assert_non_null(strstr(out, "screen 3x10, cursor 0,6,"));
    assert_non_null(strstr(out, "\n   +----------+\n 0 |\xe4\xb8\xad\xe6\x96\x87"
                                "ab    |\n"
                                " 1 |          |\n 2 |          |\n   +----------+\n"));
    free(out);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_screen_rows),
        T(test_window_size),
        T(test_environment),
        T(test_exec_failure),
        T(test_ctrl_c),
        T(test_cat_echo),
        T(test_wide_characters),
        T(test_attributes),
        T(test_resize),
        T(test_exit_status),
        T(test_kill_and_exit_timeout),
        T(test_pty_closed),
        T(test_free_kills_group),
        T(test_wait_timeouts),
        T(test_wait_gone),
        T(test_wait_quiet),
        T(test_byte_count),
        T(test_output_after_exit),
        T(test_terminal_replies),
        T(test_keys),
        T(test_mouse),
        T(test_split_sequences),
        T(test_altscreen_and_cursor),
        T(test_large_send),
        T(test_dump),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
