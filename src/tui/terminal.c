/* SPDX-License-Identifier: MIT */
/* terminal: curses start-up and shutdown, keys, mouse and signals. */
#include "terminal.h"
#include "musclecheck/clock.h"

#include "keydec.h"

#include <curses.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <term.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t caught_signal;
static SCREEN *screen;
static bool wipe_on_stop; /* kiosk: nothing of the last patient may stay on the terminal */
static bool colour;
static struct keydec *keys;     /* whole key events from the raw bytes */
static long long paste_byte_ms; /* when the last byte of an open paste came */

/* How long an open paste may be silent before its end is taken as lost. */
enum { PASTE_LOST_MS = 5000 };

static void on_signal(int sig)
{
    caught_signal = sig;
}

/* Handlers without SA_RESTART, so that a blocked read returns at once and
 * the loop can restore the terminal. Installed before curses starts, so
 * curses leaves these signals to us. */
static void catch_signals(bool kiosk)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    if (kiosk) {
        /* Raw mode already stops the keys from sending these; ignoring them
         * also covers a signal sent some other way. */
        signal(SIGINT, SIG_IGN);
        signal(SIGQUIT, SIG_IGN);
        signal(SIGTSTP, SIG_IGN);
        signal(SIGTTIN, SIG_IGN);
        signal(SIGTTOU, SIG_IGN);
    } else {
        /* Ctrl-C and Ctrl-\ end the program, but never with the terminal
         * left in curses' modes (SIGQUIT would otherwise dump core). */
        sigaction(SIGINT, &sa, NULL);
        sigaction(SIGQUIT, &sa, NULL);
    }
    /* A vanished terminal must not kill us mid-write with the modes unrestored. */
    signal(SIGPIPE, SIG_IGN);
}

/* Sends terminfo string capability NAME, if the terminal has it. */
static void term_putcap(const char *name)
{
    char *cap = tigetstr(name);
    if (cap != NULL && cap != (char *)-1)
        putp(cap);
}

/* Bracketed paste on (or off), where the terminal has it: terminfo's BE
 * and BD, or, for the multiplexers and emulators known to understand it
 * whose entries lack them (screen, tmux, rxvt), the xterm sequence. Other
 * terminals cannot tell a paste from typing. */
static void paste_mode(bool on)
{
    char *cap = tigetstr(on ? "BE" : "BD");
    const char *term = getenv("TERM");
    if (cap != NULL && cap != (char *)-1)
        putp(cap);
    else if (term != NULL && (strncmp(term, "screen", 6) == 0 || strncmp(term, "tmux", 4) == 0 ||
                              strncmp(term, "rxvt", 4) == 0))
        putp(on ? "\033[?2004h" : "\033[?2004l");
    /* putp writes into stdio's buffer, which curses' own output never
     * flushes: without this the terminal was never asked to bracket, and a
     * paste came as typed keys that answered questions. */
    fflush(stdout);
}

