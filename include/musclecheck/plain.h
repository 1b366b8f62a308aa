/* SPDX-License-Identifier: MIT */
/* plain: the questionnaire line by line on plain text streams, for screen
 * readers (Orca, speakup, brltty), braille displays and teletype-like
 * terminals: no cursor movement, no colour, one prompt per line. Same
 * session, same report as the full-screen front end. */
#ifndef MUSCLECHECK_PLAIN_H
#define MUSCLECHECK_PLAIN_H

#include "musclecheck/survey.h"

#include <stdio.h>

/* Asks the questions of S on OUT, reading answers from IN, then prints the
 * results. Returns the exit status: 0 (also after "q" or the end of input),
 * or 71 when out of memory. */
int plain_run(const struct survey *s, FILE *in, FILE *out);

#endif
