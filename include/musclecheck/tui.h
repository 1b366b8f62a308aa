/* SPDX-License-Identifier: MIT */
/* tui: the interactive questionnaire on a terminal (ncursesw).
 *
 * The screens render what the core decided: the flow (flow.h) says what
 * comes after each answer, and the results screen draws the results
 * document (results_doc.h) built from the report. */
#ifndef MUSCLECHECK_TUI_H
#define MUSCLECHECK_TUI_H

#include "musclecheck/survey.h"

#include <stdbool.h>
#include <stddef.h>

struct tui_options {
    bool high_contrast;    /* bold white on black, larger buttons */
    bool ascii;            /* the terminal's locale is not UTF-8: ASCII text, its own line set */
    bool kiosk;            /* loop for one patient after another; see docs/kiosk.md */
    int idle_timeout;      /* kiosk: seconds without a key before the answers are wiped */
    const char *staff_pin; /* kiosk: the PIN that ends it from the keyboard (borrowed), or NULL */
    const char *print_command; /* kiosk: where "Print" sends the summary (borrowed), or NULL */
    const char *alert_command; /* kiosk: run when the desk should know (borrowed), or NULL */
    const char *kiosk_name;    /* kiosk: the name the alert gives (borrowed) */
    bool speech;               /* read each screen aloud from the start (espeak-ng) */
    const char *speech_log; /* tests: append what would be said to this file (borrowed), or NULL */
};

#define TUI_IDLE_TIMEOUT_DEFAULT 120

/* At most this many languages are offered, one digit key each. */
#define TUI_MAX_LANGUAGES 9

/* Smallest window the screens are laid out for; below it a "please enlarge
 * the window" message is shown until the window grows again. */
#define TUI_MIN_COLS 50
#define TUI_MIN_ROWS 15

/* Runs the questionnaire until the person quits. SURVEYS (COUNT of them,
 * borrowed) are the same questionnaire in different languages; the first is
 * the default, and a kiosk's welcome screen offers the others. Returns
 * the process exit status: 0 after a normal quit, 69 when there is no
 * usable terminal (a message on stderr says why), 128 + the signal number
 * after SIGINT, SIGQUIT, SIGTERM or SIGHUP (in kiosk mode a requested stop
 * is 0, and SIGINT and SIGQUIT are ignored). The terminal is restored in every case. */
int tui_run(const struct survey *const *surveys, size_t count, const struct tui_options *opts);

#endif