int term_start(bool kiosk, bool ascii, const char **why)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        *why = "the questionnaire needs a terminal on standard input and output; "
               "to score answers from a file or a script, use --batch (see --help)";
        return -1;
    }
    const char *term = getenv("TERM");
    if (term == NULL || *term == '\0') {
        *why = "TERM is not set, so the terminal type is unknown; set TERM (for example "
               "TERM=xterm-256color) or use --batch (see --help)";
        return -1;
    }
    /* A terminal without UTF-8 draws lines with its own alternate character
     * set (terminfo acsc), as dialog does, even though our text handling
     * runs in a UTF-8 locale. */
    if (ascii)
        setenv("NCURSES_NO_UTF8_ACS", "0", 1);
    /* A full screen needs cursor addressing: without it (TERM=dumb, a
     * printing terminal) every frame would come out as one broken line. */
    int err = 0;
    if (setupterm(NULL, STDOUT_FILENO, &err) == OK) {
        char *cup = tigetstr("cup");
        bool addressable = cup != NULL && cup != (char *)-1;
        del_curterm(cur_term);
        if (!addressable && kiosk) {
            /* Line mode alone would do for a patient, but nothing could
             * wipe the screen between two patients. */
            *why = "this terminal (TERM) cannot move the cursor, so a kiosk could not wipe the "
                   "screen between patients; set TERM to the terminal's real type (patients who "
                   "want line mode then press l on the welcome screen)";
            return -1;
        }
        if (!addressable) {
            *why = "this terminal (TERM) cannot move the cursor, so the full screen cannot be "
                   "drawn; set TERM to the terminal's real type, or use --plain (see --help)";
            return -1;
        }
    }
    /* Esc must answer at once, not after curses' default of a second. */
    if (getenv("ESCDELAY") == NULL)
        set_escdelay(25);
    catch_signals(kiosk);
    screen = newterm(NULL, stdout, stdin);
    if (screen == NULL) {
        *why = "this terminal type (TERM) is not known on this system; try "
               "TERM=xterm-256color or use --batch (see --help)";
        return -1;
    }
    set_term(screen);
    wipe_on_stop = kiosk;
    /* Keys are decoded here from raw bytes (keydec), not by curses' terminfo
     * lookup, which splits every sequence its entry lacks into Esc and
     * letters. */
    keys = keydec_new(!ascii);
    if (keys == NULL) {
        *why = "out of memory";
        return -1;
    }
    if (kiosk)
        raw();
    else
        cbreak();
    noecho();
    nonl();
    keypad(stdscr, FALSE);
    meta(stdscr, TRUE);
    curs_set(0);
    const char *no_colour = getenv("NO_COLOR");
    colour = has_colors() && (no_colour == NULL || *no_colour == '\0');
    if (colour) {
        start_color();
        use_default_colors();
    }
    mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON4_PRESSED |
                  BUTTON5_PRESSED,
              NULL);
    mouseinterval(0); /* report presses at once; a touch screen has no double clicks */
    /* Bracketed paste, where the terminal has it: pasted text then comes as
     * one event the screens ignore, never as keys that answer. */
    paste_mode(true);
    return 0;
}

/* Blanks the terminal row by row with "erase to end of line", then the
 * scrollback (E3), writing terminfo strings directly (curses may be in or
 * out of its modes). */
static void blank_rows(void)
{
    char *cup = tigetstr("cup"), *el = tigetstr("el");
    if (cup != NULL && cup != (char *)-1 && el != NULL && el != (char *)-1) {
        for (int row = 0; row < LINES; row++) {
            putp(tiparm(cup, row, 0));
            putp(el);
        }
        putp(tiparm(cup, 0, 0));
    }
    term_putcap("E3");
    fflush(stdout);
}

/* Blanks what the terminal shows, line by line with "erase to end of line"
 * (which no terminal or multiplexer keeps, unlike a cleared screen that
 * tmux copies to its history), then clears the scrollback where the
 * terminal can (E3). Curses is told the screen is blank. */
static void blank_terminal(void)
{
    blank_rows();
    erase();
    clearok(curscr, TRUE);
    refresh();
}

void term_stop(void)
{
    if (screen == NULL)
        return;
    if (wipe_on_stop)
        blank_terminal();
    leaveok(stdscr, FALSE);
    curs_set(1);
    paste_mode(false);
    endwin();
    /* Some terminals restore the cursor's visibility from when the alternate
     * screen was entered; show it once more on the normal screen. */
    char *cnorm = tigetstr("cnorm");
    if (cnorm != NULL && cnorm != (char *)-1)
        putp(cnorm);
    fflush(stdout);
    delscreen(screen);
    screen = NULL;
    keydec_free(keys);
    keys = NULL;
}

bool term_colour(void)
{
    return colour;
}

/* Whether EV is one that no screen acts on and that is no sign of a person
 * at the keyboard: Alt-<key>, a paste, a focus report, an unknown sequence,
 * a mouse release or motion, a button other than the left one or the wheel. */
static bool event_ignored(const struct keydec_event *ev)
{
    switch (ev->type) {
    case KEYDEC_CHAR:
    case KEYDEC_CTRL:
    case KEYDEC_KEY: return false;
    case KEYDEC_MOUSE:
        return ev->release || ev->motion || (ev->button != 1 && ev->button != 4 && ev->button != 5);
    case KEYDEC_NONE:
    case KEYDEC_ALT:
    case KEYDEC_PASTE:
    case KEYDEC_FOCUS_IN:
    case KEYDEC_FOCUS_OUT:
    case KEYDEC_UNKNOWN: break;
    }
    return true;
}

