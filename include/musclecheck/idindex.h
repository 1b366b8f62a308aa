/* SPDX-License-Identifier: MIT */
/* idindex: a hash index from id strings to positions in a list, so that
 * loading and answering stay linear even for very large question files.
 * Its hash is the only one in the program. */
#ifndef MUSCLECHECK_IDINDEX_H
#define MUSCLECHECK_IDINDEX_H

#include <stddef.h>

struct idindex;

/* An empty index with room for CAPACITY ids (the length of the list they
 * come from), or NULL when out of memory. The caller owns it (idindex_free).
 * Keys are not copied: the caller keeps them alive as long as the index. */
struct idindex *idindex_new(size_t capacity);

/* Frees IX (not the keys); idindex_free(NULL) does nothing. */
void idindex_free(struct idindex *ix);

/* Adds KEY -> VALUE (0 to INT32_MAX). Returns 0 when added; -EEXIST when
 * KEY is there already (nothing changes: idindex_get says where), or
 * -ENOSPC when the index holds CAPACITY ids. */
int idindex_put(struct idindex *ix, const char *key, long value);

/* The value for KEY, or -1 when KEY is not in IX. */
long idindex_get(const struct idindex *ix, const char *key);

#endif
