/* SPDX-License-Identifier: MIT */
/* answers: the batch-mode answers file, one "ID=yes|no|unsure" per line,
 * with "#" comments and blank lines. */
#ifndef MUSCLECHECK_ANSWERS_H
#define MUSCLECHECK_ANSWERS_H

#include "musclecheck/diag.h"
#include "musclecheck/session.h"

#include <stddef.h>

#define ANSWERS_MAX_FILE_BYTES ((size_t)1 << 20)

/* Parses LEN bytes of BUF and records the answers in SE, in the survey's
 * question order (so an answer to a follow-up question is kept whatever line
 * it is on, as long as the question it depends on got the right answer).
 * Returns 0; or, on any problem, -1 with SE left unchanged and the problems
 * ("FILE:LINE: message") in DIAGS, marked as by diag_no_memory when memory
 * ran out. */
int answers_parse(struct session *se, const char *buf, size_t len, struct diag_list *diags);

#endif
