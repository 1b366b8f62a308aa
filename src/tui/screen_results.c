/* SPDX-License-Identifier: MIT */
/* screen_results: the results document (and, as a second view, the
 * comparison table) in a scrolling area, with start-again / table / summary
 * / quit buttons. */
#include "keymap.h"
#include "screens.h"
#include "widgets.h"

#include "musclecheck/wrap.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

enum { MAX_BUTTONS = 4 };

/* The buttons under the results: start again (or, in a kiosk, finish), the
 * other view, the summary (save it, or print it in a kiosk that has a
 * printer), and quit. Returns how many there are. */
static int results_buttons(const struct tui *ui, struct button *b)
{
    const struct survey *s = ui->survey;
    int n = 0;
    b[n++] = (struct button){.label = survey_ui(s, ui->kiosk ? UI_FINISH : UI_START_AGAIN),
                             .cmd = CMD_AGAIN};
    b[n++] = (struct button){
        .label = survey_ui(s, ui->screen == SCREEN_TABLE ? UI_BACK_TO_RESULTS : UI_SHOW_TABLE),
        .cmd = CMD_TABLE};
    if (!ui->kiosk)
        b[n++] = (struct button){.label = survey_ui(s, UI_SAVE_SUMMARY), .cmd = CMD_SAVE};
    else if (ui->print_command != NULL)
        b[n++] = (struct button){.label = survey_ui(s, UI_PRINT), .cmd = CMD_PRINT};
    if (!ui->kiosk)
        b[n++] = (struct button){.label = survey_ui(s, UI_QUIT), .cmd = CMD_QUIT};
    return n;
}

int screen_results_button_count(const struct tui *ui)
{
    struct button b[MAX_BUTTONS];
    return results_buttons(ui, b);
}

const char *screen_results_button_label(const struct tui *ui, int focus)
{
    struct button b[MAX_BUTTONS];
    int count = results_buttons(ui, b);
    return focus >= 0 && focus < count ? b[focus].label : NULL;
}

/* The height of one button: boxed when there is room or touch-sized
 * buttons are wanted. */
static int button_height(const struct tui *ui)
{
    return LINES >= 30 || (ui->big_buttons && LINES >= 20) ? 3 : 1;
}

void screen_results_geometry(const struct tui *ui, int *top, int *rows, int *buttons_h)
{
    struct button b[MAX_BUTTONS];
    int count = results_buttons(ui, b);
    /* In a narrow window the buttons take two rows or more: all of them
     * stay on the screen, and the results get what is left. */
    *buttons_h = button_height(ui) * widget_button_rows(b, count, ui->big_buttons);
    *top = 3;
    *rows = LINES - 2 - *buttons_h - *top;
}

static enum role tone_role(enum rdoc_tone tone)
{
    switch (tone) {
    case RDOC_TONE_LOW: return ROLE_BAND_LOW;
    case RDOC_TONE_MID: return ROLE_BAND_MID;
    case RDOC_TONE_HIGH: return ROLE_BAND_HIGH;
    }
    return ROLE_NORMAL;
}

/* "1. Name  [####......]  Likely": the bar shows the band, as the word
 * does, and no number that would read as a measured certainty. */
static void draw_score(const struct doc *d, const struct doc_line *l, int y, int x, int w)
{
    const struct rdoc_rank *rk = &l->rank;
    enum role role = tone_role(l->tone);
    char rank[16];
    snprintf(rank, sizeof(rank), "%zu. ", rk->rank);
    int rank_w = (int)strlen(rank);
    attron(theme_attr(ROLE_NORMAL));
    mvaddstr(y, x, rank);
    attroff(theme_attr(ROLE_NORMAL));
    widget_text(y, x + rank_w, d->name_width, 1, rk->name, rk->flagged ? ROLE_TITLE : ROLE_NORMAL);
    int bar_x = x + rank_w + d->name_width + 2;
    int band_w = wrap_width(rk->band_label, strlen(rk->band_label));
    int bar_w = w - (bar_x - x) - 2 - band_w;
    if (bar_w > 20)
        bar_w = 20;
    /* Empty for the first band, full for the last; no bar where the
     * document gives no band ("to be checked", "not assessed"). */
    int fill = rk->band_count > 1 ? (int)(100 * rk->band / (rk->band_count - 1)) : 0;
    if (bar_w >= 5 && rk->status == REPORT_RANKED)
        widget_score_bar(y, bar_x, bar_w, fill, role);
    else
        bar_w = -1;
    widget_text(y, bar_x + bar_w + 2, w - (bar_x + bar_w + 2 - x), 1, rk->band_label, role);
}

static void draw_line(const struct doc *d, const struct doc_line *l, int y, int x, int w)
{
    if (l->kind == DOC_SCORE) {
        draw_score(d, l, y, x, w);
        return;
    }
    attr_t attr = theme_attr(l->role);
    attron(attr);
    if (l->kind == DOC_BANNER)
        mvhline(y, x, ' ', w);
    if (l->text != NULL)
        widget_put(y, x + l->indent, l->text, strlen(l->text));
    attroff(attr);
}

