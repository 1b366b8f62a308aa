/* SPDX-License-Identifier: MIT */
/* overlay_summary: saving the summary for the doctor to a file the person
 * names (never replacing a file without asking), and, in a kiosk, sending it
 * to the clinic's print command so that nothing is kept on disk. */
#include "musclecheck/output.h"
#include "musclecheck/pipe_cmd.h"
#include "musclecheck/tui_screens.h"
#include "musclecheck/tui_widgets.h"
#include "musclecheck/wrap.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { SUMMARY_WIDTH = 78, PRINT_TIMEOUT_MS = 15000 };

static void set_message(struct tui *ui, enum uistr template, const char *name, const char *value)
{
    const char *vars[] = {name, value, NULL};
    char *text = uistr_expand(survey_ui(ui->survey, template), vars);
    snprintf(ui->message, sizeof(ui->message), "%s", text != NULL ? text : "");
    free(text);
    ui->overlay = OVERLAY_MESSAGE;
}

void tui_save_start(struct tui *ui)
{
    char date[32];
    time_t now = time(NULL);
    struct tm tm;
    strftime(date, sizeof(date), "%Y-%m-%d", localtime_r(&now, &tm));
    ui->save_len =
        (size_t)snprintf(ui->save_path, sizeof(ui->save_path), "musclecheck-summary-%s.txt", date);
    ui->save_confirm = false;
    ui->overlay = OVERLAY_SAVE;
}

void overlay_save_draw(struct tui *ui)
{
    const struct survey *s = ui->survey;
    const char *prompt = survey_ui(s, ui->save_confirm ? UI_REPLACE : UI_SAVE_AS);
    int y, x, w;
    widget_box(widget_text_height(prompt, widget_box_text_width()) + 2, &y, &x, &w);
    int used = widget_text(y, x, w, LINES - 4, prompt, ROLE_TITLE);
    /* The end of a long name matters most: show its tail when it is too wide. */
    const char *shown = ui->save_path;
    while (wrap_width(shown, strlen(shown)) > w - 3 && *shown != '\0') {
        shown++;
        while (((unsigned char)*shown & 0xC0) == 0x80) /* whole characters only */
            shown++;
    }
    mvaddstr(y + used + 1, x, "> ");
    addstr(shown);
    if (!ui->save_confirm) {
        leaveok(stdscr, FALSE);
        curs_set(1); /* a text field shows where typing goes */
    }
}

static void save(struct tui *ui, bool replace)
{
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (replace ? O_TRUNC : O_EXCL);
    int fd = open(ui->save_path, flags, 0600);
    if (fd < 0 && errno == EEXIST) {
        ui->save_confirm = true;
        return;
    }
    FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (fp == NULL) {
        set_message(ui, UI_SAVE_FAILED, "reason", strerror(errno));
        if (fd >= 0)
            close(fd);
        return;
    }
    output_summary(fp, ui->report, ui->session, time(NULL), SUMMARY_WIDTH);
    bool ok = fflush(fp) == 0 && !ferror(fp);
    int err = errno;
    if (fclose(fp) != 0)
        ok = false;
    if (!ok) {
        set_message(ui, UI_SAVE_FAILED, "reason", strerror(err));
        return;
    }
    char full[PATH_MAX];
    set_message(ui, UI_SAVED, "file", realpath(ui->save_path, full) != NULL ? full : ui->save_path);
}

enum step overlay_save_key(struct tui *ui, int key)
{
    if (ui->save_confirm) {
        if (key == 'y' || key == 'Y')
            save(ui, true);
        else
            ui->save_confirm = false; /* back to the name, to pick another */
        return STEP_CONTINUE;
    }
    if (key == KEY_ESC) {
        ui->overlay = OVERLAY_NONE;
    } else if (key == '\r' || key == '\n' || key == KEY_ENTER) {
        if (ui->save_len > 0)
            save(ui, false);
    } else if (key == KEY_BACKSPACE || key == 127 || key == 8) {
        /* Remove one whole character, continuation bytes and all. */
        while (ui->save_len > 0 && ((unsigned char)ui->save_path[--ui->save_len] & 0xC0) == 0x80)
            ;
        ui->save_path[ui->save_len] = '\0';
    } else if (key >= 0x20 && key <= 0xFF && key != 127 &&
               ui->save_len + 1 < sizeof(ui->save_path)) {
        ui->save_path[ui->save_len++] = (char)key;
        ui->save_path[ui->save_len] = '\0';
    }
    return STEP_CONTINUE;
}

static void write_summary(FILE *stream, void *ctx)
{
    struct tui *ui = ctx;
    output_summary(stream, ui->report, ui->session, time(NULL), SUMMARY_WIDTH);
}

void tui_print(struct tui *ui)
{
    if (ui->print_command == NULL || ui->report == NULL)
        return;
    int ok = pipe_cmd(ui->print_command, write_summary, ui, PRINT_TIMEOUT_MS);
    set_message(ui, ok == 0 ? UI_PRINTED : UI_PRINT_FAILED, "", "");
}

void overlay_message_draw(struct tui *ui)
{
    int y, x, w;
    int h = widget_text_height(ui->message, widget_box_text_width());
    widget_box(h + 2, &y, &x, &w);
    int used = widget_text(y, x, w, LINES - 6, ui->message, ROLE_TITLE);
    widget_text(y + used + 1, x, w, 1, survey_ui(ui->survey, UI_PRESS_ANY_KEY), ROLE_DIM);
}
