/* SPDX-License-Identifier: MIT */
/* pipe_cmd: fork, a pipe to the child's stdin, and a bounded wait. */
#include "musclecheck/pipe_cmd.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void child(const char *command, int in)
{
    int null = open("/dev/null", O_RDWR);
    if (dup2(in, STDIN_FILENO) < 0 || null < 0 || dup2(null, STDOUT_FILENO) < 0 ||
        dup2(null, STDERR_FILENO) < 0)
        _exit(127);
    /* The kiosk ignores these; the print command should not. */
    signal(SIGINT, SIG_DFL);
    signal(SIGQUIT, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
    signal(SIGTSTP, SIG_DFL);
    for (int fd = 3; fd < 256; fd++)
        close(fd);
    setsid(); /* off the kiosk's terminal: it cannot read keys or draw */
    execl("/bin/sh", "sh", "-c", command, (char *)NULL);
    _exit(127);
}

/* Waits for PID up to TIMEOUT_MS; kills it after that. */
static int wait_bounded(pid_t pid, int timeout_ms)
{
    struct timespec tick = {0, 20 * 1000 * 1000};
    int status = 0;
    for (int waited = 0;; waited += 20) {
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid)
            return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
        if (r < 0 && errno != EINTR)
            return -1;
        if (waited >= timeout_ms) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -1;
        }
        nanosleep(&tick, NULL);
    }
}

int pipe_cmd(const char *command, void (*write)(FILE *stream, void *ctx), void *ctx, int timeout_ms)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0)
        child(command, fds[0]);
    close(fds[0]);
    /* A command that stops reading early must not kill us with SIGPIPE. */
    struct sigaction ignore = {.sa_handler = SIG_IGN}, old;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &old);
    FILE *stream = fdopen(fds[1], "w");
    bool written = false;
    if (stream != NULL) {
        write(stream, ctx);
        written = fflush(stream) == 0 && !ferror(stream);
        fclose(stream);
    } else {
        close(fds[1]);
    }
    int r = wait_bounded(pid, timeout_ms);
    sigaction(SIGPIPE, &old, NULL);
    return written ? r : -1;
}
