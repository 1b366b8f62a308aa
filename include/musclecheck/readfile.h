/* SPDX-License-Identifier: MIT */
/* readfile: reads a whole input file (or stdin for "-") into memory, with a
 * size cap, reporting problems the way a person can act on. */
#ifndef MUSCLECHECK_READFILE_H
#define MUSCLECHECK_READFILE_H

#include "musclecheck/diag.h"

#include <stddef.h>

enum read_result {
    READ_OK = 0,
    READ_BAD_DATA, /* readable but unusable: too large */
    READ_NO_INPUT, /* missing, a folder, no permission, I/O error */
};

/* Reads PATH ("-" is standard input) into a new NUL-terminated buffer that
 * the caller frees. Larger than MAX_BYTES is an error. Messages go to DIAGS. */
enum read_result readfile(const char *path, size_t max_bytes, char **buf, size_t *len,
                          struct diag_list *diags);

#endif
