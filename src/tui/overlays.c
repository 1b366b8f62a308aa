/* SPDX-License-Identifier: MIT */
/* overlays: the help box and the quit confirmation, drawn over a screen. */
#include "keymap.h"
#include "screens.h"
#include "widgets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void overlay_help_draw(const struct tui *ui, struct hits *hits)
{
    (void)hits;
    const struct survey *s = ui->survey;
    const char *help = NULL;
    if (ui->screen == SCREEN_QUESTION)
        help = survey_question(s, flow_question(ui->flow))->help;
    char *text = NULL;
    if (asprintf(&text, "%s%s%s\n\n%s", help != NULL ? survey_ui(s, UI_WHY) : "",
                 help != NULL ? ": " : "", help != NULL ? help : "",
                 survey_ui(s, UI_HELP_KEYS)) < 0)
        return;
    const char *body = help != NULL ? text : text + 2; /* no blank lines without a help text */
    int y, x, w;
    int h = widget_text_height(body, widget_box_text_width()) + 4;
    widget_box(h, &y, &x, &w);
    widget_text(y, x, w, 1, survey_ui(s, UI_HELP_TITLE), ROLE_TITLE);
    int max = LINES - 2 - y - 3;
    widget_text(y + 2, x, w, max, body, ROLE_NORMAL);
    widget_text(y + 2 + (h - 4 < max ? h - 4 : max) + 1, x, w, 1, survey_ui(s, UI_PRESS_ANY_KEY),
                ROLE_DIM);
    free(text);
}

void overlay_quit_draw(const struct tui *ui, struct hits *hits)
{
    const struct survey *s = ui->survey;
    const char *question = survey_ui(s, ui->kiosk ? UI_START_OVER_CONFIRM : UI_QUIT_CONFIRM);
    int y, x, w;
    widget_box(widget_text_height(question, widget_box_text_width()) + 2, &y, &x, &w);
    int used = widget_text(y, x, w, LINES - 4, question, ROLE_TITLE);
    const struct button buttons[] = {{survey_ui(s, UI_YES), keymap_key(CMD_YES), false},
                                     {survey_ui(s, UI_NO), keymap_key(CMD_NO), false}};
    widget_buttons(hits, ui->big_buttons, y + used + 1, buttons, 2, ui->overlay_focus, 1);
}

struct action overlay_quit_key(const struct tui *ui, int key)
{
    if (keymap_is(key, CMD_YES))
        /* In a kiosk, quitting means starting over for the next patient. */
        return ACTION(ui->kiosk ? ACT_WIPE : ACT_QUIT);
    if (keymap_is(key, CMD_NO) || keymap_is(key, CMD_CANCEL) || keymap_is(key, CMD_QUIT))
        return ACTION(ACT_CLOSE);
    if (keymap_is(key, CMD_LEFT) || keymap_is(key, CMD_RIGHT) || keymap_is(key, CMD_NEXT) ||
        keymap_is(key, CMD_PREV))
        return ACTION_ARG(ACT_OVERLAY_FOCUS, ui->overlay_focus ^ 1);
    if (keymap_is(key, CMD_CHOOSE))
        return overlay_quit_key(ui, keymap_key(ui->overlay_focus == 0 ? CMD_YES : CMD_NO));
    return ACTION(ACT_NONE);
}

void screen_small_draw(const struct tui *ui)
{
    char cols[16], rows[16];
    snprintf(cols, sizeof(cols), "%d", TUI_MIN_COLS);
    snprintf(rows, sizeof(rows), "%d", TUI_MIN_ROWS);
    const char *vars[] = {"cols", cols, "rows", rows, NULL};
    char *text = uistr_expand(survey_ui(ui->survey, UI_TOO_SMALL), vars);
    if (text != NULL)
        widget_text(0, 0, COLS, LINES, text, ROLE_TITLE);
    free(text);
}
