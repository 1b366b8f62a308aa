/* SPDX-License-Identifier: MIT */
/* screen_question: one question, its help, and the three answers. */
#include "musclecheck/tui_screens.h"
#include "musclecheck/tui_widgets.h"

#include <stdio.h>
#include <stdlib.h>

static const enum answer choices[] = {ANSWER_YES, ANSWER_NO, ANSWER_UNSURE};
static const int choice_keys[] = {'y', 'n', 'u'};
enum { CHOICE_COUNT = 3 };

void screen_question_draw(struct tui *ui)
{
    const struct survey *s = ui->survey;
    const struct question *q = survey_question(s, ui->question);
    int x, w;
    widget_content(&x, &w);
    widget_header(survey_text(s, SURVEY_TITLE), NULL);

    size_t pos, total;
    session_progress(ui->session, ui->question, &pos, &total);
    char n[24], t[24];
    snprintf(n, sizeof(n), "%zu", pos);
    snprintf(t, sizeof(t), "%zu", total);
    const char *vars[] = {"n", n, "total", t, NULL};
    char *progress = uistr_expand(survey_ui(s, UI_PROGRESS), vars);
    widget_progress(2, x, w, progress != NULL ? progress : "", pos, total);
    free(progress);

    /* The buttons follow the text, but never below the last rows, so a long
     * question is cut (its help stays one key away) rather than its answers. */
    int button_h = widget_button_height(ui);
    int last_buttons_y = LINES - 2 - button_h;
    int y = 4;
    y += widget_text(y, x, w, last_buttons_y - 1 - y, q->text, ROLE_TITLE) + 1;
    if (q->help != NULL && y < last_buttons_y - 1) {
        char *why = NULL;
        if (asprintf(&why, "%s: %s", survey_ui(s, UI_WHY), q->help) > 0) {
            y += widget_text(y, x, w, last_buttons_y - 1 - y, why, ROLE_DIM) + 1;
            free(why);
        }
    }
    int buttons_y = y + 1 < last_buttons_y ? y + 1 : last_buttons_y;
    enum answer current = session_answer(ui->session, ui->question);
    struct button buttons[CHOICE_COUNT];
    for (int i = 0; i < CHOICE_COUNT; i++)
        buttons[i] = (struct button){survey_answer_label(s, choices[i]), choice_keys[i],
                                     current == choices[i]};
    widget_buttons(ui, buttons_y, buttons, CHOICE_COUNT, ui->focus, button_h);
    widget_keys(survey_ui(s, ui->kiosk ? UI_KEYS_QUESTION_KIOSK : UI_KEYS_QUESTION));
}

/* Records A and moves on: to the red-flag screen, the next question or the results. */
static void answer(struct tui *ui, enum answer a)
{
    const struct question *q = survey_question(ui->survey, ui->question);
    session_set_answer(ui->session, ui->question, a);
    if (a == ANSWER_YES && q->red_flag != NULL) {
        ui->screen = SCREEN_RED_FLAG;
        ui->red_flag = ui->question;
        ui->focus = 0;
        return;
    }
    long next = session_next_visible(ui->session, ui->question + 1);
    if (next >= 0)
        tui_go_question(ui, (size_t)next);
    else
        tui_go_results(ui);
}

static void go_back(struct tui *ui)
{
    long prev = session_prev_visible(ui->session, ui->question);
    if (prev >= 0)
        tui_go_question(ui, (size_t)prev);
    else
        tui_go_welcome(ui);
}

enum step screen_question_key(struct tui *ui, int key)
{
    switch (key) {
    case 'y':
    case 'Y': answer(ui, ANSWER_YES); break;
    case 'n':
    case 'N': answer(ui, ANSWER_NO); break;
    case 'u':
    case 'U': answer(ui, ANSWER_UNSURE); break;
    case KEY_LEFT:
    case KEY_BACKSPACE:
    case 127:
    case 8:
    case 'b':
    case 'B': go_back(ui); break;
    case KEY_RIGHT:
    case KEY_DOWN:
    case '\t': ui->focus = (ui->focus + 1) % CHOICE_COUNT; break;
    case KEY_UP:
    case KEY_BTAB: ui->focus = (ui->focus + CHOICE_COUNT - 1) % CHOICE_COUNT; break;
    default:
        if (IS_ENTER(key))
            answer(ui, choices[ui->focus]);
        else if (IS_HELP(key))
            ui->overlay = OVERLAY_HELP;
        else if (IS_QUIT(key)) {
            tui_ask_quit(ui);
        }
        break;
    }
    return STEP_CONTINUE;
}

void tui_go_question(struct tui *ui, size_t q)
{
    ui->screen = SCREEN_QUESTION;
    ui->question = q;
    ui->focus = 0;
    enum answer current = session_answer(ui->session, q);
    for (int i = 0; i < CHOICE_COUNT; i++)
        if (choices[i] == current)
            ui->focus = i;
}
