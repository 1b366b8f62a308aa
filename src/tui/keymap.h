/* SPDX-License-Identifier: MIT */
/* keymap: which key event gives which command (keys.h), in one table: the
 * letters come from the core's key table (matched in either case, ASCII
 * folding only), the named keys (arrows, Enter, Esc, F1, ...) from here.
 * A named key pressed with Ctrl or Alt is not its plain twin (Ctrl-F1 is not
 * F1; Shift alone is not told apart), and an Alt-letter is not the letter. Key handlers ask
 * keymap_command once and switch on the answer; they never test key codes themselves. */
#ifndef MUSCLECHECK_TUI_KEYMAP_H
#define MUSCLECHECK_TUI_KEYMAP_H

#include "keydec.h"
#include "musclecheck/keys.h"

#include <stdbool.h>

/* The command event EV gives, or CMD_NONE. A letter that several commands
 * share ("r": again and results) gives the first of them in keys.h; a screen
 * that means another one asks keymap_prefer. */
enum command keymap_command(const struct keydec_event *ev);

/* WANT when commands GOT and WANT are given by the same letter, else GOT:
 * the red-flag screen turns "r" into CMD_RESULTS with it. */
enum command keymap_prefer(enum command got, enum command want);

/* The text EV types into a text box, NUL-terminated (a whole character: a
 * printable character, or a keypad digit or sign pressed alone), or NULL
 * when it types nothing. Points into EV or at a constant string. */
const char *keymap_text(const struct keydec_event *ev);

#endif
