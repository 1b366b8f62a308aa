/* SPDX-License-Identifier: MIT */
/* loader_rules: the "triage_rules" and "other_causes" lists. Both name
 * questions in "when" groups (every group needs a yes to one of its
 * questions), so they are read after the questions. */
#include "loader_impl.h"

#include "musclecheck/loader.h"

#include <stddef.h>
#include <string.h>

/* A question id in a "when" group, as its index; -1 after a message. */
static long question_ref(struct loader *ld, const struct ynode *node)
{
    if (node->kind != YNODE_SCALAR) {
        AT(ld, node, "a \"when\" group lists question ids, not %s", loader_kind_name(node));
        return -1;
    }
    long q = ld->question_ids != NULL ? idindex_get(ld->question_ids, node->value) : -1;
    if (q < 0)
        AT(ld, node, "\"when\" refers to \"%s\", but no question has that id", node->value);
    return q;
}

/* "when": a list of groups, each a list of question ids (or one id). */
static void load_when(struct loader *ld, const struct ynode *node, struct condition_groups *g)
{
    if (node->kind != YNODE_SEQ || node->count == 0) {
        AT(ld, node,
           "\"when\" must be a list of groups of question ids, like \"- [water_tablets, "
           "laxatives]\": every group needs a yes to one of its questions");
        return;
    }
    size_t **groups = arena_calloc(ld->s->arena, node->count, sizeof(*groups));
    size_t *sizes = arena_calloc(ld->s->arena, node->count, sizeof(*sizes));
    if (groups == NULL || sizes == NULL)
        return;
    for (size_t i = 0; i < node->count; i++) {
        const struct ynode *group = &node->items[i];
        size_t n = group->kind == YNODE_SEQ ? group->count : 1;
        if (n == 0) {
            AT(ld, group, "a \"when\" group must list at least one question id");
            return;
        }
        groups[i] = arena_calloc(ld->s->arena, n, sizeof(**groups));
        if (groups[i] == NULL)
            return;
        for (size_t k = 0; k < n; k++) {
            long q = question_ref(ld, group->kind == YNODE_SEQ ? &group->items[k] : group);
            if (q < 0)
                return;
            groups[i][k] = (size_t)q;
            ld->referenced[q] = true;
        }
        sizes[i] = n;
    }
    g->groups = (const size_t *const *)groups;
    g->group_sizes = sizes;
    g->group_count = node->count;
}

static const struct field rule_fields[] = {
    {"id", true, NULL, 0},
    {"level", true, NULL, 0},
    {"when", true, NULL, 0},
    {"advice", true, NULL, 0},
};

static const struct shape rule_shape = {rule_fields, sizeof(rule_fields) / sizeof(rule_fields[0]),
                                        true};

static const struct field cause_fields[] = {
    {"id", true, NULL, 0},   {"name", true, NULL, 0},      {"text", true, NULL, 0},
    {"when", true, NULL, 0}, {"explains", false, NULL, 0},
};

static const struct shape cause_shape = {cause_fields,
                                         sizeof(cause_fields) / sizeof(cause_fields[0]), true};

/* Reports ID when an earlier entry of the same list (ids in IDS) has it. */
static void check_unique(struct loader *ld, const struct ynode *node, const char *id,
                         const char *const *ids, size_t n, const char *kind)
{
    for (size_t j = 0; j < n; j++)
        if (ids[j] != NULL && strcmp(ids[j], id) == 0)
            AT(ld, node, "%s id \"%s\" is used twice", kind, id);
}

/* The list NODE named KEY, checked to hold at most LOADER_MAX_LIST entries. */
static bool list_ok(struct loader *ld, const struct ynode *node, const char *key)
{
    if (node->kind != YNODE_SEQ) {
        AT(ld, node, "\"%s\" must be a list (one \"- id: ...\" entry each), not %s", key,
           loader_kind_name(node));
        return false;
    }
    if (node->count > LOADER_MAX_LIST) {
        AT(ld, node, "\"%s\" lists too many entries (%zu; at most %d)", key, (size_t)node->count,
           LOADER_MAX_LIST);
        return false;
    }
    return true;
}

