/* SPDX-License-Identifier: MIT */
/* idindex: open addressing with linear probing; never resized. */
#include "musclecheck/idindex.h"

#include <stdint.h>
#include <string.h>

struct slot {
    const char *key;
    long value;
};

struct idindex {
    struct slot *slots;
    size_t mask;
    size_t used;
    size_t capacity;
};

static size_t hash(const char *key)
{
    uint64_t h = 14695981039346656037u; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)key; *p != '\0'; p++) {
        h ^= *p;
        h *= 1099511628211u;
    }
    return (size_t)h;
}

struct idindex *idindex_new(struct arena *arena, size_t capacity)
{
    size_t size = 16;
    while (size < capacity * 2)
        size *= 2;
    struct idindex *ix = arena_calloc(arena, 1, sizeof(*ix));
    if (ix == NULL || (ix->slots = arena_calloc(arena, size, sizeof(*ix->slots))) == NULL)
        return NULL;
    ix->mask = size - 1;
    ix->capacity = capacity;
    return ix;
}

long idindex_put(struct idindex *ix, const char *key, long value)
{
    size_t i = hash(key) & ix->mask;
    while (ix->slots[i].key != NULL) {
        if (strcmp(ix->slots[i].key, key) == 0)
            return ix->slots[i].value;
        i = (i + 1) & ix->mask;
    }
    if (ix->used == ix->capacity)
        return -2;
    ix->slots[i].key = key;
    ix->slots[i].value = value;
    ix->used++;
    return -1;
}

long idindex_get(const struct idindex *ix, const char *key)
{
    size_t i = hash(key) & ix->mask;
    while (ix->slots[i].key != NULL) {
        if (strcmp(ix->slots[i].key, key) == 0)
            return ix->slots[i].value;
        i = (i + 1) & ix->mask;
    }
    return -1;
}
