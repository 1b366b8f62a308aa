/* SPDX-License-Identifier: MIT */
/* vt.h - end-to-end terminal test harness: run a program in a pseudo-terminal and read its
 * screen through libvterm, waiting for expected text instead of sleeping.
 *
 * Why a real emulator: asserting on raw escape sequences ties tests to how curses happens to
 * optimise a redraw; asserting on the emulated screen tests what a user actually sees.
 *
 * Conventions:
 *  - Rows and columns are 0-based screen cells everywhere (mouse reports are converted to the
 *    1-based wire format internally). A wide (CJK) character occupies two cells.
 *  - Every function that waits takes a timeout in milliseconds and returns once it expires, so
 *    a hung child cannot hang the test. Nothing sleeps except inside poll().
 *  - Works without a controlling terminal in the test process (CI: setsid, stdin </dev/null).
 *  - Strings returned as char * are malloc'ed and owned by the caller (free them).
 *  - Not thread-safe; one struct vt per child, used from one thread.
 */
#ifndef MUSCLECHECK_TESTS_E2E_VT_H
#define MUSCLECHECK_TESTS_E2E_VT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

struct vt;

/* Start argv[0] (searched in the child's PATH) on a new pty of rows x cols. The child gets a
 * clean environment: PATH and HOME (copied from the caller, else /usr/local/bin:/usr/bin:/bin
 * and /), TERM=xterm-256color, LANG=C.UTF-8; then each "K=V" in env (NULL-terminated, may be
 * NULL) adds or overrides K, and "K=" removes K. The child is a session leader with the pty as
 * its controlling terminal, default signal dispositions and kernel-default termios (+IUTF8).
 * Returns NULL (errno set) on failure, including when the program cannot be executed.
 * The caller owns the result; release it with vt_free(). */
struct vt *vt_spawn(char *const argv[], char *const env[], int rows, int cols);

/* Kill (SIGKILL to the child's process group) and reap the child if it has not been reaped,
 * close the pty and free everything. vt_free(NULL) does nothing. */
void vt_free(struct vt *vt);

pid_t vt_pid(const struct vt *vt);

/* Wait up to timeout_ms for output; when some arrives, read what is available (bounded), feed it
 * to the emulator and return the number of bytes read. Returns 0 on timeout, -1 once the child
 * side of the pty is closed and all output has been read (EOF/EIO). Also writes back pending
 * input and terminal replies (cursor position report, device attributes). */
int vt_pump(struct vt *vt, int timeout_ms);

/* Pump until the screen shows utf8_text (true) or timeout_ms passes / the pty closes without it
 * (false). A text without '\n' is matched within a single row; a text with '\n' is matched
 * against vt_screen() (rows right-trimmed). */
bool vt_wait_text(struct vt *vt, const char *utf8_text, int timeout_ms);
/* Like vt_wait_text but waits until utf8_text is no longer on the screen. */
bool vt_wait_gone(struct vt *vt, const char *utf8_text, int timeout_ms);
/* Wait until the program has produced no output for quiet_ms (true; also true at EOF), or
 * timeout_ms passes (false). Use after input whose effect has no distinctive text. */
bool vt_wait_quiet(struct vt *vt, int quiet_ms, int timeout_ms);
/* Like vt_wait_quiet, but first waits for some output: use after input the program must answer
 * (a resize it redraws for), so a slow machine cannot pass the quiet spell before the answer. */
bool vt_wait_redraw(struct vt *vt, int quiet_ms, int timeout_ms);

/* Screen contents as UTF-8 without any pumping. vt_screen: all rows, each right-trimmed, joined
 * by '\n' (no final '\n'). vt_row: one right-trimmed row, NULL if row is out of range. */
char *vt_screen(struct vt *vt);
char *vt_row(struct vt *vt, int row);
/* First occurrence of utf8_text (no '\n') on the screen, top to bottom: stores its cell position
 * in *row / *col (either may be NULL) and returns true. */
bool vt_find(struct vt *vt, const char *utf8_text, int *row, int *col);
void vt_size(const struct vt *vt, int *rows, int *cols);
/* Stores the cursor position; returns whether the cursor is visible. */
bool vt_cursor(struct vt *vt, int *row, int *col);

/* Colours in struct vt_cell: VT_COLOR_DEFAULT, a palette index 0..255, or VT_RGB(r, g, b). */
#define VT_COLOR_DEFAULT (-1)
#define VT_RGB(r, g, b) (0x1000000 | ((r) << 16) | ((g) << 8) | (b))

struct vt_cell {
    char text[32]; /* UTF-8 of the cell's characters; "" for an empty cell */
    int width;     /* 2: first cell of a wide character, 0: its second cell, else 1 */
    bool bold, italic, blink, reverse, strike;
    int underline; /* 0 none, 1 single, 2 double, 3 curly */
    int fg, bg;
};

/* Fills *out for the cell at (row, col); false if out of range. */
bool vt_cell(struct vt *vt, int row, int col, struct vt_cell *out);
bool vt_cell_reverse(struct vt *vt, int row, int col);
bool vt_cell_bold(struct vt *vt, int row, int col);
int vt_cell_fg(struct vt *vt, int row, int col); /* VT_COLOR_DEFAULT if out of range */

