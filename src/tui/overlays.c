/* SPDX-License-Identifier: MIT */
/* overlays: the help box and the quit confirmation, drawn over a screen. */
#include "keymap.h"
#include "screens.h"
#include "widgets.h"

#include "musclecheck/wipe.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void overlay_help_draw(const struct tui *ui, struct hits *hits)
{
    const struct survey *s = ui->survey;
    const char *help = NULL;
    if (ui->screen == SCREEN_QUESTION)
        help = survey_question(s, flow_question(ui->flow))->help;
    char *text =
        wipe_printf("%s%s%s\n\n%s", help != NULL ? survey_ui(s, UI_WHY) : "",
                    help != NULL ? ": " : "", help != NULL ? help : "", survey_ui(s, UI_HELP_KEYS));
    if (text == NULL)
        return;
    const char *body = help != NULL ? text : text + 2; /* no blank lines without a help text */
    int y, x, w;
    int h = widget_text_height(body, widget_box_text_width()) + 4;
    widget_box(h, &y, &x, &w);
    widget_attention(hits, y, x); /* no button: its title */
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
    widget_attention(hits, y, x); /* until a button has the focus */
    int used = widget_text(y, x, w, LINES - 4, question, ROLE_TITLE);
    const struct button buttons[] = {{.label = survey_ui(s, UI_YES), .cmd = CMD_YES},
                                     {.label = survey_ui(s, UI_NO), .cmd = CMD_NO}};
    widget_buttons(hits, ui->big_buttons, y + used + 1, buttons, 2, ui->overlay_focus, 1);
}

struct action overlay_quit_command(const struct tui *ui, enum command cmd)
{
    switch (cmd) {
    case CMD_YES:
        /* In a kiosk, quitting means starting over for the next patient. */
        return ACTION(ui->kiosk ? ACT_WIPE : ACT_QUIT);
    case CMD_NO:
    case CMD_CANCEL:
    case CMD_QUIT: return ACTION(ACT_CLOSE);
    case CMD_LEFT:
    case CMD_RIGHT:
    case CMD_NEXT:
    case CMD_PREV: return ACTION_ARG(ACT_OVERLAY_FOCUS, ui->overlay_focus ^ 1);
    case CMD_CHOOSE: return overlay_quit_button(ui, ui->overlay_focus);
    default: return ACTION(ACT_NONE);
    }
}

struct action overlay_quit_button(const struct tui *ui, int focus)
{
    assert(focus == 0 || focus == 1);
    return overlay_quit_command(ui, focus == 0 ? CMD_YES : CMD_NO);
}

struct action overlay_quit_key(const struct tui *ui, const struct keydec_event *ev)
{
    return overlay_quit_command(ui, keymap_command(ev));
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
