/* SPDX-License-Identifier: MIT */
/* arena: a bump allocator for data that lives and dies together (a parsed
 * YAML tree, a loaded survey). One arena_free releases everything, so the
 * loaders need no per-node cleanup on their many error paths. The caller
 * owns the arena; the arena owns every block it hands out. */
#ifndef MUSCLECHECK_ARENA_H
#define MUSCLECHECK_ARENA_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

/* A new empty arena, or NULL when out of memory. */
struct arena *arena_new(void);

/* Frees the arena and every block it handed out; arena_free(NULL) does nothing. */
void arena_free(struct arena *a);

/* COUNT times SIZE zeroed bytes aligned for any type, owned by A; NULL when
 * out of memory or when SIZE times COUNT overflows. */
void *arena_calloc(struct arena *a, size_t count, size_t size);

/* arena_calloc for objects that need only ALIGN (a power of two, at most
 * max_align_t's alignment): small objects of chars pack tighter. */
void *arena_calloc_aligned(struct arena *a, size_t count, size_t size, size_t align);

/* A copy of the SIZE bytes at P, aligned for any type, owned by A; NULL when
 * out of memory. */
void *arena_memdup(struct arena *a, const void *p, size_t size);

/* A NUL-terminated copy of LEN bytes of TEXT, owned by A and packed right
 * after the previous text; NULL when out of memory. */
char *arena_strndup(struct arena *a, const char *text, size_t len);

/* Whether any allocation from A failed: code that builds something big
 * from many allocations checks this once instead of after each one. */
bool arena_failed(const struct arena *a);

/* Bytes handed out so far (for tests of memory growth). */
size_t arena_used(const struct arena *a);

#endif