/* Terminal modes the program has set (as the emulator understood them). */
enum vt_mode {
    VT_MODE_APP_CURSOR,     /* DECCKM (smkx): cursor keys are sent as ESC O A */
    VT_MODE_MOUSE,          /* 0 off, 1 clicks (1000), 2 drag (1002), 3 motion (1003) */
    VT_MODE_ALTSCREEN,      /* alternate screen (smcup) active */
    VT_MODE_CURSOR_VISIBLE, /* DECTCEM */
};
int vt_mode(struct vt *vt, enum vt_mode mode);

/* Send bytes to the program as if typed. Waits (up to 5 s, reading output meanwhile so neither
 * side can block) until everything is written. 0 on success, -1 on error. */
int vt_send(struct vt *vt, const char *bytes);
int vt_send_len(struct vt *vt, const char *bytes, size_t len);

/* Keys whose bytes depend on the terminal mode are encoded by libvterm as xterm would send them:
 * e.g. VT_KEY_UP is ESC [ A normally and ESC O A after the program enabled DECCKM (curses
 * keypad mode via smkx). Fixed keys can also be sent with vt_send and the macros below. */
enum vt_key {
    VT_KEY_UP,
    VT_KEY_DOWN,
    VT_KEY_LEFT,
    VT_KEY_RIGHT,
    VT_KEY_HOME,
    VT_KEY_END,
    VT_KEY_PGUP,   /* ESC [ 5 ~ */
    VT_KEY_PGDN,   /* ESC [ 6 ~ */
    VT_KEY_INSERT, /* ESC [ 2 ~ */
    VT_KEY_DELETE, /* ESC [ 3 ~ */
    VT_KEY_TAB,
    VT_KEY_BTAB, /* Shift-Tab: ESC [ Z */
    VT_KEY_ENTER,
    VT_KEY_ESC, /* curses waits ESCDELAY after a lone ESC: pass "ESCDELAY=25" in env */
    VT_KEY_BACKSPACE,
    VT_KEY_F1, /* ESC O P; F1..F12 are consecutive */
    VT_KEY_F12 = VT_KEY_F1 + 11,
};
int vt_key(struct vt *vt, enum vt_key key);

/* Pastes TEXT as a terminal does: between ESC [ 200 ~ and ESC [ 201 ~ only when the program has
 * switched bracketed paste on (DECSET 2004), as xterm does; else as plain typing. With PARTS > 1
 * the text goes in that many pieces GAP_MS apart (reading output meanwhile), as a long paste
 * arrives over several reads. 0 on success, -1 on error. */
int vt_paste(struct vt *vt, const char *text, int parts, int gap_ms);

#define VT_ENTER "\r"
#define VT_TAB "\t"
#define VT_ESC "\033"
#define VT_BACKSPACE "\177"
#define VT_CTRL_C "\003"
#define VT_CTRL_D "\004"
#define VT_CTRL_Z "\032"
#define VT_CTRL_BACKSLASH "\034"

/* Left-button press and release at cell (row, col), encoded in the mouse protocol the program
 * enabled (SGR 1006: ESC [ < 0 ; col+1 ; row+1 M / m; otherwise legacy X10 ESC [ M ...).
 * No motion report is sent for moving there. Returns -1 (errno ENOTSUP) without sending
 * anything if the program has not enabled mouse reporting, as a real xterm would send nothing. */
int vt_click(struct vt *vt, int row, int col);

/* Set the window size: resizes the emulator and the pty (TIOCSWINSZ), whereupon the kernel
 * sends SIGWINCH to the child's foreground process group. 0 on success, -1 on error. */
int vt_resize(struct vt *vt, int rows, int cols);

/* Wait for the child to exit while still reading its output (so it never blocks on a full
 * pty). Returns 0 and stores the waitpid() status in *status (may be NULL) once it exited,
 * including on later calls; -1 on timeout. On success the remaining output has been read. */
int vt_wait_exit(struct vt *vt, int timeout_ms, int *status);
/* Close the pty master as a terminal window being closed would: the kernel sends SIGHUP to the
 * child's session and its reads fail from then on. Output can no longer be read; vt_wait_exit
 * still reaps the child. 0 on success. */
int vt_hangup(struct vt *vt);
/* Send sig to the child process. -1 with errno ESRCH once the child has been reaped. */
int vt_kill(struct vt *vt, int sig);

/* Microseconds on a monotonic clock, and when output from the program last arrived on it (for
 * latency measurements: the end of a redraw is the last byte before a quiet spell). */
long long vt_now_us(void);
long long vt_last_output_us(const struct vt *vt);

/* Bytes read from the program since vt_spawn or the last vt_reset_bytes (redraw budgets). */
size_t vt_bytes(const struct vt *vt);
void vt_reset_bytes(struct vt *vt);

/* Print the screen in a frame with size, cursor, byte count and child state, for failure logs. */
void vt_dump(struct vt *vt, FILE *fp);

#endif
