/* SPDX-License-Identifier: MIT */
/* End-to-end tests of the process state the kiosk gets from whoever starts
 * it: started with SIGCHLD ignored and SIGTERM blocked it still prints,
 * wipes when idle and ends at SIGTERM; and its memory stays its own (no core
 * file, and another process of the same user cannot read it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "args.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kiosk_start.h"
#include "vt.h"
#include "vt_assert.h"

enum { T = 5000, NOBODY = 65534 };

static const char *binary;
static const char *source_dir;

static int teardown(void **state)
{
    vt_free(*state);
    return 0;
}

static void inherited_signal_state_is_reset(void **state)
{
    char out[] = "/tmp/mc-inherited-XXXXXX";
    int fd = mkstemp(out);
    assert_true(fd >= 0);
    close(fd);
    char cmd[160];
    snprintf(cmd, sizeof(cmd), "cat > %s", out);
    const char *const args[] = {"--print-command", cmd, "--idle-timeout", "6", NULL};
    char program[4200];
    snprintf(program, sizeof(program), "MC_LAUNCH_PROGRAM=%s", binary);
    char *const env[] = {program, "MC_LAUNCH_IGNORE_CHLD=1", "MC_LAUNCH_BLOCK_TERM=1", NULL};
    struct vt *vt = kiosk_start(state, MC_LAUNCHER, source_dir, args, env);
    kiosk_answer_until_results(vt, "n");
    /* Printing ends and says so: with SIGCHLD ignored the job was never reaped. */
    vt_send(vt, "p");
    VT_ASSERT_TEXT(vt, "sent to the printer", T);
    struct stat st;
    VT_ASSERT(vt, stat(out, &st) == 0 && st.st_size > 0);
    unlink(out);
    vt_send(vt, VT_ENTER); /* closes the message */
    VT_ASSERT_GONE(vt, "sent to the printer", T);
    /* The idle wipe still comes. */
    VT_ASSERT_TEXT(vt, "Still there?", 8000);
    VT_ASSERT_TEXT(vt, "Press Enter to start", 8000);
    /* SIGTERM was blocked by the launcher: it still ends the kiosk, cleanly. */
    int status = 0;
    VT_ASSERT(vt, vt_kill(vt, SIGTERM) == 0);
    VT_ASSERT(vt, vt_wait_exit(vt, T, &status) == 0);
    VT_ASSERT(vt, WIFEXITED(status) && WEXITSTATUS(status) == 0); /* a kiosk stopped by systemd */
    VT_ASSERT(vt, vt_mode(vt, VT_MODE_ALTSCREEN) == 0);
}

/* Copies FROM to TO with MODE (for a copy that another user can run). */
static void copy_file(const char *from, const char *to, mode_t mode)
{
    char cmd[16384];
    snprintf(cmd, sizeof(cmd), "cp '%s' '%s' && chmod %o '%s'", from, to, (unsigned)mode, to);
    assert_int_equal(system(cmd), 0);
}

/* In a child running as UID: whether the memory, the environment and
 * ptrace of process PID are all refused. */
static bool memory_refused_to(pid_t pid, uid_t uid)
{
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        if (getuid() != uid && (setgid(uid) != 0 || setuid(uid) != 0))
            _exit(3);
        char path[64];
        int readable = 0;
        snprintf(path, sizeof(path), "/proc/%d/mem", (int)pid);
        int fd = open(path, O_RDONLY);
        readable += fd >= 0;
        snprintf(path, sizeof(path), "/proc/%d/environ", (int)pid);
        int env = open(path, O_RDONLY);
        char byte;
        readable += env >= 0 && read(env, &byte, 1) == 1;
        readable += ptrace(PTRACE_ATTACH, pid, NULL, NULL) == 0;
        _exit(readable == 0 ? 0 : 1);
    }
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* The core file limit of process PID, from /proc/PID/limits ("" if none). */
static void core_limit(pid_t pid, char *buf, size_t size)
{
    char path[64], line[256];
    snprintf(path, sizeof(path), "/proc/%d/limits", (int)pid);
    FILE *fp = fopen(path, "r");
    buf[0] = '\0';
    while (fp != NULL && fgets(line, sizeof(line), fp) != NULL)
        if (strncmp(line, "Max core file size", 18) == 0)
            snprintf(buf, size, "%s", line + 18);
    if (fp != NULL)
        fclose(fp);
}

static void memory_is_private(void **state)
{
    /* The kiosk and the "print command" that tries to read it run as one
     * user: nobody when these tests run as root (root may read anything),
     * else the tester. A copy of the program and the questions in a folder
     * that user can reach. */
    uid_t uid = getuid() == 0 ? NOBODY : getuid();
    char dir[] = "/tmp/mc-private-XXXXXX", path[4096], questions[4096];
    assert_non_null(mkdtemp(dir));
    assert_int_equal(chmod(dir, 0755), 0);
    snprintf(path, sizeof(path), "%s/musclecheck", dir);
    copy_file(binary, path, 0755);
    snprintf(questions, sizeof(questions), "%s/questions", dir);
    assert_int_equal(mkdir(questions, 0755), 0);
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", dir);
    char shipped[4096];
    snprintf(shipped, sizeof(shipped), "%s/questions/en.yaml", source_dir);
    copy_file(shipped, questions, 0644);
    char uid_env[32];
    snprintf(uid_env, sizeof(uid_env), "MC_LAUNCH_UID=%u", (unsigned)uid);
    char program[4200];
    snprintf(program, sizeof(program), "MC_LAUNCH_PROGRAM=%s", path);
    char *const env[] = {program, uid_env, NULL};
    struct vt *vt = kiosk_start(state, MC_LAUNCHER, dir, NULL, env);
    pid_t pid = vt_pid(vt);
    VT_ASSERT(vt, memory_refused_to(pid, uid));
    char limit[256];
    core_limit(pid, limit, sizeof(limit));
    VT_ASSERT(vt, strstr(limit, " 0 ") != NULL);
    snprintf(path, sizeof(path), "rm -rf '%s'", dir);
    assert_int_equal(system(path), 0);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(inherited_signal_state_is_reset, teardown),
        cmocka_unit_test_teardown(memory_is_private, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
