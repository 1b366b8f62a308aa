/* SPDX-License-Identifier: MIT */
/* speak: what the screen shows, described for the core, and the engine. */
#include "speak.h"

#include "screens.h"

#include "musclecheck/wipe.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void report(struct tui *ui)
{
    if (ui->speech_reported || !ui->speech_failed)
        return;
    fprintf(stderr, "musclecheck: speech is off: %s\n", ui->speech_why);
    ui->speech_reported = true;
}

bool tui_speech_start(struct tui *ui, bool asked)
{
    if (ui->speech != NULL)
        return true;
    if (!ui->speech_failed) {
        const struct speech_options o = {.output =
                                             ui->speech_log != NULL ? SPEECH_LOG : SPEECH_PLAY,
                                         .log_path = ui->speech_log};
        int r = speech_new(&o, &ui->speech, ui->speech_why, sizeof(ui->speech_why));
        if (r == -ENOMEM)
            snprintf(ui->speech_why, sizeof(ui->speech_why), "out of memory");
        ui->speech_failed = r != 0;
        /* Where staff see it: the journal (the service's standard error),
         * never over the screen. */
        if (ui->speech_failed && !isatty(STDERR_FILENO))
            report(ui);
    }
    if (ui->speech_failed) {
        ui->speech_on = false;
        ui->speech_default = false;
        if (asked) {
            snprintf(ui->message, sizeof(ui->message), "%s",
                     survey_ui(ui->survey, UI_SPEECH_UNAVAILABLE));
            ui->overlay = OVERLAY_MESSAGE;
        }
    }
    return !ui->speech_failed;
}

void tui_speech_toggle(struct tui *ui)
{
    if (ui->speech_on) {
        ui->speech_on = false;
        speech_stop(ui->speech);
        ui->speech_spoken = false;
        return;
    }
    ui->speech_on = tui_speech_start(ui, true);
}

/* The label of the focused button of the red-flag screen (see
 * screen_red_flag.c: See results, and Stop outside a kiosk). */
static const char *red_flag_label(const struct tui *ui)
{
    if (ui->red_flag_stale)
        return NULL;
    return survey_ui(ui->survey, ui->focus == 1 && !ui->kiosk ? UI_STOP : UI_SEE_RESULTS);
}

/* A box whose text holds a number that changes (the countdown, the lock's
 * time): the text as it was when the box appeared, which is what is said;
 * its later numbers are not, as each would interrupt. TEMPLATE's {seconds}
 * is SECONDS, or TEMPLATE is used as it is when SECONDS < 0. */
static const char *said_once(struct tui *ui, const struct speech_view *v, const char *template,
                             int seconds)
{
    if (!ui->speech_spoken || ui->spoken.box != v->box) {
        char n[16];
        snprintf(n, sizeof(n), "%d", seconds);
        const char *vars[] = {"seconds", n, NULL};
        char *text = seconds >= 0 ? uistr_expand(template, vars) : NULL;
        snprintf(ui->speech_box, sizeof(ui->speech_box), "%s",
                 seconds < 0    ? template
                 : text != NULL ? text
                                : "");
        free(text);
    }
    return ui->speech_box;
}

/* The staff box as drawn: the prompt, the prompt after a wrong PIN, or the
 * lock and its time. Each is a box of its own for the core, so that each
 * is said when it appears. */
static void staff_box(struct tui *ui, struct speech_view *v)
{
    enum { WRONG = 1 << 8, LOCKED = 2 << 8 }; /* beside the overlay's id */
    const struct survey *s = ui->survey;
    if (ui->pin_lock_shown > 0) {
        v->box |= LOCKED;
        v->box_text = said_once(ui, v, survey_ui(s, UI_STAFF_PIN_LOCKED), ui->pin_lock_shown);
    } else if (ui->pin_wrong) {
        v->box |= WRONG;
        char *text =
            wipe_printf("%s %s", survey_ui(s, UI_STAFF_PIN_WRONG), survey_ui(s, UI_STAFF_PIN));
        v->box_text = said_once(ui, v, text != NULL ? text : survey_ui(s, UI_STAFF_PIN), -1);
        wipe_free(text);
    } else {
        v->box_text = survey_ui(s, UI_STAFF_PIN);
    }
}

