/* SPDX-License-Identifier: MIT */
/* main: picks the mode from the command line and hands over to it. */
#include "musclecheck/alert.h"
#include "musclecheck/cli.h"
#include "musclecheck/commands.h"
#include "musclecheck/diag.h"
#include "musclecheck/kiosk_pin.h"
#include "musclecheck/plain.h"
#include "musclecheck/process.h"
#include "musclecheck/tui.h"

#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#ifndef MC_VERSION
#define MC_VERSION "unknown"
#endif

/* Question files are UTF-8 whatever the user's locale says, and text
 * layout needs character widths: take the user's locale, but fall back to
 * C.UTF-8 when it is not a UTF-8 one. *UTF8 says whether the user's own
 * locale is. Returns 0, or -1 when out of memory (a locale that is not
 * installed is no error: the C library's is used). */
static int setup_locale(bool *utf8)
{
    errno = 0;
    if (setlocale(LC_ALL, "") == NULL && errno == ENOMEM)
        return -1;
    *utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
    errno = 0;
    if (!*utf8 && setlocale(LC_CTYPE, "C.UTF-8") == NULL && errno == ENOMEM)
        return -1;
    return 0;
}

/* Reads the time zone once, for the dates of summaries: left to the first
 * localtime_r, a failure would quietly give UTC. Returns 0, or -1 when out
 * of memory. */
static int setup_time_zone(void)
{
    errno = 0;
    tzset();
    return errno == ENOMEM ? -1 : 0;
}

/* Whether the user's own locale (and so, presumably, the terminal) is UTF-8. */
static bool utf8_terminal;

/* A kiosk with neither --questions nor --lang offers every bundled
 * language; the one the locale picks comes first. Loads them into SURVEYS
 * and returns how many, or 0 after printing why not. */
static size_t load_languages(const struct cli_options *opts, struct survey **surveys, int *status)
{
    *status = commands_load(opts, &surveys[0]);
    if (*status != 0)
        return 0;
    size_t n = 1;
    char dir[PATH_MAX], codes[COMMANDS_MAX_LANGUAGES][16];
    size_t count = 0;
    if (!opts->kiosk || opts->questions != NULL || opts->lang != NULL)
        return n;
    *status = commands_bundled(dir, sizeof(dir), codes, COMMANDS_MAX_LANGUAGES, &count);
    if (*status != 0) { /* it printed why */
        survey_free(surveys[0]);
        return 0;
    }
    for (size_t i = 0; i < count && n < TUI_MAX_LANGUAGES; i++) {
        if (strcmp(codes[i], survey_text(surveys[0], SURVEY_LANGUAGE)) == 0)
            continue;
        struct cli_options one = *opts;
        one.lang = codes[i];
        *status = commands_load(&one, &surveys[n]);
        if (*status != 0) {
            for (size_t k = 0; k < n; k++)
                survey_free(surveys[k]);
            return 0;
        }
        n++;
    }
    return n;
}

/* STATUS, or EX_IOERR with a message when standard output could not be
 * written (a full disk, /dev/full, a closed pipe). */
static int flushed(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fputs("musclecheck: cannot write the output\n", stderr);
        return EX_IOERR;
    }
    return status;
}

/* Line mode when asked for, or when the terminal cannot do more. */
static bool wants_plain(const struct cli_options *opts)
{
    const char *term = getenv("TERM");
    return opts->plain || (!opts->kiosk && term != NULL && strcmp(term, "dumb") == 0);
}

static int run_interactive(const struct cli_options *opts)
{
    if (process_reset_signals() != 0) {
        perror("musclecheck: cannot reset the signals it inherited");
        return EX_OSERR;
    }
    if (wants_plain(opts)) {
        struct survey *s;
        int status = commands_load(opts, &s);
        if (status != 0)
            return status;
        status = flushed(plain_run(s, stdin, stdout));
        survey_free(s);
        return status == EX_OSERR ? commands_no_memory() : status;
    }
    struct survey *surveys[TUI_MAX_LANGUAGES] = {NULL};
    int status;
    size_t count = load_languages(opts, surveys, &status);
    if (count == 0)
        return status;
    char *pin = NULL;
    if (opts->kiosk) {
        char err[512];
        int loaded = kiosk_pin_load(opts->staff_pin_file, &pin, err, sizeof(err));
        if (loaded == -ENOMEM) {
            status = commands_no_memory();
            goto out;
        }
        if (loaded < 0) {
            diag_print_line(stderr, "musclecheck: %s", err); /* it names the file */
            status = EX_CONFIG;
            goto out;
        }
    }
    char kiosk_name[ALERT_NAME_MAX + 1] = "";
    if (opts->kiosk_name != NULL)
        snprintf(kiosk_name, sizeof(kiosk_name), "%s", opts->kiosk_name);
    else if (opts->alert_command != NULL && alert_default_name(kiosk_name, sizeof(kiosk_name)) != 0)
        snprintf(kiosk_name, sizeof(kiosk_name), "kiosk"); /* no host name: still an alert */
    struct tui_options tui = {.high_contrast = opts->high_contrast,
                              .kiosk = opts->kiosk,
                              .idle_timeout = opts->idle_timeout,
                              .staff_pin = pin,
                              .print_command = opts->print_command,
                              .alert_command = opts->alert_command,
                              .kiosk_name = kiosk_name,
                              .speech = opts->speech,
                              /* Tests: what would be said goes to this file. */
                              .speech_log = getenv("MUSCLECHECK_SPEECH_LOG"),
                              .ascii = !utf8_terminal};
    status = tui_run((const struct survey *const *)surveys, count, &tui);
out:
    kiosk_pin_free(pin);
    for (size_t i = 0; i < count; i++)
        survey_free(surveys[i]);
    return status;
}

int main(int argc, char **argv)
{
    /* Before anything is read: the environment may already hold the staff
     * PIN, and every mode handles a patient's answers. */
    if (process_protect() != 0)
        perror("musclecheck: cannot keep this process's memory private");
    struct cli_options opts;
    if (setup_locale(&utf8_terminal) != 0 || setup_time_zone() != 0)
        return commands_no_memory();
    if (cli_parse(argc, argv, &opts, stderr) != 0)
        return EX_USAGE;
    switch (opts.mode) {
    case MODE_HELP: cli_usage(stdout); return flushed(0);
    case MODE_VERSION: printf("musclecheck %s\n", MC_VERSION); return flushed(0);
    case MODE_CHECK: return command_check(&opts);
    case MODE_LIST: return command_list(&opts);
    case MODE_BATCH: return command_batch(&opts);
    case MODE_INTERACTIVE: break;
    }
    return run_interactive(&opts);
}
