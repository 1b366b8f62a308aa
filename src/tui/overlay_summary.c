/* SPDX-License-Identifier: MIT */
/* overlay_summary: the box that asks for the summary's file name (and
 * whether to replace a file), and the box for short messages. */
#include "keymap.h"
#include "screens.h"
#include "widgets.h"

#include "musclecheck/wrap.h"

#include <string.h>

void overlay_save_draw(const struct tui *ui, struct hits *hits)
{
    const struct survey *s = ui->survey;
    const char *prompt = survey_ui(s, ui->save_confirm ? UI_REPLACE : UI_SAVE_AS);
    int y, x, w;
    widget_box(widget_text_height(prompt, widget_box_text_width()) + 2, &y, &x, &w);
    widget_attention(hits, y, x); /* the question, unless the name field takes it below */
    int used = widget_text(y, x, w, LINES - 4, prompt, ROLE_TITLE);
    /* The end of a long name matters most: show its tail when it is too wide. */
    const char *shown = ui->save_path + wrap_tail(ui->save_path, ui->save_len, w - 3);
    mvaddstr(y + used + 1, x, "> ");
    widget_put(y + used + 1, x + 2, shown, strlen(shown));
    if (!ui->save_confirm) /* the end of the name: where typing goes */
        widget_attention(hits, y + used + 1, x + 2 + wrap_width(shown, strlen(shown)));
}

struct action overlay_save_key(const struct tui *ui, const struct keydec_event *ev)
{
    enum command cmd = keymap_command(ev);
    if (ui->save_confirm)
        return ACTION(cmd == CMD_YES ? ACT_SAVE_REPLACE : ACT_SAVE_RENAME);
    const char *text = keymap_text(ev); /* letters are typed, not commands */
    switch (cmd) {
    case CMD_CANCEL: return ACTION(ACT_CLOSE);
    case CMD_ERASE: return ACTION(ACT_SAVE_ERASE);
    case CMD_CHOOSE:
        if (text == NULL) /* Enter; a space is typed */
            return ACTION(ui->save_len > 0 ? ACT_SAVE : ACT_NONE);
        break;
    default: break;
    }
    if (text != NULL && ui->save_len + strlen(text) < sizeof(ui->save_path))
        return action_text(ACT_SAVE_TYPE, text);
    return ACTION(ACT_NONE);
}

void overlay_printing_draw(const struct tui *ui, struct hits *hits)
{
    const char *text = survey_ui(ui->survey, UI_PRINTING);
    int y, x, w;
    widget_box(widget_text_height(text, widget_box_text_width()), &y, &x, &w);
    widget_attention(hits, y, x);
    widget_text(y, x, w, LINES - 4, text, ROLE_TITLE);
}

void overlay_message_draw(const struct tui *ui, struct hits *hits)
{
    int y, x, w;
    int h = widget_text_height(ui->message, widget_box_text_width());
    widget_box(h + 2, &y, &x, &w);
    widget_attention(hits, y, x);
    int used = widget_text(y, x, w, LINES - 6, ui->message, ROLE_TITLE);
    widget_text(y + used + 1, x, w, 1, survey_ui(ui->survey, UI_PRESS_ANY_KEY), ROLE_DIM);
}
