/* SPDX-License-Identifier: MIT */
/* overlay_kiosk: the kiosk's "still there?" countdown and the staff PIN
 * prompt. */
#include "keymap.h"
#include "screens.h"
#include "widgets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void overlay_idle_draw(const struct tui *ui, struct hits *hits)
{
    char seconds[16];
    snprintf(seconds, sizeof(seconds), "%d", ui->countdown);
    const char *vars[] = {"seconds", seconds, NULL};
    char *text = uistr_expand(survey_ui(ui->survey, UI_STILL_THERE), vars);
    if (text == NULL)
        return;
    int y, x, w;
    widget_box(widget_text_height(text, widget_box_text_width()), &y, &x, &w);
    /* Its first character, the same cell whatever the number: a tick of
     * the countdown never moves the cursor. */
    widget_attention(hits, y, x);
    widget_text(y, x, w, LINES - 4, text, ROLE_TITLE);
    free(text);
}

void overlay_staff_draw(const struct tui *ui, struct hits *hits)
{
    const struct survey *s = ui->survey;
    const char *prompt = survey_ui(s, UI_STAFF_PIN);
    int y, x, w;
    widget_box(widget_text_height(prompt, widget_box_text_width()) + 4, &y, &x, &w);
    int used = widget_text(y, x, w, LINES - 6, prompt, ROLE_TITLE);
    char stars[KIOSK_PIN_MAX + 1];
    memset(stars, '*', ui->pin_len);
    stars[ui->pin_len] = '\0';
    mvaddstr(y + used + 1, x, "> ");
    addstr(stars);
    widget_attention(hits, y + used + 1, x + 2 + (int)ui->pin_len); /* where typing goes */
    if (ui->pin_wrong)
        widget_text(y + used + 3, x, w, 1, survey_ui(s, UI_STAFF_PIN_WRONG), ROLE_TITLE);
}

struct action overlay_staff_key(const struct tui *ui, const struct keydec_event *ev)
{
    const char *text = keymap_text(ev); /* a space types nothing: PINs have none */
    switch (keymap_command(ev)) {
    case CMD_CANCEL: return ACTION(ACT_CLOSE);
    case CMD_ERASE: return ACTION(ACT_PIN_ERASE);
    case CMD_CHOOSE:
        if (text == NULL)
            return ACTION(ACT_PIN_SUBMIT); /* Enter */
        break;
    default: break;
    }
    if (text != NULL && text[0] >= '!' && text[0] <= '~' && text[1] == '\0' &&
        ui->pin_len < KIOSK_PIN_MAX)
        return action_text(ACT_PIN_TYPE, text);
    return ACTION(ACT_NONE);
}
