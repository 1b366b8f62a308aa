/* SPDX-License-Identifier: MIT */
/* tui: the main loop. Each pass draws one frame from the state (curses
 * then sends only what changed), waits for a key, asks the screen or
 * overlay on top what the key means, and applies that action. */
#include "musclecheck/tui.h"
#include "musclecheck/clock.h"
#include "musclecheck/plain.h"
#include "musclecheck/vt_lock.h"

#include "apply.h"
#include "screens.h"
#include "speak.h"
#include "summary.h"
#include "terminal.h"
#include "theme.h"
#include "widgets.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

/* How long a key wait lasts before the loop looks at signals again. Nothing
 * is drawn when it expires, so this costs no output. */
enum { KEY_WAIT_MS = 500 };

static bool too_small(void)
{
    return COLS < TUI_MIN_COLS || LINES < TUI_MIN_ROWS;
}

/* Puts the cursor where the frame's attention is (struct hits), the one
 * place it is placed: screen readers and braille displays follow it, shown
 * or hidden. Then sends the frame. */
static void send_frame(const struct hits *hits, bool cursor_visible)
{
    if (hits->focus_y >= 0)
        move(hits->focus_y, hits->focus_x);
    term_cursor(cursor_visible);
    refresh();
}

static void draw(const struct tui *ui, struct hits *hits)
{
    erase();
    hits->count = 0;
    widget_attention(hits, 0, 0); /* what is drawn first, unless a screen says otherwise */
    if (too_small()) {
        screen_small_draw(ui);
        send_frame(hits, false);
        return;
    }
    switch (ui->screen) {
    case SCREEN_WELCOME: screen_welcome_draw(ui, hits); break;
    case SCREEN_QUESTION: screen_question_draw(ui, hits); break;
    case SCREEN_RED_FLAG: screen_red_flag_draw(ui, hits); break;
    case SCREEN_RESULTS:
    case SCREEN_TABLE: screen_results_draw(ui, hits); break;
    }
    if (ui->overlay != OVERLAY_NONE)
        hits->count = 0; /* only the overlay's buttons can be clicked */
    switch (ui->overlay) {
    case OVERLAY_NONE: break;
    case OVERLAY_HELP: overlay_help_draw(ui, hits); break;
    case OVERLAY_QUIT: overlay_quit_draw(ui, hits); break;
    case OVERLAY_IDLE: overlay_idle_draw(ui, hits); break;
    case OVERLAY_STAFF: overlay_staff_draw(ui, hits); break;
    case OVERLAY_SAVE: overlay_save_draw(ui, hits); break;
    case OVERLAY_MESSAGE: overlay_message_draw(ui, hits); break;
    case OVERLAY_PRINTING: overlay_printing_draw(ui, hits); break;
    }
    /* Only the file name box shows the cursor (after the name): a text
     * field shows where typing goes. */
    send_frame(hits, ui->overlay == OVERLAY_SAVE && !ui->save_confirm);
}

static bool line_stopping(void)
{
    return term_signal() != 0;
}

static void line_answered(const struct session *se, void *ctx)
{
    tui_alert_desk(ctx, se);
}

static void line_tick(void *ctx)
{
    tui_alerts_poll(ctx, clock_now_ms());
}

/* Kiosk: the patient's questionnaire in line mode, outside the full screen;
 * then the next patient's welcome screen. False when the kiosk must stop. */
static bool run_line_mode(struct tui *ui)
{
    const struct plain_kiosk k = {.idle_ms = ui->idle_ms,
                                  .warning_ms = tui_idle_warning_ms(ui),
                                  .width = COLS - 1, /* no line ends in the last column */
                                  .wipe = term_line_wipe,
                                  .stopping = line_stopping,
                                  .answered = line_answered,
                                  .tick = line_tick,
                                  .ctx = ui};
    ui->line_mode = false;
    term_line_begin();
    enum plain_kiosk_end end = plain_kiosk_run(ui->survey, STDIN_FILENO, stdout, &k);
    term_line_end();
    tui_kiosk_reset(ui);
    ui->last_input = clock_now_ms();
    return end != PLAIN_KIOSK_STOP;
}

