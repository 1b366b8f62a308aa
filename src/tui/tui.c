/* tui: the main loop. Each pass draws one frame from the state (curses
 * then sends only what changed), waits for a key, and hands it to the
 * screen or overlay on top. */
#include "musclecheck/tui.h"

#include "musclecheck/tui_screens.h"
#include "musclecheck/tui_term.h"
#include "musclecheck/tui_theme.h"
#include "musclecheck/tui_widgets.h"

#include <stdio.h>
#include <sysexits.h>

/* How long a key wait lasts before the loop looks at signals again. Nothing
 * is drawn when it expires, so this costs no output. */
enum { KEY_WAIT_MS = 500 };

static bool too_small(void)
{
    return COLS < TUI_MIN_COLS || LINES < TUI_MIN_ROWS;
}

static void draw(struct tui *ui)
{
    erase();
    ui->hit_count = 0;
    if (too_small()) {
        screen_small_draw(ui);
        refresh();
        return;
    }
    switch (ui->screen) {
    case SCREEN_WELCOME: screen_welcome_draw(ui); break;
    case SCREEN_QUESTION: screen_question_draw(ui); break;
    case SCREEN_RED_FLAG: screen_red_flag_draw(ui); break;
    case SCREEN_RESULTS:
    case SCREEN_TABLE: screen_results_draw(ui); break;
    }
    if (ui->overlay != OVERLAY_NONE) {
        ui->hit_count = 0; /* only the overlay's buttons can be clicked */
        if (ui->overlay == OVERLAY_HELP)
            overlay_help_draw(ui);
        else
            overlay_quit_draw(ui);
    }
    refresh();
}

static enum step dispatch(struct tui *ui, int key)
{
    switch (ui->overlay) {
    case OVERLAY_HELP: return overlay_help_key(ui, key);
    case OVERLAY_QUIT: return overlay_quit_key(ui, key);
    case OVERLAY_NONE: break;
    }
    switch (ui->screen) {
    case SCREEN_WELCOME: return screen_welcome_key(ui, key);
    case SCREEN_QUESTION: return screen_question_key(ui, key);
    case SCREEN_RED_FLAG: return screen_red_flag_key(ui, key);
    case SCREEN_RESULTS:
    case SCREEN_TABLE: return screen_results_key(ui, key);
    }
    return STEP_CONTINUE;
}

void tui_go_welcome(struct tui *ui)
{
    report_free(ui->report);
    ui->report = NULL;
    session_reset(ui->session);
    ui->screen = SCREEN_WELCOME;
    ui->overlay = OVERLAY_NONE;
    ui->focus = 0;
    ui->scroll = 0;
}

void tui_ask_quit(struct tui *ui)
{
    ui->overlay = OVERLAY_QUIT;
    ui->overlay_focus = 1;
}

bool tui_go_results(struct tui *ui)
{
    struct report *r = report_new(ui->session);
    if (r == NULL)
        return false;
    report_free(ui->report);
    ui->report = r;
    ui->screen = SCREEN_RESULTS;
    ui->focus = 1; /* "Comparison table": a stray Enter must not wipe the results */
    ui->scroll = 0;
    return true;
}

int tui_run(const struct survey *s, const struct tui_options *opts)
{
    struct tui ui = {.survey = s, .high_contrast = opts->high_contrast};
    ui.session = session_new(s);
    if (ui.session == NULL) {
        fputs("musclecheck: out of memory\n", stderr);
        return EX_OSERR;
    }
    const char *why = NULL;
    if (term_start(&why) != 0) {
        term_stop();
        fprintf(stderr, "musclecheck: %s\n", why);
        session_free(ui.session);
        return EX_UNAVAILABLE;
    }
    theme_init(term_colour(), opts->high_contrast);
    tui_go_welcome(&ui);
    int status = 0;
    bool dirty = true;
    for (;;) {
        if (dirty)
            draw(&ui);
        dirty = false;
        int mouse_y = 0, mouse_x = 0;
        int key = term_read_key(KEY_WAIT_MS, &mouse_y, &mouse_x);
        if (key == TERM_KEY_SIGNAL) {
            status = 128 + term_signal();
            break;
        }
        if (key == TERM_KEY_NONE)
            continue;
        if (key == KEY_RESIZE) {
            /* Terminals differ in what they keep of the old contents (a quick
             * shrink and grow can leave curses' size unchanged but the screen
             * wiped), so repaint it all: a resize is rare, a garbled screen
             * is not acceptable. */
            clearok(curscr, TRUE);
            dirty = true;
            continue;
        }
        if (key == KEY_MOUSE) {
            const struct hitbox *hit = widget_hit(&ui, mouse_y, mouse_x);
            if (hit == NULL)
                continue;
            key = hit->key;
        }
        if (too_small())
            continue;
        dirty = true;
        if (dispatch(&ui, key) == STEP_QUIT)
            break;
    }
    term_stop();
    report_free(ui.report);
    session_free(ui.session);
    return status;
}
