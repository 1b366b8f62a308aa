/* SPDX-License-Identifier: MIT */
/* dispatch: hands a key event or a click to whatever is on top, an overlay
 * or the screen. */
#include "keymap.h"
#include "screens.h"

#include "musclecheck/utf8.h"

#include <assert.h>
#include <string.h>

struct action action_text(enum action_kind k, const char *text)
{
    struct action a = {.kind = k};
    size_t len = strlen(text);
    assert(len > 0 && len < sizeof(a.text));
    memcpy(a.text, text, len + 1);
    uint32_t code = 0;
    if (utf8_decode((const unsigned char *)text, len, &code) > 0)
        a.arg = (int)code;
    return a;
}

bool tui_any_key_closes(const struct tui *ui)
{
    return ui->overlay == OVERLAY_HELP || ui->overlay == OVERLAY_MESSAGE ||
           ui->overlay == OVERLAY_IDLE;
}

/* The speech keys, on every screen and box but those that take typed text
 * (the file name, the staff PIN) or any key (the countdown, printing). */
static struct action speech_key(const struct tui *ui, const struct keydec_event *ev)
{
    if (ui->overlay == OVERLAY_SAVE || ui->overlay == OVERLAY_STAFF ||
        ui->overlay == OVERLAY_IDLE || ui->overlay == OVERLAY_PRINTING)
        return ACTION(ACT_NONE);
    /* With speech off, a box that any key closes keeps doing so, and a and
     * x mean nothing. */
    switch (keymap_command(ev)) {
    case CMD_SPEECH:
        return ACTION(!ui->speech_on && tui_any_key_closes(ui) ? ACT_NONE : ACT_SPEECH_TOGGLE);
    case CMD_REPEAT: return ACTION(ui->speech_on ? ACT_SPEECH_REPEAT : ACT_NONE);
    case CMD_SILENCE: return ACTION(ui->speech_on ? ACT_SPEECH_STOP : ACT_NONE);
    default: return ACTION(ACT_NONE);
    }
}

/* Whether EV comes from typing on the keyboard: what a staff box takes, or
 * could have been meant for it (not a mouse report, a paste or a focus
 * report). */
static bool typed(const struct keydec_event *ev)
{
    return ev->type == KEYDEC_CHAR || ev->type == KEYDEC_CTRL || ev->type == KEYDEC_KEY ||
           ev->type == KEYDEC_ALT;
}

struct action tui_key_action(const struct tui *ui, const struct keydec_event *ev)
{
    /* Locked or not: a locked box says so and for how long. */
    bool staff = ui->kiosk && keymap_command(ev) == CMD_STAFF && ui->staff_pin != NULL;
    /* The rest of a burst typed for a staff box that has just gone: each
     * such key is dropped and holds the quiet off a little longer (never
     * past its limit: apply.c); only Ctrl-X, which opens the box again
     * (staff trying once more), goes on. Clicks never come here. */
    if (ui->now_ms < ui->staff_quiet_until && typed(ev))
        return ACTION(staff && ui->overlay == OVERLAY_NONE ? ACT_STAFF : ACT_STAFF_QUIET);
    struct action speech = speech_key(ui, ev);
    if (speech.kind != ACT_NONE)
        return speech;
    if (tui_any_key_closes(ui))
        return ACTION(ACT_CLOSE); /* the key only says "read it" or "still here" */
    switch (ui->overlay) {
    case OVERLAY_QUIT: return overlay_quit_key(ui, ev);
    case OVERLAY_STAFF: return overlay_staff_key(ui, ev);
    case OVERLAY_SAVE: return overlay_save_key(ui, ev);
    case OVERLAY_PRINTING:
        return ACTION(ACT_NONE); /* keys pressed while printing must not print again */
    case OVERLAY_HELP:
    case OVERLAY_MESSAGE:
    case OVERLAY_IDLE: /* closed above */
    case OVERLAY_NONE: break;
    }
    if (staff)
        return ACTION(ACT_STAFF);
    switch (ui->screen) {
    case SCREEN_WELCOME: return screen_welcome_key(ui, ev);
    case SCREEN_QUESTION: return screen_question_key(ui, ev);
    case SCREEN_RED_FLAG: return screen_red_flag_key(ui, ev);
    case SCREEN_RESULTS:
    case SCREEN_TABLE: return screen_results_key(ui, ev);
    }
    return ACTION(ACT_NONE);
}

struct action tui_click_action(const struct tui *ui, const struct hitbox *hit)
{
    if (tui_any_key_closes(ui))
        return ACTION(ACT_CLOSE); /* touch screens have no keys */
    if (hit == NULL)
        return ACTION(ACT_NONE);
    switch (ui->overlay) {
    case OVERLAY_QUIT: return overlay_quit_command(ui, hit->cmd);
    case OVERLAY_STAFF:
    case OVERLAY_SAVE:
    case OVERLAY_PRINTING: return ACTION(ACT_NONE); /* no buttons */
    case OVERLAY_HELP:
    case OVERLAY_MESSAGE:
    case OVERLAY_IDLE: /* closed above */
    case OVERLAY_NONE: break;
    }
    switch (ui->screen) {
    case SCREEN_WELCOME:
        if (hit->language > 0) {
            assert((size_t)hit->language <= ui->survey_count);
            return ui->kiosk ? ACTION_ARG(ACT_LANGUAGE, hit->language - 1) : ACTION(ACT_NONE);
        }
        return screen_welcome_command(ui, hit->cmd);
    case SCREEN_QUESTION: return screen_question_command(ui, hit->cmd);
    case SCREEN_RED_FLAG: return screen_red_flag_command(ui, hit->cmd);
    case SCREEN_RESULTS:
    case SCREEN_TABLE: return screen_results_command(ui, hit->cmd);
    }
    return ACTION(ACT_NONE);
}
