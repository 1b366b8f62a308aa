/* SPDX-License-Identifier: MIT */
/* terminal: the only module that starts and stops ncurses. It owns the
 * terminal modes, colours, mouse, Esc delay and the signal handlers that
 * make sure the terminal is restored however the program ends. */
#ifndef MUSCLECHECK_TUI_TERM_H
#define MUSCLECHECK_TUI_TERM_H

#include <stdbool.h>

/* Returned by term_read_key when a terminating signal arrived (SIGINT,
 * SIGQUIT, SIGTERM, SIGHUP). */
#define TERM_KEY_SIGNAL (-2)
/* Returned by term_read_key when nothing was typed within the timeout. */
#define TERM_KEY_NONE (-1)
/* Returned by term_read_key when the terminal has gone away. */
#define TERM_KEY_HANGUP (-3)
/* What a key event no screen acts on (a paste, Alt-<key>, a focus report, an
 * unknown sequence, a mouse release) becomes inside term_read_key, which
 * reads on instead of returning it. */
#define TERM_KEY_IGNORED (-4)

/* Starts curses on stdin/stdout. Returns 0, or -1 with a message for the
 * person in *WHY (static) when stdin or stdout is not a terminal or TERM is
 * unknown; nothing has been drawn then. In KIOSK mode the terminal is put in
 * raw mode and the keyboard signals (Ctrl-C, Ctrl-Z, Ctrl-\) are ignored, so
 * that no key leads out of the program. */
int term_start(bool kiosk, bool ascii, const char **why);

/* Clears the screen and, where the terminal supports it, its scrollback, so
 * that nothing of the last person's session can be scrolled back to. */
void term_wipe(void);

/* Restores the terminal (idempotent; safe after a failed start). In kiosk
 * mode it first blanks the screen and, where it can, the scrollback. */
void term_stop(void);

/* Whether colours are in use (a colour terminal and no NO_COLOR). */
bool term_colour(void);

/* Waits up to TIMEOUT_MS for a key and returns it (a curses key code: bytes
 * are decoded by keydec, whole sequences at a time, and events no screen acts
 * on are skipped; a UTF-8 character comes one byte per call; a left click is
 * KEY_MOUSE and the wheel KEY_UP / KEY_DOWN),
 * TERM_KEY_NONE on timeout, TERM_KEY_SIGNAL after SIGINT, SIGTERM or SIGHUP,
 * or TERM_KEY_HANGUP when the terminal has closed. *MOUSE_Y and *MOUSE_X get the click position for
 * KEY_MOUSE. */
int term_read_key(int timeout_ms, int *mouse_y, int *mouse_x);

/* Checks the window size against curses' idea of it and adopts the real
 * one if they differ; true when it did. Curses can miss a SIGWINCH that
 * arrives while it handles the one before (a storm of resizes), which would
 * leave the screen laid out for a size the window no longer has. */
bool term_check_size(void);

/* The terminating signal received, or 0. */
int term_signal(void);

#endif
