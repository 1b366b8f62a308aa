/* SPDX-License-Identifier: MIT */
/* idindex: open addressing with linear probing, doubled when three
 * quarters full, so that a list whose length is not known until it ends
 * (questions are loaded as they are read) needs no guess. */
#include "musclecheck/idindex.h"

#include "musclecheck/prefault.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The hash is kept so that growing needs no rehashing and a probe
 * compares texts only when the hashes agree. */
struct slot {
    const char *key;
    int32_t value;
    uint32_t hash;
};

struct idindex {
    struct slot *slots;
    size_t mask;
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

enum { FIRST_SIZE = 16 };

struct idindex *idindex_new(size_t capacity, size_t expected)
{
    size_t size = FIRST_SIZE;
    if (expected > capacity)
        expected = capacity;
    while (size / 4 * 3 < expected)
        size *= 2;
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

/* The slot that holds KEY (hashed to H), or the empty one where it would go. */
static struct slot *find(const struct idindex *ix, const char *key, uint32_t h)
{
    size_t i = h & ix->mask;
    while (ix->slots[i].key != NULL &&
           (ix->slots[i].hash != h || strcmp(ix->slots[i].key, key) != 0))
        i = (i + 1) & ix->mask;
    return &ix->slots[i];
}

/* The empty slot where an entry hashed to H goes while growing (keys are unique). */
static struct slot *free_slot(const struct idindex *ix, uint32_t h)
{
    size_t i = h & ix->mask;
    while (ix->slots[i].key != NULL)
        i = (i + 1) & ix->mask;
    return &ix->slots[i];
}

static bool grow(struct idindex *ix)
{
    size_t size = (ix->mask + 1) * 2;
    struct slot *old = ix->slots;
    size_t old_size = ix->mask + 1;
    if ((ix->slots = calloc(size, sizeof(*ix->slots))) == NULL) {
        ix->slots = old;
        return false;
    }
    prefault(ix->slots, size * sizeof(*ix->slots)); /* the hashes fill it all over */
    ix->mask = size - 1;
    for (size_t i = 0; i < old_size; i++)
        if (old[i].key != NULL)
            *free_slot(ix, old[i].hash) = old[i];
    free(old);
    return true;
}

long idindex_put(struct idindex *ix, const char *key, long value)
{
    uint32_t h = hash(key);
    struct slot *s = find(ix, key, h);
    if (s->key != NULL)
        return s->value;
    if (ix->used == ix->capacity)
        return -2;
    if ((ix->used + 1) * 4 > (ix->mask + 1) * 3) {
        if (!grow(ix))
            return -3;
        s = free_slot(ix, h);
    }
    *s = (struct slot){key, (int32_t)value, h};
    ix->used++;
    return -1;
}

long idindex_get(const struct idindex *ix, const char *key)
{
    const struct slot *s = find(ix, key, hash(key));
    return s->key != NULL ? s->value : -1;
}
