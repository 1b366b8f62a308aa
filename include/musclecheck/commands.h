/* commands: the non-interactive commands (--check, --list, --batch). Each
 * returns the process exit status (sysexits.h codes, see docs/cli.md). */
#ifndef MUSCLECHECK_COMMANDS_H
#define MUSCLECHECK_COMMANDS_H

#include "musclecheck/cli.h"
#include "musclecheck/survey.h"

#include <time.h>

/* Loads the question file named in OPTS (or the bundled one) into *OUT,
 * printing any problem to stderr. Returns 0, or the exit status to stop with. */
int commands_load(const struct cli_options *opts, struct survey **out);

/* The time to stamp summaries with: now, or SOURCE_DATE_EPOCH when set. */
time_t commands_now(void);

int command_check(const struct cli_options *opts);
int command_list(const struct cli_options *opts);
int command_batch(const struct cli_options *opts);

#endif
