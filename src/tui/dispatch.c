/* SPDX-License-Identifier: MIT */
/* dispatch: hands a key to whatever is on top, an overlay or the screen. */
#include "keymap.h"
#include "screens.h"

bool tui_any_key_closes(const struct tui *ui)
{
    return ui->overlay == OVERLAY_HELP || ui->overlay == OVERLAY_MESSAGE ||
           ui->overlay == OVERLAY_IDLE;
}

struct action tui_key_action(const struct tui *ui, int key)
{
    if (tui_any_key_closes(ui))
        return ACTION(ACT_CLOSE); /* the key only says "read it" or "still here" */
    switch (ui->overlay) {
    case OVERLAY_QUIT: return overlay_quit_key(ui, key);
    case OVERLAY_STAFF: return overlay_staff_key(ui, key);
    case OVERLAY_SAVE: return overlay_save_key(ui, key);
    case OVERLAY_PRINTING:
        return ACTION(ACT_NONE); /* keys pressed while printing must not print again */
    case OVERLAY_HELP:
    case OVERLAY_MESSAGE:
    case OVERLAY_IDLE: /* closed above */
    case OVERLAY_NONE: break;
    }
    if (ui->kiosk && keymap_is(key, CMD_STAFF) && ui->staff_pin != NULL &&
        ui->now_ms >= ui->pin_locked_until)
        return ACTION(ACT_STAFF);
    switch (ui->screen) {
    case SCREEN_WELCOME: return screen_welcome_key(ui, key);
    case SCREEN_QUESTION: return screen_question_key(ui, key);
    case SCREEN_RED_FLAG: return screen_red_flag_key(ui, key);
    case SCREEN_RESULTS:
    case SCREEN_TABLE: return screen_results_key(ui, key);
    }
    return ACTION(ACT_NONE);
}
