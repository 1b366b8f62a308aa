/* SPDX-License-Identifier: MIT */
/* diag: collects located error messages for the person fixing a file. */
#include "musclecheck/diag.h"

#include "musclecheck/utf8.h"
#include "musclecheck/wipe.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct diag_list {
    char *file;
    struct diag items[DIAG_MAX_KEPT];
    size_t kept;
    size_t count;
    bool no_memory; /* an allocation failed: the other messages may be its echoes */
};

struct diag_list *diag_list_new(const char *file)
{
    struct diag_list *list = calloc(1, sizeof(*list));
    if (list == NULL)
        return NULL;
    if (file != NULL && (list->file = strdup(file)) == NULL) {
        free(list);
        return NULL;
    }
    return list;
}

void diag_list_free(struct diag_list *list)
{
    if (list == NULL)
        return;
    for (size_t i = 0; i < list->kept; i++) {
        free(list->items[i].file);
        free(list->items[i].message);
    }
    free(list->file);
    free(list);
}

void diag_addv(struct diag_list *list, int line, int column, const char *fmt, va_list ap)
{
    if (list == NULL)
        return;
    list->count++;
    if (list->kept == DIAG_MAX_KEPT)
        return;
    char *message = wipe_vprintf(fmt, ap);
    if (message == NULL) {
        list->no_memory = true;
        return;
    }
    struct diag *d = &list->items[list->kept];
    d->file = list->file != NULL ? strdup(list->file) : NULL;
    if (list->file != NULL && d->file == NULL) {
        free(message);
        list->no_memory = true;
        return;
    }
    d->line = line;
    d->column = column;
    d->message = message;
    list->kept++;
}

void diag_add(struct diag_list *list, int line, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(list, line, column, fmt, ap);
    va_end(ap);
}

void diag_list_move(struct diag_list *to, struct diag_list *from)
{
    if (to == NULL || from == NULL)
        return;
    for (size_t i = 0; i < from->kept; i++) {
        if (to->kept < DIAG_MAX_KEPT) {
            to->items[to->kept++] = from->items[i];
        } else {
            free(from->items[i].file);
            free(from->items[i].message);
        }
    }
    to->count += from->count;
    to->no_memory |= from->no_memory;
    from->kept = 0;
    from->count = 0;
}

void diag_no_memory(struct diag_list *list)
{
    if (list != NULL)
        list->no_memory = true;
}

bool diag_out_of_memory(const struct diag_list *list)
{
    return list != NULL && list->no_memory;
}

size_t diag_count(const struct diag_list *list)
{
    return list != NULL ? list->count : 0;
}

size_t diag_kept(const struct diag_list *list)
{
    return list != NULL ? list->kept : 0;
}

const struct diag *diag_get(const struct diag_list *list, size_t i)
{
    return i < diag_kept(list) ? &list->items[i] : NULL;
}

const char *diag_file(const struct diag_list *list)
{
    return list != NULL ? list->file : NULL;
}

/* The length of the valid UTF-8 character at P (N bytes left) that is not a
 * control character, or 0. */
static size_t printable_utf8(const unsigned char *p, size_t n)
{
    uint32_t code = 0;
    int len = utf8_decode(p, n, &code);
    bool control = code < 0x20 || (code >= 0x7F && code < 0xA0);
    return len > 0 && !control ? (size_t)len : 0;
}

void diag_write_safe(FILE *out, const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        size_t n = printable_utf8(p + i, len - i);
        if (n > 0) {
            fwrite(p + i, 1, n, out);
            i += n;
        } else {
            fprintf(out, "\\x%02X", p[i]);
            i++;
        }
    }
}

static void write_safe(FILE *out, const char *text)
{
    diag_write_safe(out, text, strlen(text));
}

int diag_print_line(FILE *out, const char *fmt, ...)
{
    /* Most messages fit here, so that even one saying that memory ran short
     * needs none; a longer one (quoting a long path) is composed in memory. */
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    char *text = NULL;
    if (n < 0)
        return -1;
    if ((size_t)n >= sizeof(line)) {
        va_start(ap, fmt);
        text = wipe_vprintf(fmt, ap);
        va_end(ap);
        if (text == NULL)
            return -1;
    }
    write_safe(out, text != NULL ? text : line);
    fputc('\n', out);
    free(text);
    return 0;
}

void diag_print(const struct diag_list *list, FILE *out)
{
    if (diag_out_of_memory(list)) {
        write_safe(out, list->file != NULL ? list->file : "<input>");
        fputs(": out of memory\n", out);
        return;
    }
    for (size_t i = 0; i < diag_kept(list); i++) {
        const struct diag *d = &list->items[i];
        write_safe(out, d->file != NULL ? d->file : "<input>");
        if (d->line > 0)
            fprintf(out, ":%d", d->line);
        if (d->line > 0 && d->column > 0)
            fprintf(out, ":%d", d->column);
        fputs(": ", out);
        write_safe(out, d->message);
        fputc('\n', out);
    }
    if (diag_count(list) > diag_kept(list)) {
        write_safe(out, list->file != NULL ? list->file : "<input>");
        fprintf(out, ": %zu more errors not shown; fix the ones above first\n",
                diag_count(list) - diag_kept(list));
    }
}
