/* SPDX-License-Identifier: MIT */
/* screen_red_flag: urgent advice, shown the moment an emergency question is
 * answered yes, before anything else. */
#include "keymap.h"
#include "screens.h"
#include "widgets.h"

#include <assert.h>

enum { BUTTON_RESULTS, BUTTON_STOP, BUTTON_COUNT };

void screen_red_flag_draw(const struct tui *ui, struct hits *hits)
{
    const struct survey *s = ui->survey;
    int x, w;
    widget_content(&x, &w);
    /* The whole top of the screen is the warning: strong colour, and reverse
     * video without colour, so it cannot be missed. */
    attr_t urgent = theme_attr(ROLE_URGENT);
    const struct button buttons[BUTTON_COUNT] = {
        {.label = survey_ui(s, UI_SEE_RESULTS), .cmd = CMD_RESULTS},
        {.label = survey_ui(s, UI_STOP), .cmd = CMD_STOP},
    };
    /* A kiosk has nothing to stop to: the screen stays until a key is pressed. */
    int count = ui->kiosk ? 1 : BUTTON_COUNT;
    int button_h = widget_button_height(ui);
    int buttons_h = button_h * widget_button_rows(buttons, count, ui->big_buttons);
    int band_end = LINES - 3 - buttons_h;
    attron(urgent);
    for (int row = 0; row < band_end; row++)
        mvhline(row, 0, ' ', COLS);
    attroff(urgent);
    /* The results document's title says what to do (an ambulance or A&E);
     * once the answers are wiped, the title kept for staff. */
    const struct results_doc *d = ui->results;
    const char *title = ui->kept_title;
    for (size_t p = 0; d != NULL && p < d->part_count && title == NULL; p++)
        if (d->parts[p].section == RDOC_URGENT && d->parts[p].count > 0)
            title = d->blocks[d->parts[p].first].text;
    int y = 1;
    if (title != NULL) /* the attention, until a button has the focus */
        widget_attention(hits, y, widget_centered(y, title, ROLE_URGENT));
    y += 2;
    if (ui->kiosk)
        y += widget_text(y, x, w, band_end - y - 1, survey_ui(s, UI_KIOSK_URGENT), ROLE_URGENT) + 1;
    /* The emergency advice of the results document (or, once the answers
     * are wiped, the advice kept for staff), then why the rest waits. */
    for (size_t i = 0; i < ui->kept_advice_count && y < band_end - 1; i++)
        y += widget_text(y, x, w, band_end - y - 1, ui->kept_advice[i], ROLE_URGENT) + 1;
    for (size_t p = 0; d != NULL && p < d->part_count; p++) {
        if (d->parts[p].section != RDOC_URGENT)
            continue;
        for (size_t i = d->parts[p].first; i < d->parts[p].first + d->parts[p].count; i++) {
            const struct rdoc_block *bl = &d->blocks[i];
            if (bl->style == RDOC_WARNING && bl->kind == RDOC_ITEM && y < band_end - 1)
                y += widget_text(y, x, w, band_end - y - 1, bl->text, ROLE_URGENT) + 1;
        }
    }
    if (y < band_end - 1)
        widget_text(y, x, w, band_end - 1 - y, survey_ui(s, UI_URGENT_OVERRIDES), ROLE_URGENT);
    widget_buttons(hits, ui->big_buttons, LINES - 2 - buttons_h, buttons, count, ui->focus,
                   button_h);
    widget_keys(survey_ui(s, ui->kiosk ? UI_KIOSK_URGENT_KEY : UI_KEYS_RED_FLAG));
}

struct action screen_red_flag_command(const struct tui *ui, enum command cmd)
{
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
