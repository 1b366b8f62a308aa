/* SPDX-License-Identifier: MIT */
/* screen_red_flag: urgent advice, shown the moment an emergency question is
 * answered yes, before anything else. */
#include "keymap.h"
#include "screens.h"
#include "widgets.h"

#include <assert.h>

enum { BUTTON_RESULTS, BUTTON_STOP, BUTTON_COUNT };
enum { TEXT_TOP = 3, MAX_BLOCKS = 2 + TUI_MAX_KEPT_ADVICE + 16 };

/* The screen's layout at this size: its paragraphs (the advice), the rows,
 * width and column they have, the height of its buttons and the row the
 * band of colour ends on. */
struct layout {
    struct text_block block[MAX_BLOCKS];
    int blocks;
    int x, width, rows;
    int button_h, buttons_h, band_end;
    const char *title; /* says what to do (an ambulance or A&E), or NULL */
    const char *keys;
};

static void layout(const struct tui *ui, const struct button *buttons, int count, struct layout *l)
{
    const struct survey *s = ui->survey;
    l->blocks = 0;
    if (ui->kiosk)
        l->block[l->blocks++] = (struct text_block){survey_ui(s, UI_KIOSK_URGENT), ROLE_URGENT};
    /* The results document's title and emergency advice (or, once the
     * answers are wiped, those kept for staff), then why the rest waits. */
    const struct results_doc *d = ui->results;
    l->title = ui->kept_title;
    for (size_t p = 0; d != NULL && p < d->part_count && l->title == NULL; p++)
        if (d->parts[p].section == RDOC_URGENT && d->parts[p].count > 0)
            l->title = d->blocks[d->parts[p].first].text;
    for (size_t i = 0; i < ui->kept_advice_count && l->blocks < MAX_BLOCKS - 1; i++)
        l->block[l->blocks++] = (struct text_block){ui->kept_advice[i], ROLE_URGENT};
    for (size_t p = 0; d != NULL && p < d->part_count; p++) {
        if (d->parts[p].section != RDOC_URGENT)
            continue;
        for (size_t i = d->parts[p].first; i < d->parts[p].first + d->parts[p].count; i++) {
            const struct rdoc_block *bl = &d->blocks[i];
            if (bl->style == RDOC_WARNING && bl->kind == RDOC_ITEM && l->blocks < MAX_BLOCKS - 1)
                l->block[l->blocks++] = (struct text_block){bl->text, ROLE_URGENT};
        }
    }
    l->block[l->blocks++] = (struct text_block){survey_ui(s, UI_URGENT_OVERRIDES), ROLE_URGENT};
    widget_content(&l->x, &l->width);
    l->keys = survey_ui(s, ui->kiosk ? UI_KIOSK_URGENT_KEY : UI_KEYS_RED_FLAG);
    /* Boxed buttons when the advice fits with them; else one-row buttons,
     * so that more of it shows at once. */
    int text_h = widget_blocks_height(l->block, l->blocks, l->width);
    l->button_h = widget_button_height(ui);
    for (;;) {
        l->buttons_h = l->button_h * widget_button_rows(buttons, count, ui->big_buttons);
        l->band_end = LINES - 2 - widget_keys_height(l->keys) - l->buttons_h;
        l->rows = l->band_end - 1 - TEXT_TOP;
        if (l->button_h == 1 || text_h <= l->rows)
            break;
        l->button_h = 1;
    }
}

/* The buttons: a kiosk has nothing to stop to, the screen stays until a
 * key is pressed. Returns how many there are. */
static int make_buttons(const struct tui *ui, struct button buttons[BUTTON_COUNT])
{
    buttons[BUTTON_RESULTS] =
        (struct button){.label = survey_ui(ui->survey, UI_SEE_RESULTS), .cmd = CMD_RESULTS};
    buttons[BUTTON_STOP] =
        (struct button){.label = survey_ui(ui->survey, UI_STOP), .cmd = CMD_STOP};
    return ui->kiosk ? 1 : BUTTON_COUNT;
}

void screen_red_flag_draw(const struct tui *ui, struct hits *hits)
{
    const struct survey *s = ui->survey;
    struct button buttons[BUTTON_COUNT];
    int count = make_buttons(ui, buttons);
    struct layout l;
    layout(ui, buttons, count, &l);
    /* The whole top of the screen is the warning: strong colour, and reverse
     * video without colour, so it cannot be missed. */
    attr_t urgent = theme_attr(ROLE_URGENT);
    attron(urgent);
    for (int row = 0; row < l.band_end; row++)
        mvhline(row, 0, ' ', COLS);
    attroff(urgent);
    if (l.title != NULL) /* the attention, until a button has the focus */
        widget_attention(hits, 1, widget_centered(1, l.title, ROLE_URGENT));
    /* Safety text is never cut: what does not fit is paged with PgDn. */
    widget_pages(hits, TEXT_TOP, l.x, l.width, l.rows, l.block, l.blocks, ui->scroll,
                 survey_ui(s, UI_MORE_TEXT_BELOW), survey_ui(s, UI_MORE_TEXT_ABOVE));
    widget_buttons(hits, ui->big_buttons, l.band_end + 1, buttons, count, ui->focus, l.button_h);
    widget_keys_wrapped(l.keys);
}

struct action screen_red_flag_command(const struct tui *ui, enum command cmd)
{
    if (cmd == CMD_PAGE_UP || cmd == CMD_PAGE_DOWN) {
        /* Paging is not the "any key" of a kiosk: it reads the advice. */
        struct button buttons[BUTTON_COUNT];
        struct layout l;
        layout(ui, buttons, make_buttons(ui, buttons), &l);
        if (widget_blocks_height(l.block, l.blocks, l.width) > l.rows)
            return ACTION_ARG(ACT_SCROLL_TO,
                              widget_page_turn(l.block, l.blocks, l.width, l.rows, ui->scroll,
                                               cmd == CMD_PAGE_UP ? -1 : 1));
    }
    if (ui->red_flag_stale)
        return ACTION(ACT_WIPE); /* the answers are gone: on to the next patient */
    if (ui->kiosk)
        return ACTION(ACT_RESULTS); /* any key, once staff have seen it */
    switch (cmd) {
    case CMD_LEFT:
    case CMD_RIGHT:
    case CMD_UP:
    case CMD_DOWN:
    case CMD_NEXT:
    case CMD_PREV: return ACTION_ARG(ACT_FOCUS, (ui->focus + 1) % BUTTON_COUNT);
    case CMD_RESULTS: return ACTION(ACT_RESULTS);
    case CMD_STOP: return ACTION(ACT_QUIT);
    case CMD_CHOOSE:
        assert(ui->focus >= 0 && ui->focus < BUTTON_COUNT);
        return ACTION(ui->focus == BUTTON_RESULTS ? ACT_RESULTS : ACT_QUIT);
    case CMD_HELP: return ACTION(ACT_HELP);
    case CMD_QUIT:
    case CMD_CANCEL: return ACTION(ACT_ASK_QUIT);
    default: return ACTION(ACT_NONE);
    }
}

struct action screen_red_flag_key(const struct tui *ui, const struct keydec_event *ev)
{
    /* "r" is the letter of "start again" too, which this screen lacks. */
    return screen_red_flag_command(ui, keymap_prefer(keymap_command(ev), CMD_RESULTS));
}
