/* SPDX-License-Identifier: MIT */
/* screen_results: the report (and, as a second view, the comparison
 * table) in a scrolling area, with start-again / table / quit buttons. */
#include "musclecheck/tui_doc.h"
#include "musclecheck/tui_screens.h"
#include "musclecheck/tui_widgets.h"

#include "musclecheck/wrap.h"

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
    b[n++] = (struct button){survey_ui(s, ui->kiosk ? UI_FINISH : UI_START_AGAIN), 'r', false};
    b[n++] = (struct button){
        survey_ui(s, ui->screen == SCREEN_TABLE ? UI_BACK_TO_RESULTS : UI_SHOW_TABLE), 't', false};
    if (!ui->kiosk)
        b[n++] = (struct button){survey_ui(s, UI_SAVE_SUMMARY), 's', false};
    else if (ui->print_command != NULL)
        b[n++] = (struct button){survey_ui(s, UI_PRINT), 'p', false};
    if (!ui->kiosk)
        b[n++] = (struct button){survey_ui(s, UI_QUIT), 'q', false};
    return n;
}

static void draw_score(const struct tui *ui, const struct doc *d, const struct doc_line *l, int y,
                       int x, int w)
{
    const struct survey *s = ui->survey;
    const struct report_result *res = &ui->report->results[l->result];
    const struct condition *c = survey_condition(s, res->score.condition);
    const struct band *b = survey_band(s, res->score.band);
    char label[256];
    if (res->score.thin_evidence)
        snprintf(label, sizeof(label), "%s (%s)", b->label, survey_ui(s, UI_TOO_FEW_ANSWERS));
    else
        snprintf(label, sizeof(label), "%s", b->label);
    char rank[16];
    snprintf(rank, sizeof(rank), "%zu. ", l->result + 1);
    int rank_w = (int)strlen(rank);
    attron(theme_attr(ROLE_NORMAL));
    mvaddstr(y, x, rank);
    attroff(theme_attr(ROLE_NORMAL));
    widget_text(y, x + rank_w, d->name_width, 1, c->name, res->flagged ? ROLE_TITLE : ROLE_NORMAL);
    int bar_x = x + rank_w + d->name_width + 2;
    int band_w = wrap_width(label, strlen(label));
    int bar_w = w - (bar_x - x) - 7 - band_w;
    if (bar_w > 30)
        bar_w = 30;
    if (bar_w >= 5)
        widget_score_bar(y, bar_x, bar_w, res->score.score, l->role);
    else
        bar_w = -1;
    char pct[16];
    snprintf(pct, sizeof(pct), "%3d%%", res->score.score);
    mvaddstr(y, bar_x + bar_w + 1, pct);
    widget_text(y, bar_x + bar_w + 7, w - (bar_x + bar_w + 7 - x), 1, label, l->role);
}

static void draw_line(const struct tui *ui, const struct doc *d, const struct doc_line *l, int y,
                      int x, int w)
{
    if (l->kind == DOC_SCORE) {
        draw_score(ui, d, l, y, x, w);
        return;
    }
    attr_t attr = theme_attr(l->role);
    attron(attr);
    if (l->kind == DOC_BANNER)
        mvhline(y, x, ' ', w);
    if (l->text != NULL)
        mvaddstr(y, x + l->indent, l->text);
    attroff(attr);
}

void screen_results_draw(struct tui *ui)
{
    const struct survey *s = ui->survey;
    int x, w;
    widget_content(&x, &w);
    if (ui->screen == SCREEN_TABLE) {
        /* The table may use the whole window: wide windows show it on fewer lines. */
        x = 1;
        w = COLS - 2;
    }
    widget_header(survey_text(s, SURVEY_TITLE), survey_ui(s, UI_RESULTS_TITLE));
    struct doc d;
    if (ui->screen == SCREEN_TABLE)
        doc_table(&d, s, w);
    else
        doc_results(&d, s, ui->report, w);

    int button_h = LINES >= 30 || (ui->big_buttons && LINES >= 20) ? 3 : 1;
    int top = 3, bottom = LINES - 2 - button_h; /* viewport rows [top, bottom) */
    int page = bottom - top;
    int max_scroll = (int)d.count > page ? (int)d.count - page : 0;
    if (ui->scroll > max_scroll)
        ui->scroll = max_scroll;
    if (ui->scroll < 0)
        ui->scroll = 0;
    ui->page = page;
    ui->doc_lines = (int)d.count;
    for (int row = 0; row < page && (size_t)(ui->scroll + row) < d.count; row++)
        draw_line(ui, &d, &d.lines[ui->scroll + row], top + row, x, w);
    if (ui->scroll < max_scroll) {
        const char *more = survey_ui(s, UI_MORE_BELOW);
        int more_w = wrap_width(more, strlen(more));
        move(bottom, 0);
        clrtoeol();
        widget_text(bottom, COLS - more_w - 2 > 0 ? COLS - more_w - 2 : 0, COLS - 1, 1, more,
                    ROLE_DIM);
    }
    doc_free(&d);

    struct button buttons[MAX_BUTTONS];
    int count = results_buttons(ui, buttons);
    if (ui->focus >= count)
        ui->focus = 0;
    widget_buttons(ui, LINES - 1 - button_h, buttons, count, ui->focus, button_h);
    widget_keys(survey_ui(s, UI_KEYS_RESULTS));
}

enum step screen_results_key(struct tui *ui, int key)
{
    int page = ui->page > 1 ? ui->page - 1 : 1;
    struct button buttons[MAX_BUTTONS];
    int count = results_buttons(ui, buttons);
    switch (key) {
    case KEY_UP: ui->scroll--; break;
    case KEY_DOWN: ui->scroll++; break;
    case KEY_PPAGE: ui->scroll -= page; break;
    case KEY_NPAGE: ui->scroll += page; break;
    case KEY_HOME: ui->scroll = 0; break;
    case KEY_END: ui->scroll = ui->doc_lines; break; /* clamped when drawn */
    case '\t':
    case KEY_RIGHT: ui->focus = (ui->focus + 1) % count; break;
    case KEY_BTAB:
    case KEY_LEFT: ui->focus = (ui->focus + count - 1) % count; break;
    case 's':
    case 'S':
        if (!ui->kiosk)
            tui_save_start(ui);
        break;
    case 'p':
    case 'P': tui_print(ui); break;
    case 'r':
    case 'R':
        if (ui->kiosk)
            tui_ask_quit(ui); /* "start over?" first: a stray tap must not wipe the results */
        else
            tui_go_welcome(ui);
        break;
    case 't':
    case 'T':
        ui->screen = ui->screen == SCREEN_TABLE ? SCREEN_RESULTS : SCREEN_TABLE;
        ui->scroll = 0;
        break;
    default:
        if (IS_ENTER(key))
            return screen_results_key(ui, buttons[ui->focus < count ? ui->focus : 0].key);
        if (IS_QUIT(key))
            tui_ask_quit(ui);
        break;
    }
    return STEP_CONTINUE;
}
