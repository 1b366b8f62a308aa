/* SPDX-License-Identifier: MIT */
/* print_job: hands a text to a shell command (the kiosk's print command,
 * and its alert command with no text: alert.h) without ever blocking the caller. The command runs
 * as "/bin/sh -c CMD" in a session and process group of its own, reading the text from a pipe, with
 * its output going to /dev/null. The caller's loop drives the job: print_job_poll writes what the
 * pipe takes, reaps the command if it ended, and past the deadline ends the whole process group
 * (SIGTERM, then SIGKILL after a short grace). Nothing here waits, except print_job_free on a job
 * still running, which kills it first. */
#ifndef MUSCLECHECK_PRINT_JOB_H
#define MUSCLECHECK_PRINT_JOB_H

#include <stddef.h>

struct print_job;

enum print_status {
    PRINT_RUNNING,   /* still writing, or waiting for the command to end */
    PRINT_DONE_OK,   /* the command took the whole text and exited with 0 */
    PRINT_FAILED,    /* it exited otherwise, or stopped reading early */
    PRINT_TIMED_OUT, /* the deadline passed: its process group was ended */
    PRINT_CANCELLED, /* print_job_cancel: its process group was ended */
};

/* How long the command's group has between SIGTERM and SIGKILL. */
#define PRINT_JOB_GRACE_MS 300

/* Starts CMD with the LEN bytes of TEXT on its standard input, to be done by
 * DEADLINE_MS (milliseconds on the one clock, clock_now_ms in clock.h). The job keeps its own copy
 * of TEXT, which it wipes as soon as it is written and again when freed. Returns NULL with errno
 * set when the command cannot be started (no /bin/sh, out of memory, no more processes). The caller
 * owns the job and releases it with print_job_free. SIGPIPE is ignored during each write, so a
 * command that stops reading early makes the job fail rather than the program die. */
struct print_job *print_job_start(const char *cmd, const char *text, size_t len,
                                  long long deadline_ms);

/* As print_job_start, and the command gets ARGS (NULL-terminated, at most
 * 8; NULL: none) as its $1, $2, ... ("sh -c CMD sh ARGS...") and ENV
 * ("NAME=value" strings, NULL-terminated; NULL: none) in its environment,
 * in place of any inherited value of the same names. Neither is kept. */
struct print_job *print_job_run(const char *cmd, const char *const *args, const char *const *env,
                                const char *text, size_t len, long long deadline_ms);

/* Moves the job on at time NOW_MS: writes what the pipe takes without
 * blocking, reaps the command without blocking, and ends its process group
 * once the deadline has passed. Returns PRINT_RUNNING until the outcome is
 * known, then that outcome on every later call. */
enum print_status print_job_poll(struct print_job *job, long long now_ms);

/* Ends the job at time NOW_MS as a timeout would (SIGTERM to its process
 * group, SIGKILL after the grace); print_job_poll then reports
 * PRINT_CANCELLED. Does nothing once the outcome is known. */
void print_job_cancel(struct print_job *job, long long now_ms);

/* The pipe to watch for POLLOUT while text remains to be written, else -1. */
int print_job_fd(const struct print_job *job);

/* Milliseconds from NOW_MS until the job needs print_job_poll for a reason
 * other than its pipe (the deadline, the end of the grace), at most MAX_MS;
 * the caller should poll at least that often, as the end of the command is
 * only noticed by print_job_poll. */
int print_job_wait_ms(const struct print_job *job, long long now_ms, int max_ms);

/* Releases JOB: a command still running is killed with its whole process
 * group and reaped; the copy of the text is wiped. print_job_free(NULL)
 * does nothing. */
void print_job_free(struct print_job *job);

#endif