int tui_run(const struct survey *const *surveys, size_t count, const struct tui_options *opts)
{
    const struct survey *s = surveys[0];
    struct tui ui = {.survey = s,
                     .surveys = surveys,
                     .survey_count = count < TUI_MAX_LANGUAGES ? count : TUI_MAX_LANGUAGES,
                     .high_contrast = opts->high_contrast || opts->kiosk,
                     .big_buttons = opts->high_contrast || opts->kiosk,
                     .kiosk = opts->kiosk,
                     .staff_pin = opts->kiosk ? opts->staff_pin : NULL,
                     .print_command = opts->kiosk ? opts->print_command : NULL,
                     .alert_command = opts->kiosk ? opts->alert_command : NULL,
                     .kiosk_name = opts->kiosk_name,
                     .speech_log = opts->speech_log,
                     .speech_on = opts->speech,
                     .speech_default = opts->speech,
                     .idle_ms = 1000LL * (opts->idle_timeout > 0 ? opts->idle_timeout
                                                                 : TUI_IDLE_TIMEOUT_DEFAULT)};
    ui.flow = flow_new(s);
    if (ui.flow == NULL) {
        fputs("musclecheck: out of memory\n", stderr);
        return EX_OSERR;
    }
    const char *why = NULL;
    if (term_start(opts->kiosk, opts->ascii, &why) != 0) {
        term_stop();
        fprintf(stderr, "musclecheck: %s\n", why);
        flow_free(ui.flow);
        return EX_UNAVAILABLE;
    }
    if (ui.kiosk && vt_lock_start(STDIN_FILENO) < 0) /* the console lock-down */
        perror("musclecheck: the console cannot be locked against switching");
    theme_init(term_colour(), ui.high_contrast);
    widget_set_ascii(opts->ascii);
    tui_go_welcome(&ui);
    if (ui.speech_on)
        tui_speech_start(&ui, false);
    ui.last_input = clock_now_ms();
    int status = 0;
    bool dirty = true;
    struct hits hits = {.count = 0};
    for (;;) {
        if (ui.wipe_screen) {
            term_wipe(); /* kiosk: nothing of the last patient stays on the terminal */
            ui.wipe_screen = false;
        }
        if (dirty) {
            tui_view_sync(&ui);
            draw(&ui, &hits);
            tui_speak(&ui); /* what the frame shows, beside the loop */
        }
        dirty = false;
        /* While printing, look at the job often; the loop never waits on it. */
        int wait =
            ui.print != NULL ? print_job_wait_ms(ui.print, clock_now_ms(), 100) : KEY_WAIT_MS;
        bool was_printing = ui.print != NULL;
        struct keydec_event ev;
        int got = term_read_event(wait > 0 ? wait : 1, &ev);
        if (got == TERM_KEY_SIGNAL || got == TERM_KEY_HANGUP) {
            /* A kiosk is stopped on purpose (systemctl stop, staff closing
             * the terminal): that is a clean end, not a failure. */
            int sig = got == TERM_KEY_HANGUP ? SIGHUP : term_signal();
            status = ui.kiosk ? 0 : 128 + sig;
            break;
        }
        if (ui.print != NULL && summary_print_poll(&ui))
            dirty = true;
        tui_alerts_poll(&ui, clock_now_ms()); /* nothing on screen changes */
        if (got == TERM_KEY_NONE) {
            dirty = tui_idle_tick(&ui, clock_now_ms()) || dirty;
            if (term_check_size()) {
                term_repaint();
                dirty = true;
            }
            continue;
        }
        long long now = clock_now_ms();
        /* A key after the idle time must not reach the old session: wipe
         * first (the key then only wakes the screen). */
        if (got != TERM_KEY_RESIZE && tui_idle_expired(&ui, now)) {
            tui_idle_tick(&ui, now);
            ui.last_input = now;
            dirty = true;
            continue;
        }
        ui.last_input = now;
        /* A key pressed while printing waits for nothing: it must not close
         * the outcome the print has just shown. */
        if (was_printing && got != TERM_KEY_RESIZE)
            continue;
        if (got == TERM_KEY_RESIZE) {
            /* Terminals differ in what they keep of the old contents (a quick
             * shrink and grow can leave curses' size unchanged but the screen
             * wiped), so repaint it all: a resize is rare, a garbled screen
             * is not acceptable. */
            term_check_size();
            term_repaint();
            dirty = true;
            continue;
        }
        bool click = ev.type == KEYDEC_MOUSE && ev.button == 1;
        const struct hitbox *hit = click ? widget_hit(&hits, ev.row, ev.col) : NULL;
        /* A box that any key closes (help, a message, "still there?")
         * closes with a tap anywhere too: touch screens have no keys. */
        if (click && hit == NULL && !tui_any_key_closes(&ui))
            continue;
        if (too_small())
            continue;
        dirty = true;
        ui.now_ms = clock_now_ms();
        struct action a = click ? tui_click_action(&ui, hit) : tui_key_action(&ui, &ev);
        if (tui_apply(&ui, a))
            break;
        if (ui.line_mode && !run_line_mode(&ui))
            break; /* stopped on purpose (status 0), or the terminal has gone */
    }
    tui_speech_wipe(&ui);
    term_stop();
    vt_lock_stop();
    tui_state_free(&ui);
    return status;
}
