/* SPDX-License-Identifier: MIT */
/* summary: saving and printing the summary for a doctor. */
#include "summary.h"

#include "musclecheck/output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The print command has this long to take the summary and finish, the
 * write included; then its whole process group is ended. */
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

void summary_print(struct tui *ui)
{
    if (ui->print_command == NULL || ui->results == NULL || ui->print != NULL)
        return;
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (mem == NULL) {
        set_message(ui, UI_PRINT_FAILED, "", "");
        return;
    }
    output_summary(mem, ui->results, ui->survey, time(NULL), SUMMARY_WIDTH);
    bool ok = fclose(mem) == 0;
    if (ok)
        ui->print =
            print_job_start(ui->print_command, text, len, print_job_now_ms() + PRINT_TIMEOUT_MS);
    /* The job keeps (and wipes) its own copy: ours goes now. */
    if (text != NULL)
        explicit_bzero(text, len);
    free(text);
    if (ui->print == NULL) {
        set_message(ui, UI_PRINT_FAILED, "", "");
        return;
    }
    ui->overlay = OVERLAY_PRINTING;
}

bool summary_print_poll(struct tui *ui)
{
    if (ui->print == NULL)
        return false;
    enum print_status st = print_job_poll(ui->print, print_job_now_ms());
    if (st == PRINT_RUNNING)
        return false;
    print_job_free(ui->print);
    ui->print = NULL;
    set_message(ui, st == PRINT_DONE_OK ? UI_PRINTED : UI_PRINT_FAILED, "", "");
    return true;
}
