/* SPDX-License-Identifier: MIT */
/* pipe_cmd: hands text to a shell command on its standard input (the
 * kiosk's print command), without a temporary file and without letting the
 * command write on the terminal. */
#ifndef MUSCLECHECK_PIPE_CMD_H
#define MUSCLECHECK_PIPE_CMD_H

#include <stdio.h>

/* Runs COMMAND with /bin/sh -c, its standard output and error sent to
 * /dev/null, and calls WRITE(stream, CTX) to produce its standard input.
 * Waits at most TIMEOUT_MS for it to finish, then kills it. Returns 0 when
 * the command exited with status 0, -1 otherwise. */
int pipe_cmd(const char *command, void (*write)(FILE *stream, void *ctx), void *ctx,
             int timeout_ms);

#endif