void loader_rules(struct loader *ld, const struct ynode *node)
{
    struct survey *s = ld->s;
    if (!list_ok(ld, node, "triage_rules") ||
        (s->rules = arena_calloc(s->arena, node->count + 1, sizeof(*s->rules))) == NULL)
        return;
    const char *ids[LOADER_MAX_LIST];
    for (size_t i = 0; i < node->count; i++) {
        const struct ynode *item = &node->items[i], *v[4];
        struct triage_rule *r = &s->rules[i];
        const struct what what = {"triage rule", NULL, i + 1, item};
        r->line = item->line;
        r->column = item->column;
        ids[i] = NULL;
        if (!loader_match(ld, item, &what, &rule_shape, v))
            continue;
        bool ok = true;
        for (size_t k = 0; k < 4; k++)
            ok = loader_require(ld, item, v[k], rule_fields[k].key, &what) && ok;
        if (!ok)
            continue;
        if ((r->id = ids[i] = loader_id(ld, v[0], "triage rule id")) != NULL)
            check_unique(ld, v[0], r->id, ids, i, "triage rule");
        loader_level(ld, v[1], true, &r->level);
        load_when(ld, v[2], &r->when);
        r->advice = loader_text(ld, v[3], "advice");
    }
    s->rule_count = node->count;
}

/* "explains": the ids of conditions this cause can account for. */
static void load_explains(struct loader *ld, const struct ynode *node, struct other_cause *oc)
{
    if (node->kind != YNODE_SEQ) {
        AT(ld, node, "\"explains\" must be a list of condition ids, like [vitamin_d, magnesium]");
        return;
    }
    size_t *list = arena_calloc(ld->s->arena, node->count + 1, sizeof(*list));
    if (list == NULL)
        return;
    for (size_t i = 0; i < node->count; i++) {
        const struct ynode *id = &node->items[i];
        long c = id->kind == YNODE_SCALAR && ld->condition_ids != NULL
                     ? idindex_get(ld->condition_ids, id->value)
                     : -1;
        if (c < 0) {
            AT(ld, id, "\"explains\" names \"%s\", which is not a condition id",
               id->kind == YNODE_SCALAR ? id->value : "(not a text)");
            return;
        }
        list[i] = (size_t)c;
    }
    oc->explains = list;
    oc->explain_count = node->count;
}

void loader_other_causes(struct loader *ld, const struct ynode *node)
{
    struct survey *s = ld->s;
    if (!list_ok(ld, node, "other_causes") ||
        (s->causes = arena_calloc(s->arena, node->count + 1, sizeof(*s->causes))) == NULL)
        return;
    const char *ids[LOADER_MAX_LIST];
    for (size_t i = 0; i < node->count; i++) {
        const struct ynode *item = &node->items[i], *v[5];
        struct other_cause *oc = &s->causes[i];
        const struct what what = {"other cause", NULL, i + 1, item};
        oc->line = item->line;
        oc->column = item->column;
        ids[i] = NULL;
        if (!loader_match(ld, item, &what, &cause_shape, v))
            continue;
        bool ok = true;
        for (size_t k = 0; k < 4; k++)
            ok = loader_require(ld, item, v[k], cause_fields[k].key, &what) && ok;
        if (!ok)
            continue;
        if ((oc->id = ids[i] = loader_id(ld, v[0], "other cause id")) != NULL)
            check_unique(ld, v[0], oc->id, ids, i, "other cause");
        oc->name = loader_text(ld, v[1], "name");
        oc->text = loader_text(ld, v[2], "text");
        load_when(ld, v[3], &oc->when);
        if (v[4] != NULL)
            load_explains(ld, v[4], oc);
    }
    s->cause_count = node->count;
}
