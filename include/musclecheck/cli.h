/* SPDX-License-Identifier: MIT */
/* cli: the command line, parsed into a plain options struct. The option
 * set is a contract that scripts and tests rely on (docs/cli.md). */
#ifndef MUSCLECHECK_CLI_H
#define MUSCLECHECK_CLI_H

#include <stdbool.h>
#include <stdio.h>

enum cli_mode { MODE_INTERACTIVE, MODE_CHECK, MODE_LIST, MODE_BATCH, MODE_HELP, MODE_VERSION };
enum cli_format { FORMAT_TEXT, FORMAT_JSON, FORMAT_SUMMARY, FORMAT_FHIR };

struct cli_options {
    enum cli_mode mode;
    enum cli_format format;
    const char *questions;      /* --questions or --check FILE; NULL: the bundled file */
    const char *answers;        /* --answers; "-" is standard input */
    bool high_contrast;         /* --high-contrast */
    bool kiosk;                 /* --kiosk */
    int idle_timeout;           /* --idle-timeout SECONDS; 0: the default */
    const char *staff_pin_file; /* --staff-pin-file */
    const char *print_command;  /* --print-command */
    const char *alert_command;  /* --alert-command */
    const char *kiosk_name;     /* --kiosk-name; NULL: the host name and the terminal */
    const char *lang;           /* --lang */
    bool plain;                 /* --plain */
    bool speech;                /* --speech */
};

/* Parses ARGV into OPTS (strings point into ARGV). Returns 0, or -1 after
 * printing a message naming the usage error to ERR. */
int cli_parse(int argc, char **argv, struct cli_options *opts, FILE *err);

/* The --help text. */
void cli_usage(FILE *out);

#endif
