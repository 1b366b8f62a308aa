/* SPDX-License-Identifier: MIT */
/* overlay_kiosk: the kiosk's "still there?" countdown and the staff PIN
 * prompt. */
#include "musclecheck/tui_screens.h"
#include "musclecheck/tui_term.h"
#include "musclecheck/tui_widgets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Three wrong PINs lock the prompt for this long. */
enum { PIN_TRIES = 3, PIN_LOCK_MS = 60 * 1000 };

void overlay_idle_draw(struct tui *ui)
{
    char seconds[16];
    snprintf(seconds, sizeof(seconds), "%d", ui->countdown);
    const char *vars[] = {"seconds", seconds, NULL};
    char *text = uistr_expand(survey_ui(ui->survey, UI_STILL_THERE), vars);
    if (text == NULL)
        return;
    int y, x, w;
    widget_box(widget_text_height(text, widget_box_text_width()), &y, &x, &w);
    widget_text(y, x, w, LINES - 4, text, ROLE_TITLE);
    free(text);
}

void overlay_staff_draw(struct tui *ui)
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
    if (ui->pin_wrong)
        widget_text(y + used + 3, x, w, 1, survey_ui(s, UI_STAFF_PIN_WRONG), ROLE_TITLE);
}

static void close_prompt(struct tui *ui)
{
    explicit_bzero(ui->pin_typed, sizeof(ui->pin_typed));
    ui->pin_len = 0;
    ui->pin_wrong = false;
    ui->overlay = OVERLAY_NONE;
}

enum step overlay_staff_key(struct tui *ui, int key)
{
    if (key == KEY_ESC) {
        close_prompt(ui);
    } else if (key == KEY_BACKSPACE || key == 127 || key == 8) {
        if (ui->pin_len > 0)
            ui->pin_typed[--ui->pin_len] = '\0';
    } else if (key == '\r' || key == '\n' || key == KEY_ENTER) {
        if (ui->staff_pin != NULL && kiosk_pin_equal(ui->staff_pin, ui->pin_typed)) {
            close_prompt(ui);
            return STEP_QUIT;
        }
        explicit_bzero(ui->pin_typed, sizeof(ui->pin_typed));
        ui->pin_len = 0;
        ui->pin_wrong = true;
        if (++ui->pin_failures >= PIN_TRIES) {
            ui->pin_failures = 0;
            ui->pin_locked_until = term_now_ms() + PIN_LOCK_MS;
            close_prompt(ui);
        }
    } else if (key >= '!' && key <= '~' && ui->pin_len < KIOSK_PIN_MAX) {
        ui->pin_typed[ui->pin_len++] = (char)key;
        ui->pin_typed[ui->pin_len] = '\0';
    }
    return STEP_CONTINUE;
}
