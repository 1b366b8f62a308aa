/* SPDX-License-Identifier: MIT */
/* alert: runs the kiosk's alert command (--alert-command) beside the loop,
 * as a print job with no text (print_job.h): "/bin/sh -c CMD sh LEVEL
 * KIOSK", with MUSCLECHECK_ALERT_LEVEL=LEVEL and MUSCLECHECK_KIOSK_NAME=KIOSK
 * in its environment, in a session of its own, its output thrown away, and
 * ended with its whole process group after ALERT_TIMEOUT_MS. What to alert
 * is decided by the core (desk_alert.h); this only runs it. */
#ifndef MUSCLECHECK_ALERT_H
#define MUSCLECHECK_ALERT_H

#include "musclecheck/print_job.h"

#include <stdbool.h>
#include <stddef.h>

/* How long the command has, in milliseconds (docs/kiosk.md). */
#define ALERT_TIMEOUT_MS 10000

/* The longest kiosk name, in bytes. */
#define ALERT_NAME_MAX 64

/* Starts CMD for alert LEVEL (desk_alert_name) from kiosk KIOSK at NOW_MS
 * (clock.h). Returns the job, which the caller drives with print_job_poll
 * and releases with print_job_free, or NULL with errno set when it cannot
 * be started. */
struct print_job *alert_start(const char *cmd, const char *level, const char *kiosk,
                              long long now_ms);

/* Whether NAME can name a kiosk: 1 to ALERT_NAME_MAX bytes of printable
 * ASCII (letters, digits, punctuation and spaces), so that whatever the
 * command does with it (a pager, a log line, a shell word) stays readable
 * and harmless. */
bool alert_name_valid(const char *name);

/* Writes the default kiosk name into BUF (SIZE bytes): the host name and
 * the terminal on standard input, as "HOST:TTY" (for example
 * "reception:tty2"), or the host name alone without a terminal. Returns 0,
 * or -1 when the host name cannot be read. */
int alert_default_name(char *buf, size_t size);

#endif
