/* SPDX-License-Identifier: MIT */
/* diag: collects located error messages for the person fixing a file. */
#include "musclecheck/diag.h"

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

void diag_print(const struct diag_list *list, FILE *out)
{
    for (size_t i = 0; i < diag_kept(list); i++) {
        const struct diag *d = &list->items[i];
        const char *file = d->file != NULL ? d->file : "<input>";
        if (d->line > 0 && d->column > 0)
            fprintf(out, "%s:%d:%d: %s\n", file, d->line, d->column, d->message);
        else if (d->line > 0)
            fprintf(out, "%s:%d: %s\n", file, d->line, d->message);
        else
            fprintf(out, "%s: %s\n", file, d->message);
    }
    if (diag_count(list) > diag_kept(list))
        fprintf(out, "%s: %zu more errors not shown; fix the ones above first\n",
                list->file != NULL ? list->file : "<input>", diag_count(list) - diag_kept(list));
}
