/* SPDX-License-Identifier: MIT */
/* loader_ui: what the results and the screens show besides the questions:
 * the score bands and their labels, and the "ui" strings that translate the
 * interface. */
#include "loader_impl.h"

#include "musclecheck/loader.h"
#include "musclecheck/suggest.h"
#include "musclecheck/uistr.h"

#include <stddef.h>

/* The bands must rise from 0; a band whose min_points is wrong keeps -1. */
static void load_min_points(struct loader *ld, const struct field *f, const struct ynode *value,
                            const struct target *t)
{
    struct band *b = t->obj;
    const struct band *prev = t->index > 0 ? &ld->s->bands[t->index - 1] : NULL;
    long min;
    if (loader_int(ld, value, f->key, false, 0, 100, &min) < 0)
        return;
    b->min_points = (int)min;
    if (prev == NULL && min != 0)
        AT(ld, value, "the first band must start at min_points 0, not %ld", min);
    else if (prev != NULL && prev->min_points >= 0 && min <= prev->min_points)
        AT(ld, value, "bands must go up: min_points %ld is not above the previous band's %d", min,
           prev->min_points);
}

static const struct field band_fields[] = {
    {"id", true, loader_id_at, offsetof(struct band, id)},
    {"label", true, loader_text_at, offsetof(struct band, label)},
    {"min_points", true, load_min_points, 0},
};

static const struct shape band_shape = SHAPE(band_fields, MISSING_FIRST);

void loader_bands(struct loader *ld, const struct field *f, const struct ynode *node,
                  const struct target *t)
{
    (void)f, (void)t;
    if (node->kind != YNODE_SEQ) {
        AT(ld, node, "\"bands\" must be a list, not %s", loader_kind_name(node));
        return;
    }
    if (node->count < 2 || node->count > LOADER_MAX_LIST) {
        AT(ld, node,
           "\"bands\" must list from 2 to %d bands (it lists %zu); with one band nothing "
           "could ever be flagged",
           LOADER_MAX_LIST, (size_t)node->count);
        return;
    }
    struct survey *s = ld->s;
    struct id_list ids = {"band", "band id", ID_FIRST_UNNAMED, node, NULL};
    if ((s->bands = arena_calloc(s->arena, node->count, sizeof(*s->bands))) == NULL ||
        loader_ids_start(ld, &ids) < 0)
        return;
    s->band_count = node->count;
    for (size_t i = 0; i < node->count && !loader_stopped(ld); i++) {
        const struct what what = {"band", NULL, i + 1, NULL};
        const struct target target = {&s->bands[i], i, &ids};
        s->bands[i].min_points = -1;
        loader_mapping(ld, &node->items[i], &what, &band_shape, &target);
    }
    idindex_free(ids.index);
}

void loader_ui(struct loader *ld, const struct field *f, const struct ynode *node,
               const struct target *t)
{
    (void)f, (void)t;
    if (node->kind != YNODE_MAP) {
        AT(ld, node, "\"ui\" must be a mapping of interface strings, not %s",
           loader_kind_name(node));
        return;
    }
    for (size_t i = 0; i + 1 < node->count && !loader_stopped(ld); i += 2) {
        const struct ynode *key = &node->items[i];
        int id = key->kind == YNODE_SCALAR ? uistr_find(key->value) : -1;
        if (key->kind != YNODE_SCALAR) {
            AT(ld, key, "a key in \"ui\" must be a plain word, not %s", loader_kind_name(key));
        } else if (id < 0) {
            const char *near = suggest_closest(key->value, uistr_keys(), UI_COUNT);
            if (near != NULL)
                AT(ld, key, "unknown key \"%s\" in ui; did you mean \"%s\"?", key->value, near);
            else
                AT(ld, key, "unknown key \"%s\" in ui; docs/question-format.md lists them",
                   key->value);
        } else if (ld->s->ui[id] != NULL) {
            AT(ld, key, "\"%s\" is given twice in ui", key->value);
        } else {
            ld->s->ui[id] = loader_text(ld, &node->items[i + 1], key->value);
        }
    }
}
