/* SPDX-License-Identifier: MIT */
/* plain: the questionnaire line by line on plain text streams, for screen
 * readers (Orca, speakup, brltty), braille displays and teletype-like
 * terminals: no cursor movement, no colour, one prompt per line. Same
 * session, same report as the full-screen front end. */
#ifndef MUSCLECHECK_PLAIN_H
#define MUSCLECHECK_PLAIN_H

#include "musclecheck/session.h"
#include "musclecheck/survey.h"

#include <stdbool.h>
#include <stdio.h>

/* Asks the questions of S on OUT, reading answers from IN, then prints the
 * results. Returns the exit status: 0 (also after "q" or the end of input),
 * or 71 when out of memory. */
int plain_run(const struct survey *s, FILE *in, FILE *out);

/* A kiosk's rules for one patient's line-mode session (docs/kiosk.md, "Line
 * mode"). The caller owns the terminal: it sets the terminal's modes and
 * lends the two calls below, which must not touch the session. */
struct plain_kiosk {
    long long idle_ms;    /* a session without a typed line for this long is wiped */
    long long warning_ms; /* "Still there?" this long before the wipe */
    int width;            /* the terminal's columns, to wrap to (at most 78 are used) */
    /* Blanks the terminal and its scrollback: nothing of the patient may
     * stay on screen. */
    void (*wipe)(void);
    /* Whether the kiosk is being stopped (SIGTERM, SIGHUP). */
    bool (*stopping)(void);
    /* After each answer, with the answers so far (borrowed for the call):
     * the kiosk tells the desk (desk_alert.h). NULL: nothing. */
    void (*answered)(const struct session *se, void *ctx);
    /* At least every half second while waiting for a line: the kiosk moves
     * what runs beside it on (the alert commands). NULL: nothing. */
    void (*tick)(void *ctx);
    void *ctx; /* for ANSWERED and TICK */
};

/* How a kiosk line-mode session ended. */
enum plain_kiosk_end {
    PLAIN_KIOSK_NEXT, /* finished, started over or wiped: the next patient's turn */
    PLAIN_KIOSK_STOP, /* the kiosk is being stopped, or the terminal has gone */
    PLAIN_KIOSK_NO_MEMORY,
};

/* One patient's questionnaire in line mode on a kiosk: the questions of S
 * on OUT, lines read from the terminal IN_FD (in canonical mode), the
 * emergency advice with the desk line, then the results. Nothing leads out
 * of it but K->stopping: "quit" starts over (after asking), and an idle
 * session is wiped with K->wipe, except the emergency advice, which stays
 * (without the answers) until a line is typed. The answers are wiped before
 * it returns. */
enum plain_kiosk_end plain_kiosk_run(const struct survey *s, int in_fd, FILE *out,
                                     const struct plain_kiosk *k);

#endif
