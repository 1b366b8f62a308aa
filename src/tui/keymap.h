/* SPDX-License-Identifier: MIT */
/* keymap: which terminal keys give which command (keys.h), in one table:
 * the letters come from the core's key table, the named keys (arrows,
 * Enter, Esc, F1, ...) from here. Screens ask keymap_is; they never test
 * key codes themselves. */
#ifndef MUSCLECHECK_TUI_KEYMAP_H
#define MUSCLECHECK_TUI_KEYMAP_H

#include "musclecheck/keys.h"

#include <stdbool.h>

/* Ctrl plus a letter. */
#define KEY_CTRL(c) ((c)&0x1f)

/* Whether KEY (a curses key code) gives command CMD. Letters match in
 * either case. */
bool keymap_is(int key, enum command cmd);

/* The key a click on a button for CMD stands for (its letter, or its first
 * named key). */
int keymap_key(enum command cmd);

#endif
