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

enum { TEXT_TOP = 4 };

/* The question screen's layout at this size: the row of the last place the
 * buttons may start (*LAST_BUTTONS_Y), the rows the question and its help
 * take (*TOTAL) and the rows there are for them (*ROWS). Returns "Why we
 * ask: ..." (release it with wipe_free), or NULL when the question has no
 * help or memory ran out. */
static char *text_area(const struct tui *ui, int *last_buttons_y, int *total, int *rows)
{
    const struct survey *s = ui->survey;
    const struct question *q = survey_question(s, flow_question(ui->flow));
    struct button buttons[CHOICE_COUNT];
    for (int i = 0; i < CHOICE_COUNT; i++)
        buttons[i] =
            (struct button){.label = survey_answer_label(s, choices[i]),
                            .chosen = session_answer(flow_session(ui->flow),
                                                     flow_question(ui->flow)) == choices[i]};
    int x, w;
    widget_content(&x, &w);
    *last_buttons_y =
        LINES - 2 -
        widget_button_height(ui) * widget_button_rows(buttons, CHOICE_COUNT, ui->big_buttons);
    *rows = *last_buttons_y - 1 - TEXT_TOP;
    char *why = q->help != NULL ? wipe_printf("%s: %s", survey_ui(s, UI_WHY), q->help) : NULL;
    *total = widget_text_height(q->text, w) + (why != NULL ? 1 + widget_text_height(why, w) : 0);
    return why;
}

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

    /* The buttons follow the text, but never below the last rows. A
     * question and its help too long for the rows above them scroll with
     * PgUp/PgDn (the last row of the text says so); nothing is cut. */
    enum answer current = session_answer(flow_session(ui->flow), qi);
    struct button buttons[CHOICE_COUNT];
    for (int i = 0; i < CHOICE_COUNT; i++)
        buttons[i] = (struct button){.label = survey_answer_label(s, choices[i]),
                                     .cmd = choice_cmds[i],
                                     .chosen = current == choices[i]};
    int last_buttons_y, text_rows, rows;
    char *why = text_area(ui, &last_buttons_y, &text_rows, &rows);
    int y = TEXT_TOP;
    widget_attention(hits, y, x); /* the question, until a button has the focus */
    if (text_rows <= rows || rows < 2) {
        y += widget_text(y, x, w, rows, q->text, ROLE_TITLE) + 1;
        if (why != NULL)
            y += widget_text(y, x, w, rows, why, ROLE_DIM) + 1;
    } else {
        int shown = rows - 1, hq = widget_text_height(q->text, w);
        int top = ui->scroll < 0                   ? 0
                  : ui->scroll > text_rows - shown ? text_rows - shown
                                                   : ui->scroll;
        int used = widget_text_from(y, x, w, top, shown, q->text, ROLE_TITLE);
        if (why != NULL && used < shown) {
            int from = top > hq + 1 ? top - hq - 1 : 0;
            used += top <= hq ? 1 : 0; /* the blank row between them */
            used += widget_text_from(y + used, x, w, from, shown - used, why, ROLE_DIM);
        }
        bool below = top + shown < text_rows;
        widget_page_hint(hits, y + shown, x, w,
                         survey_ui(s, below ? UI_MORE_TEXT_BELOW : UI_MORE_TEXT_ABOVE), below);
        y += rows + 1;
    }
    wipe_free(why);
    int button_h = widget_button_height(ui);
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
    case CMD_PAGE_UP:
    case CMD_PAGE_DOWN: {
        int last_buttons_y, total, rows;
        wipe_free(text_area(ui, &last_buttons_y, &total, &rows));
        int max = total > rows ? total - (rows - 1) : 0;
        int step = rows > 2 ? rows - 2 : 1;
        int to = ui->scroll + (cmd == CMD_PAGE_UP ? -step : step);
        return ACTION_ARG(ACT_SCROLL_TO, to < 0 ? 0 : to > max ? max : to);
    }
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
