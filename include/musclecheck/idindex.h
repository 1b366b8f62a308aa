/* SPDX-License-Identifier: MIT */
/* idindex: a hash index from id strings to positions, so that loading and
 * answering stay linear even for very large question files. It grows as
 * ids are added, up to a fixed capacity. */
#ifndef MUSCLECHECK_IDINDEX_H
#define MUSCLECHECK_IDINDEX_H

#include <stdbool.h>
#include <stddef.h>

struct idindex;

/* An empty index that will take up to CAPACITY ids, with room from the
 * start for about EXPECTED of them (growing costs a copy); the caller owns
 * it (idindex_free). Keys are not copied: they must live as long as the
 * index. NULL when out of memory. */
struct idindex *idindex_new(size_t capacity, size_t expected);

/* Frees IX (not the keys); idindex_free(NULL) is a no-op. */
void idindex_free(struct idindex *ix);

/* Adds KEY -> VALUE (0 to INT32_MAX). Returns -1 when added, the existing value when KEY is
 * already present (nothing changes then), -2 when the index holds CAPACITY
 * ids already, or -3 when out of memory. */
long idindex_put(struct idindex *ix, const char *key, long value);

/* The value for KEY, or -1. */
long idindex_get(const struct idindex *ix, const char *key);

#endif
