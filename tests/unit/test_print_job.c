/* SPDX-License-Identifier: MIT */
/* Tests for the non-blocking print job: a command that succeeds, fails,
 * hangs, never reads, or leaves children behind; no poll may block, and no
 * process of the command's group may outlive a timeout. */
#include <setjmp.h> /* cmocka needs these first */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "musclecheck/clock.h"
#include "musclecheck/print_job.h"

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The longest a single print_job_poll may take. */
enum { POLL_BUDGET_MS = 50 };

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* Reaps whatever was re-parented to this process (it is a subreaper). */
static void reap_orphans(void)
{
    while (waitpid(-1, NULL, WNOHANG) > 0)
        ;
}

/* Polls JOB every 10 ms until it ends or LIMIT_MS pass; checks that no poll
 * blocks. */
static enum print_status run(struct print_job *job, int limit_ms)
{
    long long end = clock_now_ms() + limit_ms;
    enum print_status st;
    for (;;) {
        long long before = clock_now_ms();
        st = print_job_poll(job, before);
        long long took = clock_now_ms() - before;
        if (took > POLL_BUDGET_MS)
            fail_msg("print_job_poll blocked for %lld ms", took);
        if (st != PRINT_RUNNING || before > end)
            return st;
        sleep_ms(10);
    }
}

/* Whether any process of group PGID is left, waiting up to 2 s for killed
 * ones to be reaped. */
static bool group_alive(pid_t pgid)
{
    for (int i = 0; i < 200; i++) {
        reap_orphans();
        if (kill(-pgid, 0) != 0 && errno == ESRCH)
            return false;
        sleep_ms(10);
    }
    return true;
}

static int setup(void **state)
{
    (void)state;
    /* Grandchildren killed with their group are re-parented here, so that
     * this test can reap them (a container's init may not). */
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    signal(SIGPIPE, SIG_DFL); /* the job must cope without the caller ignoring it */
    return 0;
}

static char *temp_path(void)
{
    char *path = strdup("/tmp/mc-print-job-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    return path;
}

static void the_command_gets_the_whole_text(void **state)
{
    (void)state;
    char *path = temp_path();
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "cat > %s; echo 'noise on stdout'; echo 'noise' >&2", path);
    /* Bigger than a pipe's buffer, so it takes several polls. */
    size_t len = 300000;
    char *text = malloc(len);
    for (size_t i = 0; i < len; i++)
        text[i] = (char)('a' + i % 26);
    struct print_job *job = print_job_start(cmd, text, len, clock_now_ms() + 10000);
    assert_non_null(job);
    assert_true(print_job_fd(job) >= 0);
    assert_int_equal(run(job, 10000), PRINT_DONE_OK);
    assert_int_equal(print_job_poll(job, clock_now_ms()), PRINT_DONE_OK);
    assert_int_equal(print_job_fd(job), -1);
    print_job_free(job);
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    char *back = malloc(len + 1);
    assert_int_equal(fread(back, 1, len + 1, fp), len);
    fclose(fp);
    assert_memory_equal(back, text, len);
    unlink(path);
    free(back);
    free(text);
    free(path);
}

static void an_empty_text_is_fine(void **state)
{
    (void)state;
    struct print_job *job = print_job_start("cat > /dev/null", "", 0, clock_now_ms() + 5000);
    assert_non_null(job);
    assert_int_equal(run(job, 5000), PRINT_DONE_OK);
    print_job_free(job);
}

static void a_failing_command_fails(void **state)
{
    (void)state;
    struct print_job *job = print_job_start("exit 3", "text\n", 5, clock_now_ms() + 5000);
    assert_non_null(job);
    assert_int_equal(run(job, 5000), PRINT_FAILED);
    print_job_free(job);
    job = print_job_start("/nonexistent/printer", "text\n", 5, clock_now_ms() + 5000);
    assert_non_null(job);
    assert_int_equal(run(job, 5000), PRINT_FAILED);
    print_job_free(job);
    /* Exits 0 without reading a text bigger than the pipe: not printed. */
    size_t len = 1 << 20;
    char *text = calloc(1, len);
    job = print_job_start("exit 0", text, len, clock_now_ms() + 5000);
    assert_non_null(job);
    assert_int_equal(run(job, 5000), PRINT_FAILED);
    print_job_free(job);
    free(text);
}

static void a_hanging_command_times_out(void **state)
{
    (void)state;
    long long start = clock_now_ms();
    struct print_job *job = print_job_start("sleep 1000", "text\n", 5, start + 300);
    assert_non_null(job);
    assert_int_equal(run(job, 5000), PRINT_TIMED_OUT);
    long long took = clock_now_ms() - start;
    assert_true(took >= 300 && took < 300 + PRINT_JOB_GRACE_MS + 1000);
    print_job_free(job);
}

