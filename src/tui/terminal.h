/* SPDX-License-Identifier: MIT */
/* terminal: the only module that starts and stops ncurses and the only one
 * that sets the terminal's modes (raw or cbreak, echo, the cursor, bracketed
 * paste, mouse, Esc delay, full repaints, wiping the screen and scrollback),
 * and the signal handlers that make sure the terminal is restored however
 * the program ends. It reads the terminal's bytes itself and hands the loop
 * whole key events decoded by keydec (keydec.h), in the terminal's real
 * encoding (UTF-8, or one byte a character when not). It owns the curses
 * screen and the decoder (static, released by term_stop). */
#ifndef MUSCLECHECK_TUI_TERM_H
#define MUSCLECHECK_TUI_TERM_H

#include "keydec.h"

#include <stdbool.h>

/* What term_read_event returns besides 0 (an event). */
/* Nothing was typed within the timeout. */
#define TERM_KEY_NONE (-1)
/* A terminating signal arrived (SIGINT, SIGQUIT, SIGTERM, SIGHUP). */
#define TERM_KEY_SIGNAL (-2)
/* The terminal has gone away. */
#define TERM_KEY_HANGUP (-3)
/* The window changed size. */
#define TERM_KEY_RESIZE (-4)

/* Starts curses on stdin/stdout. ASCII: the terminal is not UTF-8 (its
 * characters are one byte each; lines are drawn with its own line set). Returns 0, or -1 with a
 * message for the person in *WHY (static) when stdin or stdout is not a terminal or TERM is
 * unknown; nothing has been drawn then. In KIOSK mode the terminal is put in
 * raw mode and the keyboard signals (Ctrl-C, Ctrl-Z, Ctrl-\) are ignored, so
 * that no key leads out of the program. */
int term_start(bool kiosk, bool ascii, const char **why);

/* Clears the screen and, where the terminal supports it, its scrollback, so
 * that nothing of the last person's session can be scrolled back to. */
void term_wipe(void);

/* Kiosk: leaves the full screen for line mode (plain.h). Blanks the screen
 * and its scrollback, leaves curses' modes and the alternate screen, and
 * sets the terminal's line discipline: canonical lines with echo (what a
 * screen reader or braille display reads best), the cursor shown, and no
 * key that sends a signal. Mouse reports and bracketed paste are off. */
void term_line_begin(void);

/* Blanks the terminal and its scrollback while in line mode (what
 * term_wipe does on the full screen). */
void term_line_wipe(void);

/* Back from line mode: blanks the line mode's text and the scrollback, and
 * restores the full screen, repainted whole at the next refresh. */
void term_line_end(void);

/* Shows the cursor (SHOW: a text field, where typing goes) or hides it.
 * Either way curses puts it where the loop last moved it on stdscr (where
 * the attention is), never where drawing happened to end: screen readers
 * and braille displays follow it even when it is hidden. Takes effect with
 * the next refresh; sends nothing when it does not change. */
void term_cursor(bool show);

/* Makes the next refresh repaint the whole screen, whatever curses thinks
 * the terminal shows (after a resize, or a size it missed). */
void term_repaint(void);

/* Restores the terminal (idempotent; safe after a failed start). In kiosk
 * mode it first blanks the screen and, where it can, the scrollback. */
void term_stop(void);

/* Whether colours are in use (a colour terminal and no NO_COLOR). */
bool term_colour(void);

/* Waits up to TIMEOUT_MS for a key event and stores it in *EV, whole, as
 * keydec decoded it from the terminal's bytes (a character of several bytes
 * is one event; modifiers are kept). Events no screen acts on (Alt-<key>, a
 * paste, focus reports, unknown sequences, mouse releases and motion,
 * buttons other than the left one and the wheel) are skipped. Returns 0 for
 * an event, TERM_KEY_NONE on timeout, TERM_KEY_SIGNAL after SIGINT, SIGTERM
 * or SIGHUP, TERM_KEY_HANGUP when the terminal has closed, or
 * TERM_KEY_RESIZE when the window changed size; *EV is set only for 0. */
int term_read_event(int timeout_ms, struct keydec_event *ev);

/* Checks the window size against curses' idea of it and adopts the real
 * one if they differ; true when it did. Curses can miss a SIGWINCH that
 * arrives while it handles the one before (a storm of resizes), which would
 * leave the screen laid out for a size the window no longer has. */
bool term_check_size(void);

/* The terminating signal received, or 0. */
int term_signal(void);

#endif