/* What the screen and the box on top show, for the core. */
static void describe(struct tui *ui, struct speech_view *v)
{
    const struct survey *s = ui->survey;
    *v = (struct speech_view){.survey = s,
                              .surveys = ui->surveys,
                              .survey_count = ui->kiosk ? ui->survey_count : 0,
                              .flow = ui->flow,
                              .results = ui->results,
                              .focus = ui->focus,
                              .kiosk = ui->kiosk,
                              .speech_on = ui->speech_on};
    switch (ui->screen) {
    case SCREEN_WELCOME:
        v->screen = SPEECH_WELCOME;
        v->focus_label = survey_ui(s, UI_START);
        break;
    case SCREEN_QUESTION:
        v->screen = SPEECH_QUESTION;
        v->question = flow_question(ui->flow);
        v->focus_label =
            survey_answer_label(s, (enum answer)screen_question_button(ui, ui->focus).arg);
        break;
    case SCREEN_RED_FLAG:
        /* Gone stale: the advice stays on screen for staff, but nothing of
         * the last patient is said. */
        v->screen = ui->red_flag_stale ? SPEECH_QUIET : SPEECH_EMERGENCY;
        v->focus_label = red_flag_label(ui);
        break;
    case SCREEN_RESULTS:
    case SCREEN_TABLE:
        v->screen = ui->screen == SCREEN_TABLE ? SPEECH_TABLE : SPEECH_RESULTS;
        v->focus_label = screen_results_button_label(ui, ui->focus);
        break;
    }
    if (ui->overlay == OVERLAY_NONE)
        return;
    v->box = (int)ui->overlay;
    v->focus = -1;
    v->focus_label = NULL;
    switch (ui->overlay) {
    case OVERLAY_NONE:
    case OVERLAY_HELP: break; /* box_text NULL: the help */
    case OVERLAY_QUIT:
        v->box_text = survey_ui(s, ui->kiosk ? UI_START_OVER_CONFIRM : UI_QUIT_CONFIRM);
        v->focus = ui->overlay_focus;
        v->focus_label = survey_ui(s, ui->overlay_focus == 0 ? UI_YES : UI_NO);
        break;
    case OVERLAY_IDLE:
        /* Said when it appears; the seconds it shows then. */
        v->box_text = said_once(ui, v, survey_ui(s, UI_STILL_THERE), ui->countdown);
        break;
    case OVERLAY_STAFF: staff_box(ui, v); break;
    case OVERLAY_SAVE: v->box_text = survey_ui(s, UI_SAVE_AS); break;
    case OVERLAY_MESSAGE: v->box_text = ui->message; break;
    case OVERLAY_PRINTING: v->box_text = survey_ui(s, UI_PRINTING); break;
    }
}

void tui_speak(struct tui *ui)
{
    bool repeat = ui->speech_repeat;
    ui->speech_repeat = false;
    if (!ui->speech_on || ui->speech == NULL)
        return;
    struct speech_view v;
    describe(ui, &v);
    char *text = NULL;
    if (repeat)
        text = speech_text_screen(&v);
    else if (speech_text_now(ui->speech_spoken ? &ui->spoken : NULL, &v, &text) != 0)
        text = NULL;
    ui->spoken = v;
    ui->speech_spoken = true;
    /* Out of memory: nothing is said this time; the repeat key tries again. */
    if (text != NULL && text[0] != '\0')
        speech_say(ui->speech, survey_text(ui->survey, SURVEY_LANGUAGE), text);
    wipe_free(text);
}

void tui_speech_wipe(struct tui *ui)
{
    speech_stop(ui->speech);
    ui->speech_spoken = false;
    ui->spoken = (struct speech_view){.screen = SPEECH_QUIET};
    explicit_bzero(ui->speech_box, sizeof(ui->speech_box));
    ui->speech_repeat = false;
    ui->speech_on = ui->speech_default && ui->speech != NULL;
}

void tui_speech_free(struct tui *ui)
{
    report(ui);
    speech_free(ui->speech);
    ui->speech = NULL;
}