static void a_command_that_never_reads_times_out(void **state)
{
    (void)state;
    size_t len = 4 << 20; /* far more than a pipe holds */
    char *text = malloc(len);
    memset(text, 'x', len);
    long long start = clock_now_ms();
    struct print_job *job = print_job_start("sleep 1000", text, len, start + 300);
    assert_non_null(job);
    assert_true(print_job_fd(job) >= 0);
    assert_int_equal(run(job, 5000), PRINT_TIMED_OUT);
    assert_true(clock_now_ms() - start < 300 + PRINT_JOB_GRACE_MS + 1000);
    print_job_free(job);
    free(text);
}

/* Returns the pid of the shell running in a job, found through a file the
 * command writes (its $$ is its process group id). */
static pid_t started_group(const char *path)
{
    for (int i = 0; i < 200; i++) {
        FILE *fp = fopen(path, "r");
        long pid = 0;
        if (fp != NULL && fscanf(fp, "%ld", &pid) == 1 && pid > 0) {
            fclose(fp);
            return (pid_t)pid;
        }
        if (fp != NULL)
            fclose(fp);
        sleep_ms(10);
    }
    fail_msg("the command never started");
    return -1;
}

static void no_child_or_grandchild_outlives_a_timeout(void **state)
{
    (void)state;
    const char *bodies[] = {
        "sleep 1000 & sleep 1000",
        /* Ignores SIGTERM (and so do its children): SIGKILL after the grace. */
        "trap '' TERM; sleep 1000 & sleep 1000 | cat",
    };
    for (size_t i = 0; i < 2; i++) {
        char *path = temp_path();
        char cmd[256];
        snprintf(cmd, sizeof(cmd), "echo $$ > %s; %s", path, bodies[i]);
        struct print_job *job = print_job_start(cmd, "x", 1, clock_now_ms() + 400);
        assert_non_null(job);
        pid_t pgid = started_group(path);
        assert_int_equal(kill(-pgid, 0), 0);
        assert_int_equal(run(job, 5000), PRINT_TIMED_OUT);
        assert_false(group_alive(pgid));
        print_job_free(job);
        unlink(path);
        free(path);
    }
}

/* What a command leaves running in the background goes when it ends well. */
static void nothing_outlives_a_good_print(void **state)
{
    (void)state;
    char *path = temp_path();
    char cmd[256];
    snprintf(cmd, sizeof(cmd), "echo $$ > %s; sleep 1000 & cat > /dev/null", path);
    struct print_job *job = print_job_start(cmd, "x", 1, clock_now_ms() + 5000);
    assert_non_null(job);
    pid_t pgid = started_group(path);
    assert_int_equal(run(job, 5000), PRINT_DONE_OK);
    assert_false(group_alive(pgid));
    print_job_free(job);
    unlink(path);
    free(path);
}

static void cancel_and_free_end_the_group(void **state)
{
    (void)state;
    char *path = temp_path();
    char cmd[256];
    snprintf(cmd, sizeof(cmd), "echo $$ > %s; sleep 1000 & sleep 1000", path);
    struct print_job *job = print_job_start(cmd, "x", 1, clock_now_ms() + 60000);
    pid_t pgid = started_group(path);
    print_job_cancel(job, clock_now_ms());
    assert_int_equal(print_job_fd(job), -1);
    assert_int_equal(run(job, 5000), PRINT_CANCELLED);
    assert_false(group_alive(pgid));
    print_job_cancel(job, clock_now_ms()); /* no effect once ended */
    assert_int_equal(print_job_poll(job, clock_now_ms()), PRINT_CANCELLED);
    print_job_free(job);
    /* Freeing a running job kills its group. */
    unlink(path);
    job = print_job_start(cmd, "x", 1, clock_now_ms() + 60000);
    pgid = started_group(path);
    print_job_free(job);
    assert_false(group_alive(pgid));
    print_job_free(NULL);
    unlink(path);
    free(path);
}

static void wait_hint_follows_the_deadline(void **state)
{
    (void)state;
    long long now = clock_now_ms();
    struct print_job *job = print_job_start("sleep 1000", "x", 1, now + 200);
    assert_non_null(job);
    int ms = print_job_wait_ms(job, now, 1000);
    assert_true(ms > 100 && ms <= 200);
    assert_int_equal(print_job_wait_ms(job, now, 50), 50);
    assert_int_equal(print_job_wait_ms(job, now + 500, 1000), 0);
    print_job_free(job);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_command_gets_the_whole_text),
        cmocka_unit_test(an_empty_text_is_fine),
        cmocka_unit_test(a_failing_command_fails),
        cmocka_unit_test(a_hanging_command_times_out),
        cmocka_unit_test(a_command_that_never_reads_times_out),
        cmocka_unit_test(no_child_or_grandchild_outlives_a_timeout),
        cmocka_unit_test(nothing_outlives_a_good_print),
        cmocka_unit_test(cancel_and_free_end_the_group),
        cmocka_unit_test(wait_hint_follows_the_deadline),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
