/* SPDX-License-Identifier: MIT */
/* arena: bump allocation in growing blocks. */
#include "musclecheck/arena.h"

#include <assert.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { ARENA_BLOCK = 64 * 1024 };

struct block {
    struct block *next;
    size_t size; /* usable bytes after the header */
    size_t used;
    alignas(max_align_t) unsigned char data[];
};

struct arena {
    struct block *head;
    size_t used;
    bool failed; /* an allocation ran out of memory */
};

struct arena *arena_new(void)
{
    return calloc(1, sizeof(struct arena));
}

void arena_free(struct arena *a)
{
    if (a == NULL)
        return;
    for (struct block *b = a->head, *next; b != NULL; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}

/* SIZE bytes at a multiple of ALIGN (a power of two, at most max_align_t's).
 * Only the start is aligned, so that texts (ALIGN 1) are packed end to end:
 * a large file has tens of thousands of short ones. */
static void *arena_alloc(struct arena *a, size_t size, size_t align)
{
    assert(a != NULL);
    assert(align != 0 && (align & (align - 1)) == 0 && align <= alignof(max_align_t));
    struct block *b = a->head;
    size_t start = b != NULL ? (b->used + align - 1) & ~(align - 1) : 0;
    if (b == NULL || start > b->size || b->size - start < size) {
        size_t want = size > ARENA_BLOCK ? size : ARENA_BLOCK;
        if (want > SIZE_MAX - sizeof(*b) || (b = malloc(sizeof(*b) + want)) == NULL) {
            a->failed = true;
            return NULL;
        }
        b->size = want;
        b->used = 0;
        start = 0;
        /* A big one-off block goes behind the current one so that the
         * current block's free space is still used. */
        if (a->head != NULL && size > ARENA_BLOCK) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    a->used += start - b->used + size;
    b->used = start + size;
    return b->data + start;
}

void *arena_calloc_aligned(struct arena *a, size_t count, size_t size, size_t align)
{
    if (size != 0 && count > SIZE_MAX / size) {
        a->failed = true;
        return NULL;
    }
    size_t total = count * size;
    void *p = arena_alloc(a, total != 0 ? total : 1, align);
    if (p != NULL)
        memset(p, 0, total);
    return p;
}

void *arena_calloc(struct arena *a, size_t count, size_t size)
{
    return arena_calloc_aligned(a, count, size, alignof(max_align_t));
}

void *arena_memdup(struct arena *a, const void *p, size_t size)
{
    void *copy = arena_alloc(a, size != 0 ? size : 1, alignof(max_align_t));
    if (copy != NULL)
        memcpy(copy, p, size);
    return copy;
}

char *arena_strndup(struct arena *a, const char *text, size_t len)
{
    if (len == SIZE_MAX) {
        a->failed = true;
        return NULL;
    }
    char *copy = arena_alloc(a, len + 1, 1);
    if (copy == NULL)
        return NULL;
    memcpy(copy, text, len);
    copy[len] = '\0';
    return copy;
}

bool arena_failed(const struct arena *a)
{
    return a != NULL && a->failed;
}

size_t arena_used(const struct arena *a)
{
    return a != NULL ? a->used : 0;
}
