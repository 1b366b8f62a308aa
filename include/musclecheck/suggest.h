/* SPDX-License-Identifier: MIT */
/* suggest: "did you mean" hints for misspelt keys and ids. */
#ifndef MUSCLECHECK_SUGGEST_H
#define MUSCLECHECK_SUGGEST_H

#include <stddef.h>

/* Returns the candidate closest to WORD when it is close enough to be a
 * likely typo (a small edit distance for its length), else NULL. The result
 * points into CANDIDATES; nothing is allocated. */
const char *suggest_closest(const char *word, const char *const *candidates, size_t count);

#endif
