/* SPDX-License-Identifier: MIT */
/* idindex: open addressing with linear probing, sized once so that it is at
 * most three quarters full. */
#include "musclecheck/idindex.h"

#include <assert.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct slot {
    const char *key; /* NULL: empty */
    int32_t value;
};

struct idindex {
    struct slot *slots;
    size_t mask; /* slots - 1, a power of two minus one */
    size_t used;
    size_t capacity;
};

static uint32_t hash(const char *key)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)key; *p != '\0'; p++) {
        h ^= *p;
        h *= 16777619u;
    }
    return h;
}

struct idindex *idindex_new(size_t capacity)
{
    size_t size = 16;
    while (size / 4 * 3 < capacity) {
        if (size > SIZE_MAX / 2 / sizeof(struct slot))
            return NULL;
        size *= 2;
    }
    struct idindex *ix = calloc(1, sizeof(*ix));
    if (ix == NULL || (ix->slots = calloc(size, sizeof(*ix->slots))) == NULL) {
        free(ix);
        return NULL;
    }
    ix->mask = size - 1;
    ix->capacity = capacity;
    return ix;
}

void idindex_free(struct idindex *ix)
{
    if (ix == NULL)
        return;
    free(ix->slots);
    free(ix);
}

/* The slot that holds KEY, or the empty one where it would go: there is
 * always one, since the index is never more than three quarters full. */
static struct slot *find(const struct idindex *ix, const char *key)
{
    assert(ix != NULL && key != NULL);
    size_t i = hash(key) & ix->mask;
    while (ix->slots[i].key != NULL && strcmp(ix->slots[i].key, key) != 0)
        i = (i + 1) & ix->mask;
    return &ix->slots[i];
}

int idindex_put(struct idindex *ix, const char *key, long value)
{
    assert(value >= 0 && value <= INT32_MAX);
    struct slot *s = find(ix, key);
    if (s->key != NULL)
        return -EEXIST;
    if (ix->used == ix->capacity)
        return -ENOSPC;
    *s = (struct slot){key, (int32_t)value};
    ix->used++;
    return 0;
}

long idindex_get(const struct idindex *ix, const char *key)
{
    const struct slot *s = find(ix, key);
    return s->key != NULL ? s->value : -1;
}
