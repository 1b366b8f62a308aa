/* SPDX-License-Identifier: MIT */
/* End-to-end tests of the real binary against hostile surroundings: output
 * that cannot be written, a staff PIN "file" that is a named pipe, and
 * input whose bytes must not reach the terminal raw in an error message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "args.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static const char *binary;
static const char *source_dir;

/* Runs the binary with ARGS (NULL-terminated) and stdin from STDIN_PATH,
 * stdout to STDOUT_PATH, stderr into a file whose text goes to *ERR
 * (malloc'ed, may be NULL). Kills it after 10 s. Returns the exit code, or
 * -1 when it had to be killed. */
static int run(const char *const *args, const char *stdin_path, const char *stdout_path, char **err)
{
    char err_path[] = "/tmp/mc-hardening-XXXXXX";
    int err_fd = mkstemp(err_path);
    assert_true(err_fd >= 0);
    char *argv[16] = {(char *)binary};
    int argc = 1;
    for (; *args != NULL && argc < 15; args++)
        argv[argc++] = (char *)*args;
    argv[argc] = NULL;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, stdin_path, O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, stdout_path, O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, err_fd, 2);
    pid_t pid;
    assert_int_equal(posix_spawn(&pid, binary, &fa, NULL, argv, environ), 0);
    posix_spawn_file_actions_destroy(&fa);
    int status = 0;
    struct timespec tick = {0, 10 * 1000 * 1000};
    int waited = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (waited++ > 1000) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            break;
        }
        nanosleep(&tick, NULL);
    }
    if (err != NULL) {
        off_t size = lseek(err_fd, 0, SEEK_END);
        *err = calloc(1, (size_t)size + 1);
        assert_int_equal(pread(err_fd, *err, (size_t)size, 0), size);
    }
    close(err_fd);
    unlink(err_path);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void every_output_reports_a_write_error(void **state)
{
    (void)state;
    char questions[4096], answers[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    snprintf(answers, sizeof(answers), "%s/tests/data/answers/iron.txt", source_dir);
    const char *const cases[][8] = {
        {"--help", NULL},
        {"--version", NULL},
        {"--list", "--questions", questions, NULL},
        {"--list", "--format", "json", "--questions", questions, NULL},
        {"--check", questions, NULL},
        {"--batch", "--answers", answers, "--questions", questions, NULL},
        {"--batch", "--format", "json", "--answers", answers, "--questions", questions, NULL},
        {"--batch", "--format", "summary", "--answers", answers, "--questions", questions, NULL},
        {"--batch", "--format", "fhir", "--answers", answers, "--questions", questions, NULL},
        {"--list", "--format", "fhir", "--questions", questions, NULL},
        {"--plain", "--questions", questions, NULL}, /* stdin /dev/null: it stops at once */
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *err = NULL;
        int code = run(cases[i], "/dev/null", "/dev/full", &err);
        if (code != 74 || strstr(err, "cannot write the output") == NULL)
            fail_msg("%s: exit %d, stderr \"%s\"", cases[i][0], code, err);
        free(err);
        /* And with somewhere to write, they succeed. */
        assert_int_equal(run(cases[i], "/dev/null", "/dev/null", NULL), 0);
    }
}

static void staff_pin_named_pipe_does_not_hang(void **state)
{
    (void)state;
    char dir[] = "/tmp/mc-fifo-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char fifo[64], questions[4096];
    snprintf(fifo, sizeof(fifo), "%s/pin", dir);
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    const char *const args[] = {"--kiosk",          "--questions", questions,
                                "--staff-pin-file", fifo,          NULL};
    char *err = NULL;
    assert_int_equal(run(args, "/dev/null", "/dev/null", &err), 78);
    assert_non_null(strstr(err, "must be a regular file"));
    free(err);
    unlink(fifo);
    rmdir(dir);
}

static void bad_answers_are_shown_safely(void **state)
{
    (void)state;
    char questions[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    char path[] = "/tmp/mc-answers-XXXXXX";
    int fd = mkstemp(path);
    const char bytes[] = "chest_pain=\033]0;pwned\a\n\033[2J\r=yes\n\xff\xfe=no\n";
    assert_int_equal(write(fd, bytes, sizeof(bytes) - 1), (ssize_t)sizeof(bytes) - 1);
    close(fd);
    const char *const args[] = {"--batch", "--questions", questions, "--answers", path, NULL};
    char *err = NULL;
    assert_int_equal(run(args, "/dev/null", "/dev/null", &err), 65);
    for (const char *p = err; *p; p++)
        if ((unsigned char)*p < 0x20 && *p != '\n')
            fail_msg("a control byte reached stderr: %s", err);
    assert_non_null(strstr(err, "\\x1B]0;pwned\\x07"));
    assert_non_null(strstr(err, "\\xFF\\xFE"));
    free(err);
    unlink(path);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_output_reports_a_write_error),
        cmocka_unit_test(staff_pin_named_pipe_does_not_hang),
        cmocka_unit_test(bad_answers_are_shown_safely),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
