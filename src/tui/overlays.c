/* SPDX-License-Identifier: MIT */
/* overlays: the help box and the quit confirmation, drawn over a screen. */
#include "musclecheck/tui_screens.h"
#include "musclecheck/tui_widgets.h"

#include "musclecheck/wrap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void overlay_help_draw(struct tui *ui)
{
    const struct survey *s = ui->survey;
    const char *help = NULL;
    if (ui->screen == SCREEN_QUESTION)
        help = survey_question(s, ui->question)->help;
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

enum step overlay_help_key(struct tui *ui, int key)
{
    (void)key;
    ui->overlay = OVERLAY_NONE;
    return STEP_CONTINUE;
}

void overlay_quit_draw(struct tui *ui)
{
    const struct survey *s = ui->survey;
    const char *question = survey_ui(s, ui->kiosk ? UI_START_OVER_CONFIRM : UI_QUIT_CONFIRM);
    int y, x, w;
    widget_box(widget_text_height(question, widget_box_text_width()) + 2, &y, &x, &w);
    int used = widget_text(y, x, w, LINES - 4, question, ROLE_TITLE);
    const struct button buttons[] = {{survey_ui(s, UI_YES), 'y', false},
                                     {survey_ui(s, UI_NO), 'n', false}};
    widget_buttons(ui, y + used + 1, buttons, 2, ui->overlay_focus, 1);
}

enum step overlay_quit_key(struct tui *ui, int key)
{
    switch (key) {
    case 'y':
    case 'Y':
        if (!ui->kiosk)
            return STEP_QUIT;
        tui_kiosk_reset(ui); /* in a kiosk, quitting means starting over */
        break;
    case 'n':
    case 'N':
    case KEY_ESC:
    case 'q': ui->overlay = OVERLAY_NONE; break;
    case KEY_LEFT:
    case KEY_RIGHT:
    case '\t':
    case KEY_BTAB: ui->overlay_focus ^= 1; break;
    default:
        if (IS_ENTER(key))
            return overlay_quit_key(ui, ui->overlay_focus == 0 ? 'y' : 'n');
        break;
    }
    return STEP_CONTINUE;
}

void screen_small_draw(struct tui *ui)
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
