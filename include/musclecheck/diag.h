/* SPDX-License-Identifier: MIT */
/* diag: a list of located error messages ("FILE:LINE:COLUMN: message").
 *
 * The loaders collect every problem they find instead of stopping at the
 * first, so that a person editing a question file can fix them all in one go.
 * A diag list owns its messages; callers only read them. */
#ifndef MUSCLECHECK_DIAG_H
#define MUSCLECHECK_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Past this many messages a list keeps only a count: one broken indent can
 * cause hundreds of follow-on errors that help nobody. */
#define DIAG_MAX_KEPT 50

struct diag {
    char *file;    /* owned copy of the file name, may be NULL */
    int line;      /* 1-based; 0 when the message is about the whole file */
    int column;    /* 1-based; 0 when unknown */
    char *message; /* owned */
};

struct diag_list;

/* Returns a new empty list for messages about FILE (copied), or NULL when
 * out of memory. Free with diag_list_free. */
struct diag_list *diag_list_new(const char *file);
void diag_list_free(struct diag_list *list);

/* Adds a message at LINE:COLUMN (printf-style). When memory runs out the
 * message is counted but not kept, and the list is marked as by
 * diag_no_memory. */
void diag_add(struct diag_list *list, int line, int column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void diag_addv(struct diag_list *list, int line, int column, const char *fmt, va_list ap);

/* Moves every message of FROM to the end of TO, in order, and empties FROM:
 * messages found early (while a file is still being read) can then take
 * their place among the others. */
void diag_list_move(struct diag_list *to, struct diag_list *from);

/* Marks LIST: an allocation failed while its input was being handled. The
 * input's messages may then be echoes of the failure (an id that could not
 * be stored is later "unknown"), so diag_print gives the failure alone. */
void diag_no_memory(struct diag_list *list);

/* Whether LIST was marked by diag_no_memory (or a message could not be kept). */
bool diag_out_of_memory(const struct diag_list *list);

/* Number of messages added, kept or not. */
size_t diag_count(const struct diag_list *list);

/* The I-th kept message (I < number kept), owned by the list. */
const struct diag *diag_get(const struct diag_list *list, size_t i);
size_t diag_kept(const struct diag_list *list);

/* The file name the list was made for (owned by the list, may be NULL). */
const char *diag_file(const struct diag_list *list);

/* Prints every kept message as "FILE:LINE:COLUMN: message", one per line,
 * and a last line saying how many were left out, if any; or only
 * "FILE: out of memory" when the list is marked so. File names and
 * messages are written as by diag_write_safe. */
void diag_print(const struct diag_list *list, FILE *out);

/* Writes the LEN bytes of TEXT so that a terminal shows them and acts on
 * none: valid UTF-8 printable characters as they are, every control
 * character (C0, DEL, C1) and every byte of invalid UTF-8 as \xNN. */
void diag_write_safe(FILE *out, const char *text, size_t len);

/* Prints a message that is not about a place in a file (printf-style) and a
 * newline, the message written as by diag_write_safe: every message that
 * quotes an argument, an environment variable, a file name or a file's
 * text goes out this way, so that what it quotes cannot drive the
 * terminal. Returns 0, or -1 when out of memory (only a message longer
 * than a line of 1 KiB needs any), having written nothing. */
int diag_print_line(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
