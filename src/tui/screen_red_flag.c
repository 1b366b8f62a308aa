/* SPDX-License-Identifier: MIT */
/* screen_red_flag: urgent advice, shown the moment a red-flag question is
 * answered yes, before anything else. */
#include "musclecheck/tui_screens.h"
#include "musclecheck/tui_widgets.h"

enum { BUTTON_RESULTS, BUTTON_STOP, BUTTON_COUNT };

void screen_red_flag_draw(struct tui *ui)
{
    const struct survey *s = ui->survey;
    const struct question *q = survey_question(s, ui->red_flag);
    int x, w;
    widget_content(&x, &w);
    /* The whole top of the screen is the warning: strong colour, and reverse
     * video without colour, so it cannot be missed. */
    attr_t urgent = theme_attr(ROLE_URGENT);
    int button_h = widget_button_height(ui);
    int band_end = LINES - 3 - button_h;
    attron(urgent);
    for (int row = 0; row < band_end; row++)
        mvhline(row, 0, ' ', COLS);
    attroff(urgent);
    int y = 1;
    widget_centered(y, survey_ui(s, UI_URGENT_TITLE), ROLE_URGENT);
    y += 2;
    if (ui->kiosk)
        y += widget_text(y, x, w, band_end - y - 1, survey_ui(s, UI_KIOSK_URGENT), ROLE_URGENT) + 1;
    y += widget_text(y, x, w, band_end - y - 1, q->red_flag, ROLE_URGENT) + 1;
    if (y < band_end - 1)
        widget_text(y, x, w, band_end - 1 - y, survey_ui(s, UI_URGENT_OVERRIDES), ROLE_URGENT);
    const struct button buttons[BUTTON_COUNT] = {
        {survey_ui(s, UI_SEE_RESULTS), 'r', false},
        {survey_ui(s, UI_STOP), 's', false},
    };
    /* A kiosk has nothing to stop to: the screen stays until a key is pressed. */
    widget_buttons(ui, LINES - 2 - button_h, buttons, ui->kiosk ? 1 : BUTTON_COUNT, ui->focus,
                   button_h);
    widget_keys(survey_ui(s, ui->kiosk ? UI_KIOSK_URGENT_KEY : UI_KEYS_RED_FLAG));
}

enum step screen_red_flag_key(struct tui *ui, int key)
{
    if (ui->kiosk) {
        tui_go_results(ui);
        return STEP_CONTINUE;
    }
    switch (key) {
    case KEY_LEFT:
    case KEY_RIGHT:
    case KEY_UP:
    case KEY_DOWN:
    case '\t':
    case KEY_BTAB: ui->focus = (ui->focus + 1) % BUTTON_COUNT; break;
    case 'r':
    case 'R': tui_go_results(ui); break;
    case 's':
    case 'S': return STEP_QUIT;
    default:
        if (IS_ENTER(key))
            return screen_red_flag_key(ui, ui->focus == BUTTON_RESULTS ? 'r' : 's');
        if (IS_QUIT(key))
            tui_ask_quit(ui);
        break;
    }
    return STEP_CONTINUE;
}
