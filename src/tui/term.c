/* SPDX-License-Identifier: MIT */
/* tui_term: curses start-up and shutdown, keys, mouse and signals. */
#include "term.h"

#include <curses.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <term.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t caught_signal;
static SCREEN *screen;
static bool colour;

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

int term_start(bool kiosk, const char **why)
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
    if (kiosk)
        raw();
    else
        cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
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
    return 0;
}

void term_stop(void)
{
    if (screen == NULL)
        return;
    leaveok(stdscr, FALSE);
    curs_set(1);
    endwin();
    /* Some terminals restore the cursor's visibility from when the alternate
     * screen was entered; show it once more on the normal screen. */
    char *cnorm = tigetstr("cnorm");
    if (cnorm != NULL && cnorm != (char *)-1)
        putp(cnorm);
    fflush(stdout);
    delscreen(screen);
    screen = NULL;
}

bool term_colour(void)
{
    return colour;
}

int term_read_key(int timeout_ms, int *mouse_y, int *mouse_x)
{
    if (caught_signal != 0)
        return TERM_KEY_SIGNAL;
    timeout(timeout_ms);
    int key = getch();
    if (caught_signal != 0)
        return TERM_KEY_SIGNAL;
    if (key == ERR) {
        /* A closed terminal makes every read fail at once: tell the loop,
         * or it would spin. */
        struct pollfd pfd = {STDIN_FILENO, POLLIN, 0};
        if (poll(&pfd, 1, 0) > 0 && (pfd.revents & (POLLHUP | POLLERR | POLLNVAL)))
            return TERM_KEY_HANGUP;
        return TERM_KEY_NONE;
    }
    if (key == KEY_MOUSE) {
        MEVENT ev;
        if (getmouse(&ev) != OK)
            return TERM_KEY_NONE;
        *mouse_y = ev.y;
        *mouse_x = ev.x;
        if (ev.bstate & BUTTON4_PRESSED)
            return KEY_UP;
        if (ev.bstate & BUTTON5_PRESSED)
            return KEY_DOWN;
        if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
            return KEY_MOUSE;
        return TERM_KEY_NONE; /* releases and the rest: nothing to do */
    }
    return key;
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
    clear();
    refresh();
    /* E3 is the terminfo extension for "erase the scrollback" (xterm and
     * most emulators); the Linux console has no scrollback to keep. */
    char *e3 = tigetstr("E3");
    if (e3 != NULL && e3 != (char *)-1) {
        putp(e3);
        fflush(stdout);
    }
}

long long term_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
