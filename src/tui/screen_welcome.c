/* SPDX-License-Identifier: MIT */
/* screen_welcome: title, introduction, disclaimer and how to answer. */
#include "keymap.h"
#include "screens.h"
#include "widgets.h"

#include <stdio.h>

void screen_welcome_draw(const struct tui *ui, struct hits *hits)
{
    const struct survey *s = ui->survey;
    int x, w;
    widget_content(&x, &w);
    widget_header(survey_text(s, SURVEY_TITLE), NULL);
    int bottom = LINES - 2; /* the key hints are on the last row */
    int button_h = ui->big_buttons ? widget_button_height(ui) : 1;
    int limit = bottom - button_h;
    int y = 3;
    if (ui->kiosk && ui->survey_count > 1) {
        /* One key per language, each named in its own language. */
        struct button langs[TUI_MAX_LANGUAGES];
        char labels[TUI_MAX_LANGUAGES][96];
        for (size_t i = 0; i < ui->survey_count; i++) {
            snprintf(labels[i], sizeof(labels[i]), "%zu %s", i + 1,
                     survey_ui(ui->surveys[i], UI_LANGUAGE_NAME));
            langs[i] = (struct button){.label = labels[i],
                                       .cmd = CMD_NONE,
                                       .language = (int)i + 1,
                                       .chosen = ui->surveys[i] == s};
        }
        /* First thing on the screen, so that a patient who cannot read the
         * rest still finds their language. The one in use carries the check
         * mark; the focus stays on Start. */
        const char *label = survey_ui(s, UI_CHOOSE_LANGUAGE);
        widget_text(y, x, w, 1, label, ROLE_TITLE);
        y += widget_buttons(hits, ui->big_buttons, y + 1, langs, (int)ui->survey_count, -1, 1) + 2;
    }
    /* Who the check is for comes first, so that a child or someone in an
     * emergency reads first that it is not for them. The safety texts
     * (who it is for, the review status, the disclaimer with the emergency
     * numbers) are always shown whole; when the screen is too small for
     * everything, how to answer (also under ?) and then the introduction
     * give way to them. */
    struct {
        const char *text;
        enum role role;
        bool optional;
    } blocks[] = {
        {survey_text(s, SURVEY_INTENDED_USE), ROLE_TITLE, false},
        {survey_text(s, SURVEY_INTRO), ROLE_NORMAL, true},
        {survey_reviewed(s) ? "" : survey_ui(s, UI_UNREVIEWED), ROLE_TITLE, false},
        {survey_ui(s, UI_HOW_TO_ANSWER), ROLE_NORMAL, true},
        {survey_ui(s, ui->speech_on ? UI_SPEECH_ON : UI_SPEECH_HINT), ROLE_NORMAL, false},
        {survey_text(s, SURVEY_DISCLAIMER), ROLE_DIM, false},
    };
    enum { N_BLOCKS = sizeof(blocks) / sizeof(blocks[0]) };
    int need = 0;
    for (int i = 0; i < N_BLOCKS; i++)
        need += blocks[i].text[0] != '\0' ? widget_text_height(blocks[i].text, w) + 1 : 0;
    /* The last blank line may go: the Start button can sit right below. */
    const char *dropped[N_BLOCKS] = {NULL};
    for (int i = N_BLOCKS - 1; i >= 0 && need - 1 > limit - y; i--)
        if (blocks[i].optional && blocks[i].text[0] != '\0') {
            need -= widget_text_height(blocks[i].text, w) + 1;
            dropped[i] = blocks[i].text;
            blocks[i].text = "";
        }
    /* A block dropped for a longer one comes back when the rows it needs
     * are free after all (no empty rows left under a missing text). */
    for (int i = 0; i < N_BLOCKS; i++)
        if (dropped[i] != NULL && need + widget_text_height(dropped[i], w) + 1 - 1 <= limit - y) {
            need += widget_text_height(dropped[i], w) + 1;
            blocks[i].text = dropped[i];
        }
    for (int i = 0; i < N_BLOCKS; i++)
        if (blocks[i].text[0] != '\0' && y < limit)
            y += widget_text(y, x, w, limit - y, blocks[i].text, blocks[i].role) + 1;
    const struct button start = {.label = survey_ui(s, UI_START), .cmd = CMD_CHOOSE};
    widget_buttons(hits, ui->big_buttons, y < limit ? y : limit, &start, 1, 0, button_h);
    widget_keys(survey_ui(s, ui->kiosk ? UI_KEYS_KIOSK : UI_KEYS_WELCOME));
}

struct action screen_welcome_command(const struct tui *ui, enum command cmd)
{
    switch (cmd) {
    case CMD_CHOOSE: return ACTION(ACT_BEGIN);
    case CMD_LINE_MODE: return ui->kiosk ? ACTION(ACT_LINE_MODE) : ACTION(ACT_NONE);
    case CMD_HELP: return ACTION(ACT_HELP);
    case CMD_QUIT:
    case CMD_CANCEL: return ACTION(ACT_ASK_QUIT);
    default: return ACTION(ACT_NONE);
    }
}

struct action screen_welcome_key(const struct tui *ui, const struct keydec_event *ev)
{
    /* A kiosk's languages are numbered: the digit picks one. */
    const char *text = keymap_text(ev);
    if (ui->kiosk && text != NULL && text[0] >= '1' && text[1] == '\0' &&
        text[0] < '1' + (int)ui->survey_count)
        return ACTION_ARG(ACT_LANGUAGE, text[0] - '1');
    return screen_welcome_command(ui, keymap_command(ev));
}
