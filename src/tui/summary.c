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
#include <sys/stat.h>
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
    if (localtime_r(&now, &tm) == NULL || strftime(date, sizeof(date), "%Y-%m-%d", &tm) == 0)
        snprintf(date, sizeof(date), "today");
    ui->save_len =
        (size_t)snprintf(ui->save_path, sizeof(ui->save_path), "musclecheck-summary-%s.txt", date);
    ui->save_confirm = false;
    ui->overlay = OVERLAY_SAVE;
}

void summary_save(struct tui *ui, bool replace)
{
    /* O_NONBLOCK: a named pipe must not freeze the screen waiting for a
     * reader; anything but a regular file is refused before writing. */
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NONBLOCK | (replace ? 0 : O_EXCL);
    int fd = open(ui->save_path, flags, 0600);
    if (fd < 0 && errno == EEXIST) {
        ui->save_confirm = true;
        return;
    }
    struct stat st;
    if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
        close(fd);
        set_message(ui, UI_SAVE_FAILED, "reason", "that name is not an ordinary file");
        return;
    }
    if (fd >= 0 && (fcntl(fd, F_SETFL, 0) != 0 || (replace && ftruncate(fd, 0) != 0))) {
        close(fd);
        fd = -1;
    }
    FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
    char iobuf[BUFSIZ]; /* ours, so that it can be wiped after use */
    if (fp != NULL)
        setvbuf(fp, iobuf, _IOFBF, sizeof(iobuf));
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
    explicit_bzero(iobuf, sizeof(iobuf));
    if (!ok) {
        set_message(ui, UI_SAVE_FAILED, "reason", strerror(err));
        return;
    }
    char full[PATH_MAX];
    set_message(ui, UI_SAVED, "file", realpath(ui->save_path, full) != NULL ? full : ui->save_path);
}

/* A buffer that grows for a stdio stream and wipes every copy it drops:
 * open_memstream would free its smaller buffers with the text still in them. */
struct wiping_buffer {
    char *data;
    size_t len, cap;
    bool failed;
};

static ssize_t wiping_write(void *cookie, const char *text, size_t size)
{
    struct wiping_buffer *b = cookie;
    if (b->len + size > b->cap) {
        size_t cap = b->cap != 0 ? b->cap : 4096;
        while (cap < b->len + size)
            cap *= 2;
        char *bigger = malloc(cap);
        if (bigger == NULL) {
            b->failed = true;
            return -1;
        }
        if (b->data != NULL) {
            memcpy(bigger, b->data, b->len);
            explicit_bzero(b->data, b->cap);
            free(b->data);
        }
        b->data = bigger;
        b->cap = cap;
    }
    memcpy(b->data + b->len, text, size);
    b->len += size;
    return (ssize_t)size;
}

void summary_print(struct tui *ui)
{
    if (ui->print_command == NULL || ui->results == NULL || ui->print != NULL)
        return;
    struct wiping_buffer b = {0};
    FILE *out = fopencookie(&b, "w", (cookie_io_functions_t){.write = wiping_write});
    if (out != NULL) {
        setvbuf(out, NULL, _IONBF, 0); /* no stdio buffer holding a copy */
        output_summary(out, ui->results, ui->survey, time(NULL), SUMMARY_WIDTH);
        if (fclose(out) == 0 && !b.failed)
            ui->print = print_job_start(ui->print_command, b.data, b.len,
                                        print_job_now_ms() + PRINT_TIMEOUT_MS);
    }
    /* The job keeps (and wipes) its own copy: ours goes now. */
    if (b.data != NULL)
        explicit_bzero(b.data, b.cap);
    free(b.data);
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