int term_read_event(int timeout_ms, struct keydec_event *out)
{
    if (caught_signal != 0)
        return TERM_KEY_SIGNAL;
    long long deadline = clock_now_ms() + timeout_ms;
    bool fed = false;
    for (;;) {
        struct keydec_event ev;
        while (keydec_next(keys, &ev)) {
            if (!event_ignored(&ev)) {
                *out = ev;
                return 0;
            }
        }
        long long left = deadline - clock_now_ms();
        if (left <= 0 && fed)
            return TERM_KEY_NONE; /* only ignored input: let the loop see to its timers */
        bool pending = keydec_pending(keys);
        timeout(pending ? get_escdelay() : left > 0 ? (int)left : 0);
        int c = getch();
        if (caught_signal != 0)
            return TERM_KEY_SIGNAL;
        if (c == KEY_RESIZE)
            return TERM_KEY_RESIZE;
        if (c == ERR) {
            if (pending) {
                keydec_timeout(keys); /* the Esc delay passed: settle what came */
                continue;
            }
            /* A closed terminal makes every read fail at once: tell the
             * loop, or it would spin. */
            struct pollfd pfd = {STDIN_FILENO, POLLIN, 0};
            if (poll(&pfd, 1, 0) > 0 && (pfd.revents & (POLLHUP | POLLERR | POLLNVAL)))
                return TERM_KEY_HANGUP;
            /* A paste may come in pieces: it stays one paste, whose bytes
             * are never keys, until its end bracket, or until it has been
             * silent for PASTE_LOST_MS (its end was lost). Meanwhile the loop
             * still gets its timer ticks. */
            if (keydec_in_paste(keys) && clock_now_ms() - paste_byte_ms < PASTE_LOST_MS) {
                if (left > 0)
                    continue;
                return TERM_KEY_NONE;
            }
            keydec_flush(keys); /* a paste whose end never came: drop it */
            while (keydec_next(keys, &ev))
                ;
            return TERM_KEY_NONE;
        }
        if (c >= 0 && c <= 0xFF) {
            unsigned char b = (unsigned char)c;
            keydec_feed(keys, &b, 1);
            fed = true;
            if (keydec_in_paste(keys))
                paste_byte_ms = clock_now_ms();
        }
    }
}

bool term_check_size(void)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0)
        return false;
    if (ws.ws_row == LINES && ws.ws_col == COLS)
        return false;
    resize_term(ws.ws_row, ws.ws_col);
    return true;
}

int term_signal(void)
{
    return caught_signal;
}

void term_wipe(void)
{
    blank_terminal();
}

void term_line_begin(void)
{
    blank_terminal();
    paste_mode(false);
    curs_set(1);
    endwin(); /* also ends mouse reports and the alternate screen */
    /* The normal screen may hold what was there before the kiosk started. */
    blank_rows();
    struct termios t;
    if (tcgetattr(STDIN_FILENO, &t) == 0) {
        t.c_lflag |= ICANON | ECHO | ECHOE | ECHOK;
        t.c_lflag &= ~(tcflag_t)ISIG;
        t.c_iflag |= ICRNL;
        t.c_iflag &= ~(tcflag_t)(INLCR | IGNCR);
        t.c_oflag |= OPOST | ONLCR;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &t);
    }
}

void term_line_wipe(void)
{
    blank_rows();
}

void term_line_end(void)
{
    blank_rows();
    tcflush(STDIN_FILENO, TCIFLUSH); /* a half-typed line is not a key for the next patient */
    reset_prog_mode();
    curs_set(0);
    paste_mode(true);
    clearok(curscr, TRUE);
    refresh(); /* back on the alternate screen, with mouse reports */
}

void term_cursor(bool show)
{
    curs_set(show ? 1 : 0);
}

void term_repaint(void)
{
    clearok(curscr, TRUE);
}
