/* SPDX-License-Identifier: MIT */
/* summary: saving and printing the summary for a doctor. */
#include "summary.h"
#include "musclecheck/clock.h"

#include "musclecheck/output.h"
#include "musclecheck/private_file.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

static int write_summary(FILE *out, void *arg)
{
    struct tui *ui = arg;
    return output_summary(out, ui->results, ui->survey, time(NULL), SUMMARY_WIDTH);
}

void summary_save(struct tui *ui, bool replace)
{
    /* The patient's answers: private, written whole, never through a link
     * (private_file.h). */
    char why[160];
    if (private_file_write(ui->save_path, replace, write_summary, ui, why, sizeof(why)) != 0) {
        if (errno == EEXIST && !replace)
            ui->save_confirm = true;
        else
            set_message(ui, UI_SAVE_FAILED, "reason", why);
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
        int written = output_summary(out, ui->results, ui->survey, time(NULL), SUMMARY_WIDTH);
        if (fclose(out) == 0 && !b.failed && written == 0)
            ui->print = print_job_start(ui->print_command, b.data, b.len,
                                        clock_now_ms() + PRINT_TIMEOUT_MS);
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
    enum print_status st = print_job_poll(ui->print, clock_now_ms());
    if (st == PRINT_RUNNING)
        return false;
    print_job_free(ui->print);
    ui->print = NULL;
    set_message(ui, st == PRINT_DONE_OK ? UI_PRINTED : UI_PRINT_FAILED, "", "");
    /* The idle time starts again from the outcome: a print that ends after
     * it would otherwise be wiped away before "collect it at the desk" (or
     * "printing did not work") was ever seen. */
    ui->last_input = clock_now_ms();
    return true;
}
