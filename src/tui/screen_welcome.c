/* SPDX-License-Identifier: MIT */
/* screen_welcome: title, introduction, disclaimer and how to answer. */
#include "keymap.h"
#include "screens.h"
#include "widgets.h"

#include <stdio.h>

/* The language buttons of a kiosk with more than one language (one key
 * per language, each named in its own language, the one in use checked),
 * with their labels in LABELS; returns how many (0: none shown). */
static int language_buttons(const struct tui *ui, struct button langs[TUI_MAX_LANGUAGES],
                            char labels[TUI_MAX_LANGUAGES][96])
{
    if (!ui->kiosk || ui->survey_count < 2)
        return 0;
    for (size_t i = 0; i < ui->survey_count; i++) {
        snprintf(labels[i], sizeof(labels[i]), "%zu %s", i + 1,
                 survey_ui(ui->surveys[i], UI_LANGUAGE_NAME));
        langs[i] = (struct button){.label = labels[i],
                                   .cmd = CMD_NONE,
                                   .language = (int)i + 1,
                                   .chosen = ui->surveys[i] == ui->survey};
    }
    return (int)ui->survey_count;
}

enum { N_BLOCKS = 6 };

/* The welcome screen's layout at this size: its paragraphs, where they go
 * (from row Y, ROWS rows, column X, WIDTH columns) and the Start button's
 * height. */
struct layout {
    struct text_block block[N_BLOCKS];
    int y, rows, x, width, button_h;
    bool paged;
};

static void layout(const struct tui *ui, int languages, const struct button *langs,
                   struct layout *l)
{
    const struct survey *s = ui->survey;
    widget_content(&l->x, &l->width);
    int w = l->width;
    /* The key hints are on the last rows, a blank row above them. */
    int bottom =
        LINES - 1 - widget_keys_height(survey_ui(s, ui->kiosk ? UI_KEYS_KIOSK : UI_KEYS_WELCOME));
    l->button_h = ui->big_buttons ? widget_button_height(ui) : 1;
    int limit = bottom - l->button_h;
    l->y = 3 + (languages > 0 ? 2 + widget_button_rows(langs, languages, ui->big_buttons) : 0);
    /* Who the check is for comes first, so that a child or someone in an
     * emergency reads first that it is not for them. The safety texts
     * (who it is for, the review status, the disclaimer with the emergency
     * numbers) are always shown whole; when the screen is too small for
     * everything, how to answer (also under ?) and then the introduction
     * give way to them, and what still does not fit is paged. */
    const struct {
        const char *text;
        enum role role;
        bool optional;
    } blocks[N_BLOCKS] = {
        {survey_text(s, SURVEY_INTENDED_USE), ROLE_TITLE, false},
        {survey_text(s, SURVEY_INTRO), ROLE_NORMAL, true},
        {survey_reviewed(s) ? "" : survey_ui(s, UI_UNREVIEWED), ROLE_TITLE, false},
        {survey_ui(s, UI_HOW_TO_ANSWER), ROLE_NORMAL, true},
        {survey_ui(s, ui->speech_on ? UI_SPEECH_ON : UI_SPEECH_HINT), ROLE_NORMAL, false},
        {survey_text(s, SURVEY_DISCLAIMER), ROLE_DIM, false},
    };
    for (int i = 0; i < N_BLOCKS; i++)
        l->block[i] = (struct text_block){blocks[i].text, blocks[i].role};
    int need = widget_blocks_height(l->block, N_BLOCKS, w);
    for (int i = N_BLOCKS - 1; i >= 0 && need > limit - l->y; i--)
        if (blocks[i].optional && blocks[i].text[0] != '\0') {
            l->block[i].text = "";
            need = widget_blocks_height(l->block, N_BLOCKS, w);
        }
    /* A block dropped for a longer one comes back when the rows it needs
     * are free after all (no empty rows left under a missing text). */
    for (int i = 0; i < N_BLOCKS; i++) {
        if (l->block[i].text == blocks[i].text)
            continue;
        l->block[i].text = blocks[i].text;
        if (widget_blocks_height(l->block, N_BLOCKS, w) > limit - l->y)
            l->block[i].text = "";
    }
    need = widget_blocks_height(l->block, N_BLOCKS, w);
    l->paged = need > limit - l->y;
    if (l->paged && l->button_h > 1) { /* a one-row button leaves more for the text */
        limit += l->button_h - 1;
        l->button_h = 1;
        l->paged = need > limit - l->y;
    }
    l->rows = limit - l->y;
}

void screen_welcome_draw(const struct tui *ui, struct hits *hits)
{
    const struct survey *s = ui->survey;
    widget_header(survey_text(s, SURVEY_TITLE), NULL);
    struct button langs[TUI_MAX_LANGUAGES];
    char labels[TUI_MAX_LANGUAGES][96];
    int languages = language_buttons(ui, langs, labels);
    struct layout l;
    layout(ui, languages, langs, &l);
    if (languages > 0) {
        /* First thing on the screen, so that a patient who cannot read the
         * rest still finds their language. The focus stays on Start. */
        widget_text(3, l.x, l.width, 1, survey_ui(s, UI_CHOOSE_LANGUAGE), ROLE_TITLE);
        widget_buttons(hits, ui->big_buttons, 4, langs, languages, -1, 1);
    }
    int used = widget_pages(hits, l.y, l.x, l.width, l.rows, l.block, N_BLOCKS, ui->scroll,
                            survey_ui(s, UI_MORE_TEXT_BELOW), survey_ui(s, UI_MORE_TEXT_ABOVE));
    /* The Start button right under the text, a blank row between them
     * when there is room. */
    int y = l.y + used + (used < l.rows ? 1 : 0);
    const struct button start = {.label = survey_ui(s, UI_START), .cmd = CMD_CHOOSE};
    widget_buttons(hits, ui->big_buttons, y, &start, 1, 0, l.button_h);
    widget_keys_wrapped(survey_ui(s, ui->kiosk ? UI_KEYS_KIOSK : UI_KEYS_WELCOME));
}

struct action screen_welcome_command(const struct tui *ui, enum command cmd)
{
    switch (cmd) {
    case CMD_PAGE_UP:
    case CMD_PAGE_DOWN: {
        struct button langs[TUI_MAX_LANGUAGES];
        char labels[TUI_MAX_LANGUAGES][96];
        struct layout l;
        layout(ui, language_buttons(ui, langs, labels), langs, &l);
        if (!l.paged)
            return ACTION(ACT_NONE);
        return ACTION_ARG(ACT_SCROLL_TO, widget_page_turn(l.block, N_BLOCKS, l.width, l.rows,
                                                          ui->scroll, cmd == CMD_PAGE_UP ? -1 : 1));
    }
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
