/* SPDX-License-Identifier: MIT */
/* overlay_kiosk: the kiosk's "still there?" countdown and the staff PIN
 * prompt, locked or not. */
#include "keymap.h"
#include "screens.h"
#include "widgets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A box of one text whose {seconds} is SECONDS (the countdown, the lock).
 * The cursor is on its first character, the same cell whatever the
 * number: a new number never moves it. */
static void seconds_box_draw(const struct tui *ui, struct hits *hits, enum uistr id, int seconds)
{
    char n[16];
    snprintf(n, sizeof(n), "%d", seconds);
    const char *vars[] = {"seconds", n, NULL};
    char *text = uistr_expand(survey_ui(ui->survey, id), vars);
    if (text == NULL)
        return;
    int y, x, w;
    widget_box(widget_text_height(text, widget_box_text_width()), &y, &x, &w);
    widget_attention(hits, y, x);
    widget_text(y, x, w, LINES - 4, text, ROLE_TITLE);
    free(text);
}

void overlay_idle_draw(const struct tui *ui, struct hits *hits)
{
    seconds_box_draw(ui, hits, UI_STILL_THERE, ui->countdown);
}

void overlay_staff_draw(const struct tui *ui, struct hits *hits)
{
    if (ui->pin_lock_shown > 0) { /* locked: what and for how long, no field */
        seconds_box_draw(ui, hits, UI_STAFF_PIN_LOCKED, ui->pin_lock_shown);
        return;
    }
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

/* Every key ends here while the box is up: Esc closes it, and nothing else
 * reaches the screen under it, locked or not. */
struct action overlay_staff_key(const struct tui *ui, const struct keydec_event *ev)
{
    const char *text = keymap_text(ev); /* a space types nothing: PINs have none */
    enum command cmd = keymap_command(ev);
    if (cmd == CMD_CANCEL)
        return ACTION(ACT_CLOSE);
    if (ui->now_ms < ui->pin_locked_until)
        return ACTION(ACT_NONE); /* locked: typing and Enter do nothing */
    switch (cmd) {
    case CMD_ERASE: return ACTION(ACT_PIN_ERASE);
    case CMD_CHOOSE:
        if (text == NULL) /* Enter; on an empty PIN (a second Enter) it wastes no try */
            return ACTION(ui->pin_len > 0 ? ACT_PIN_SUBMIT : ACT_NONE);
        break;
    default: break;
    }
    if (text != NULL && text[0] >= '!' && text[0] <= '~' && text[1] == '\0' &&
        ui->pin_len < KIOSK_PIN_MAX)
        return action_text(ACT_PIN_TYPE, text);
    return ACTION(ACT_NONE);
}
