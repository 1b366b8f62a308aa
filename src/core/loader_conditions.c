/* SPDX-License-Identifier: MIT */
/* loader_conditions: the "conditions" list, what the questions are scored
 * against: each condition's id, names, comparison texts, foods and tips, its
 * prior points and the kinds of evidence that can lift it. */
#include "loader_impl.h"

#include "musclecheck/loader.h"

#include <stddef.h>

static void load_foods(struct loader *ld, const struct field *f, const struct ynode *value,
                       const struct target *t)
{
    struct condition *c = t->obj;
    c->foods = loader_shown_list(ld, value, f->key, 1, &c->foods_shown, &c->food_count);
}

static void load_tips(struct loader *ld, const struct field *f, const struct ynode *value,
                      const struct target *t)
{
    struct condition *c = t->obj;
    c->tips = loader_shown_list(ld, value, f->key, 1, &c->tips_shown, &c->tip_count);
}

static void load_prior(struct loader *ld, const struct field *f, const struct ynode *value,
                       const struct target *t)
{
    struct condition *c = t->obj;
    long prior;
    if (loader_int(ld, value, f->key, false, PRIOR_MIN, PRIOR_MAX, &prior) == 0)
        c->prior = (int)prior;
}

/* Which kinds of evidence can lift the condition: sign, cause or both. */
static void load_anchor(struct loader *ld, const struct field *f, const struct ynode *value,
                        const struct target *t)
{
    struct condition *c = t->obj;
    if (value->kind != YNODE_SEQ || value->count == 0) {
        AT(ld, value, "\"%s\" must be a list of evidence kinds, like [sign, cause]", f->key);
        return;
    }
    c->anchors = 0;
    for (size_t i = 0; i < value->count; i++) {
        enum evidence_kind k;
        if (loader_kind(ld, &value->items[i], &k) < 0)
            continue;
        if (k != EVIDENCE_SIGN && k != EVIDENCE_CAUSE)
            AT(ld, &value->items[i],
               "only sign and cause can anchor a condition; %s evidence never lifts one alone",
               evidence_kind_name(k));
        else
            c->anchors |= 1u << k;
    }
}

static const struct field condition_fields[] = {
    {"id", true, loader_id_at, offsetof(struct condition, id)},
    {"name", true, loader_text_at, offsetof(struct condition, name)},
    {"role", true, loader_text_at, offsetof(struct condition, role)},
    {"muscle_symptoms", true, loader_text_at, offsetof(struct condition, muscle_symptoms)},
    {"other_symptoms", true, loader_text_at, offsetof(struct condition, other_symptoms)},
    {"foods", true, load_foods, 0},
    {"tips", true, load_tips, 0},
    {"prior", false, load_prior, 0},
    {"anchor", false, load_anchor, 0},
};

static const struct shape condition_shape = SHAPE(condition_fields, MISSING_FIRST);

void loader_conditions(struct loader *ld, const struct field *f, const struct ynode *node,
                       const struct target *t)
{
    (void)f, (void)t;
    if (node->kind != YNODE_SEQ) {
        AT(ld, node,
           "\"conditions\" must be a list (one \"- id: ...\" entry per condition), not %s",
           loader_kind_name(node));
        return;
    }
    if (node->count == 0 || node->count > LOADER_MAX_CONDITIONS) {
        AT(ld, node, "\"conditions\" must list from 1 to %d conditions (it lists %zu)",
           LOADER_MAX_CONDITIONS, (size_t)node->count);
        return;
    }
    struct survey *s = ld->s;
    ld->conditions = (struct id_list){"condition", "condition id", ID_FIRST_POSITION, node, NULL};
    if (loader_ids_start(ld, &ld->conditions) < 0 ||
        (s->conditions = arena_calloc(s->arena, node->count, sizeof(*s->conditions))) == NULL)
        return;
    s->condition_count = node->count;
    for (size_t i = 0; i < node->count && !loader_stopped(ld); i++) {
        const struct ynode *item = &node->items[i];
        struct condition *c = &s->conditions[i];
        const struct what what = {"condition", NULL, i + 1, item};
        const struct target target = {c, i, &ld->conditions};
        c->line = item->line;
        c->column = item->column;
        c->anchors = 1u << EVIDENCE_SIGN | 1u << EVIDENCE_CAUSE;
        loader_mapping(ld, item, &what, &condition_shape, &target);
    }
}

void loader_conditions_shown(struct loader *ld)
{
    const struct ynode *list = ld->conditions.list;
    struct survey *s = ld->s;
    if (list == NULL || list->kind != YNODE_SEQ || list->count != s->condition_count)
        return;
    for (size_t i = 0; i < s->condition_count && !loader_stopped(ld); i++) {
        const struct ynode *foods = loader_value_of(&list->items[i], "foods");
        const struct ynode *tips = loader_value_of(&list->items[i], "tips");
        const struct condition *c = &s->conditions[i];
        if (foods != NULL)
            loader_shown_resolve(ld, foods, c->foods_shown, c->food_count);
        if (tips != NULL)
            loader_shown_resolve(ld, tips, c->tips_shown, c->tip_count);
    }
}
