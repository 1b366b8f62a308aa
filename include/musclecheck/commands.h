/* SPDX-License-Identifier: MIT */
/* commands: the non-interactive commands (--check, --list, --batch). Each
 * returns the process exit status (sysexits.h codes, see docs/cli.md). */
#ifndef MUSCLECHECK_COMMANDS_H
#define MUSCLECHECK_COMMANDS_H

#include "musclecheck/cli.h"
#include "musclecheck/survey.h"

#include <time.h>

#include <stddef.h>

#define COMMANDS_MAX_LANGUAGES 16

/* Loads the question file named in OPTS, or the bundled one for --lang, or
 * for the locale, into *OUT, printing any problem to stderr. Returns 0, or
 * the exit status to stop with. */
int commands_load(const struct cli_options *opts, struct survey **out);

/* Finds the bundled question files: their folder in DIR and their language
 * codes (the reference first) in CODES. Returns 0 or an exit status. */
int commands_bundled(char *dir, size_t size, char (*codes)[16], size_t max, size_t *count);

/* Says on stderr that memory ran out, and returns EX_OSERR (71). */
int commands_no_memory(void);

/* The time to stamp summaries with: now, or SOURCE_DATE_EPOCH when set. */
time_t commands_now(void);

int command_check(const struct cli_options *opts);
int command_list(const struct cli_options *opts);
int command_batch(const struct cli_options *opts);

#endif
