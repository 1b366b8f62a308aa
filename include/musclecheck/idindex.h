/* SPDX-License-Identifier: MIT */
/* idindex: a fixed-size hash index from id strings to positions, so that
 * loading and answering stay linear even for very large question files. */
#ifndef MUSCLECHECK_IDINDEX_H
#define MUSCLECHECK_IDINDEX_H

#include "musclecheck/arena.h"

#include <stddef.h>

struct idindex;

/* An index with room for CAPACITY ids, allocated in ARENA (freed with it).
 * Keys are not copied: they must live as long as the index. NULL when out of
 * memory. */
struct idindex *idindex_new(struct arena *arena, size_t capacity);

/* Adds KEY -> VALUE. Returns -1 when added, the existing value when KEY is
 * already present (nothing changes then), or -2 when the index is full. */
long idindex_put(struct idindex *ix, const char *key, long value);

/* The value for KEY, or -1. */
long idindex_get(const struct idindex *ix, const char *key);

#endif
