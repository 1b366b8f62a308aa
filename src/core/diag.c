/* SPDX-License-Identifier: MIT */
/* diag: collects located error messages for the person fixing a file. */
#include "musclecheck/diag.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct diag_list {
    char *file;
    struct diag items[DIAG_MAX_KEPT];
    size_t kept;
    size_t count;
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
    char *message = NULL;
    if (vasprintf(&message, fmt, ap) < 0)
        return;
    struct diag *d = &list->items[list->kept];
    d->file = list->file != NULL ? strdup(list->file) : NULL;
    if (list->file != NULL && d->file == NULL) {
        free(message);
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
    from->kept = 0;
    from->count = 0;
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
    if (p[0] >= 0x20 && p[0] < 0x7F)
        return 1;
    size_t len = p[0] >= 0xC2 && p[0] <= 0xDF   ? 2
                 : p[0] >= 0xE0 && p[0] <= 0xEF ? 3
                 : p[0] >= 0xF0 && p[0] <= 0xF4 ? 4
                                                : 0;
    if (len == 0 || len > n)
        return 0;
    unsigned long code = p[0] & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        code = code << 6 | (p[i] & 0x3F);
    }
    bool overlong = (len == 3 && code < 0x800) || (len == 4 && code < 0x10000);
    bool bad = overlong || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF || code < 0xA0;
    return bad ? 0 : len;
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

void diag_print(const struct diag_list *list, FILE *out)
{
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