void screen_results_draw(const struct tui *ui, struct hits *hits)
{
    const struct survey *s = ui->survey;
    int x, w;
    screen_results_area(ui->screen, &x, &w);
    widget_header(survey_text(s, SURVEY_TITLE), survey_ui(s, UI_RESULTS_TITLE));
    const struct doc *d = &ui->view.doc;
    int top, page, buttons_h;
    screen_results_geometry(ui, &top, &page, &buttons_h);
    widget_attention(hits, top, x); /* the results, until a button has the focus */
    for (int row = 0; row < page && (size_t)(ui->scroll + row) < d->count; row++)
        draw_line(d, &d->lines[ui->scroll + row], top + row, x, w);
    if ((size_t)(ui->scroll + page) < d->count) {
        const char *more = survey_ui(s, UI_MORE_BELOW);
        int more_w = wrap_width(more, strlen(more));
        int bottom = top + page;
        move(bottom, 0);
        clrtoeol();
        int more_x = COLS - more_w - 2 > 0 ? COLS - more_w - 2 : 0;
        widget_text(bottom, more_x, COLS - 1, 1, more, ROLE_DIM);
        /* A touch screen has no Down key: a tap on the hint turns the page. */
        struct button page_down = {.label = more, .cmd = CMD_PAGE_DOWN};
        widget_hitbox(hits, bottom, more_x, 1, COLS - more_x, &page_down);
    }
    struct button buttons[MAX_BUTTONS];
    int count = results_buttons(ui, buttons);
    widget_buttons(hits, ui->big_buttons, LINES - 1 - buttons_h, buttons, count, ui->focus,
                   button_height(ui));
    widget_keys(survey_ui(s, ui->kiosk ? UI_KEYS_RESULTS_KIOSK : UI_KEYS_RESULTS));
}

/* The area the view is laid out for: the reading column for the results;
 * the whole window for the table, so wide windows show it on fewer lines. */
void screen_results_area(enum screen_id screen, int *x, int *w)
{
    widget_content(x, w);
    if (screen == SCREEN_TABLE) {
        *x = 1;
        *w = COLS - 2;
    }
}

struct action screen_results_button(const struct tui *ui, int focus)
{
    struct button buttons[MAX_BUTTONS];
    int count = results_buttons(ui, buttons);
    assert(focus >= 0 && focus < count);
    (void)count; /* NDEBUG */
    return screen_results_command(ui, buttons[focus].cmd);
}

struct action screen_results_command(const struct tui *ui, enum command cmd)
{
    int step = ui->page > 1 ? ui->page - 1 : 1;
    int count = screen_results_button_count(ui);
    switch (cmd) {
    case CMD_UP: return ACTION_ARG(ACT_SCROLL, -1);
    case CMD_DOWN: return ACTION_ARG(ACT_SCROLL, 1);
    case CMD_PAGE_UP: return ACTION_ARG(ACT_SCROLL, -step);
    case CMD_PAGE_DOWN: return ACTION_ARG(ACT_SCROLL, step);
    case CMD_TOP: return ACTION_ARG(ACT_SCROLL_TO, 0);
    case CMD_BOTTOM: return ACTION_ARG(ACT_SCROLL_TO, (int)ui->view.doc.count);
    case CMD_NEXT:
    case CMD_RIGHT: return ACTION_ARG(ACT_FOCUS, (ui->focus + 1) % count);
    case CMD_PREV:
    case CMD_LEFT: return ACTION_ARG(ACT_FOCUS, (ui->focus + count - 1) % count);
    case CMD_SAVE: return ACTION(ui->kiosk ? ACT_NONE : ACT_SAVE_OPEN);
    case CMD_PRINT: return ACTION(ui->kiosk && ui->print_command != NULL ? ACT_PRINT : ACT_NONE);
    case CMD_AGAIN:
        /* A kiosk asks "start over?" first: a stray tap must not wipe the results. */
        return ACTION(ui->kiosk ? ACT_ASK_QUIT : ACT_START_AGAIN);
    case CMD_TABLE: return ACTION(ACT_TOGGLE_TABLE);
    case CMD_HELP: return ACTION(ACT_HELP);
    case CMD_CHOOSE: return screen_results_button(ui, ui->focus);
    case CMD_QUIT:
    case CMD_CANCEL: return ACTION(ACT_ASK_QUIT);
    default: return ACTION(ACT_NONE);
    }
}

struct action screen_results_key(const struct tui *ui, const struct keydec_event *ev)
{
    /* "s" is the letter of "stop" too, which this screen lacks. */
    return screen_results_command(ui, keymap_prefer(keymap_command(ev), CMD_SAVE));
}
