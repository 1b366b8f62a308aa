/* SPDX-License-Identifier: MIT */
/* screen_question: one question, its help, and the three answers. */
#include "keymap.h"
#include "screens.h"
#include "widgets.h"

#include "musclecheck/wipe.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

static const enum answer choices[] = {ANSWER_YES, ANSWER_NO, ANSWER_UNSURE};
static const enum command choice_cmds[] = {CMD_YES, CMD_NO, CMD_UNSURE};
enum { CHOICE_COUNT = 3 };

void screen_question_draw(const struct tui *ui, struct hits *hits)
{
    const struct survey *s = ui->survey;
    size_t qi = flow_question(ui->flow);
    const struct question *q = survey_question(s, qi);
    int x, w;
    widget_content(&x, &w);
    widget_header(survey_text(s, SURVEY_TITLE), NULL);

    size_t pos, total;
    flow_progress(ui->flow, &pos, &total);
    char n[24], t[24];
    snprintf(n, sizeof(n), "%zu", pos);
    snprintf(t, sizeof(t), "%zu", total);
    const char *vars[] = {"n", n, "total", t, NULL};
    char *progress = uistr_expand(survey_ui(s, UI_PROGRESS), vars);
    widget_progress(2, x, w, progress != NULL ? progress : "", pos, total);
    free(progress);

    /* The buttons follow the text, but never below the last rows, so a long
     * question is cut (its help stays one key away) rather than its answers. */
    enum answer current = session_answer(flow_session(ui->flow), qi);
    struct button buttons[CHOICE_COUNT];
    for (int i = 0; i < CHOICE_COUNT; i++)
        buttons[i] = (struct button){.label = survey_answer_label(s, choices[i]),
                                     .cmd = choice_cmds[i],
                                     .chosen = current == choices[i]};
    int button_h = widget_button_height(ui);
    int last_buttons_y =
        LINES - 2 - button_h * widget_button_rows(buttons, CHOICE_COUNT, ui->big_buttons);
    int y = 4;
    widget_attention(hits, y, x); /* the question, until a button has the focus */
    y += widget_text(y, x, w, last_buttons_y - 1 - y, q->text, ROLE_TITLE) + 1;
    if (q->help != NULL && y < last_buttons_y - 1) {
        char *why = wipe_printf("%s: %s", survey_ui(s, UI_WHY), q->help);
        if (why != NULL) {
            y += widget_text(y, x, w, last_buttons_y - 1 - y, why, ROLE_DIM) + 1;
            free(why);
        }
    }
    int buttons_y = y + 1 < last_buttons_y ? y + 1 : last_buttons_y;
    widget_buttons(hits, ui->big_buttons, buttons_y, buttons, CHOICE_COUNT, ui->focus, button_h);
    widget_keys(survey_ui(s, ui->kiosk ? UI_KEYS_QUESTION_KIOSK : UI_KEYS_QUESTION));
}

/* The focus that shows the recorded answer of question Q (Yes when none). */
int screen_question_focus(const struct flow *f, size_t q)
{
    enum answer current = session_answer(flow_session(f), q);
    for (int i = 0; i < CHOICE_COUNT; i++)
        if (choices[i] == current)
            return i;
    return 0;
}

struct action screen_question_button(const struct tui *ui, int focus)
{
    (void)ui;
    assert(focus >= 0 && focus < CHOICE_COUNT);
    return ACTION_ARG(ACT_ANSWER, (int)choices[focus]);
}

struct action screen_question_command(const struct tui *ui, enum command cmd)
{
    switch (cmd) {
    case CMD_YES: return screen_question_button(ui, 0);
    case CMD_NO: return screen_question_button(ui, 1);
    case CMD_UNSURE: return screen_question_button(ui, 2);
    case CMD_BACK:
    case CMD_LEFT:
    case CMD_ERASE: return ACTION(ACT_BACK);
    case CMD_RIGHT:
    case CMD_DOWN:
    case CMD_NEXT: return ACTION_ARG(ACT_FOCUS, (ui->focus + 1) % CHOICE_COUNT);
    case CMD_UP:
    case CMD_PREV: return ACTION_ARG(ACT_FOCUS, (ui->focus + CHOICE_COUNT - 1) % CHOICE_COUNT);
    case CMD_CHOOSE: return screen_question_button(ui, ui->focus);
    case CMD_HELP: return ACTION(ACT_HELP);
    case CMD_QUIT:
    case CMD_CANCEL: return ACTION(ACT_ASK_QUIT);
    default: return ACTION(ACT_NONE);
    }
}

struct action screen_question_key(const struct tui *ui, const struct keydec_event *ev)
{
    return screen_question_command(ui, keymap_command(ev));
}
