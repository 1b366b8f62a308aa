/* SPDX-License-Identifier: MIT */
/* readfile: reads a whole input file (or stdin for "-") into memory, with a
 * size cap, reporting problems the way a person can act on. */
#ifndef MUSCLECHECK_READFILE_H
#define MUSCLECHECK_READFILE_H

#include "musclecheck/diag.h"

#include <stdbool.h>
#include <stddef.h>

enum read_result {
    READ_OK = 0,
    READ_BAD_DATA,  /* readable but unusable: too large, or a NUL byte */
    READ_NO_INPUT,  /* missing, a folder, no permission, I/O error */
    READ_NO_MEMORY, /* out of memory (DIAGS is marked, diag_no_memory) */
};

/* Reads PATH ("-" is standard input) into a new NUL-terminated buffer that
 * the caller frees. Larger than MAX_BYTES is an error, and so is a NUL byte
 * anywhere (text never has one; a parser would stop reading a line there),
 * except in a file marked UTF-16 by its byte order mark, which is made of
 * them. Messages go to DIAGS. */
enum read_result readfile(const char *path, size_t max_bytes, char **buf, size_t *len,
                          struct diag_list *diags);

/* Whether the LEN bytes of BUF start with a UTF-16 byte order mark. */
bool readfile_utf16(const char *buf, size_t len);

/* Returns 0 when the LEN bytes of BUF hold no NUL byte; else adds a message
 * at the first one ("LINE:COLUMN", columns in characters as the question
 * file loader counts them) to DIAGS and returns -1. */
int readfile_check_nul(const char *buf, size_t len, struct diag_list *diags);

#endif
