/* SPDX-License-Identifier: MIT */
/* summary: saving and printing the summary for a doctor. */
#include "summary.h"

#include "musclecheck/output.h"
#include "musclecheck/pipe_cmd.h"

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

void summary_save_start(struct tui *ui)
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

void summary_save(struct tui *ui, bool replace)
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
    output_summary(fp, ui->results, ui->survey, time(NULL), SUMMARY_WIDTH);
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

static void write_summary(FILE *stream, void *ctx)
{
    struct tui *ui = ctx;
    output_summary(stream, ui->results, ui->survey, time(NULL), SUMMARY_WIDTH);
}

void summary_print(struct tui *ui)
{
    if (ui->print_command == NULL || ui->results == NULL)
        return;
    int ok = pipe_cmd(ui->print_command, write_summary, ui, PRINT_TIMEOUT_MS);
    set_message(ui, ok == 0 ? UI_PRINTED : UI_PRINT_FAILED, "", "");
}
