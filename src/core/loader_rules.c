/* SPDX-License-Identifier: MIT */
/* loader_rules: the "triage_rules" and "other_causes" lists, and the
 * "when" and "unless" of the entries of the foods, tips and advice lists.
 * All of them name questions in groups (every group needs a yes to one of
 * its questions), so they are resolved after the questions. */
#include "loader_impl.h"

#include "musclecheck/loader.h"

#include <assert.h>
#include <stddef.h>
#include <string.h>

/* A question id in a group of KEY, as its index; -1 after a message. */
static long question_ref(struct loader *ld, const struct ynode *node, const char *key)
{
    if (node->kind != YNODE_SCALAR) {
        AT(ld, node, "a \"%s\" group lists question ids, not %s", key, loader_kind_name(node));
        return -1;
    }
    long q = ld->questions.index != NULL ? idindex_get(ld->questions.index, node->value) : -1;
    if (q < 0)
        AT(ld, node, "\"%s\" refers to \"%s\", but no question has that id", key, node->value);
    return q;
}

/* NODE, the value of KEY ("when" or "unless"): a list of groups, each a
 * list of question ids (or one id), into G. */
static void load_groups(struct loader *ld, const struct ynode *node, const char *key,
                        struct condition_groups *g)
{
    if (node->kind != YNODE_SEQ || node->count == 0) {
        AT(ld, node,
           "\"%s\" must be a list of groups of question ids, like \"- [water_tablets, "
           "laxatives]\": every group needs a yes to one of its questions",
           key);
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
            AT(ld, group, "a \"%s\" group must list at least one question id", key);
            return;
        }
        groups[i] = arena_calloc(ld->s->arena, n, sizeof(**groups));
        if (groups[i] == NULL)
            return;
        for (size_t k = 0; k < n; k++) {
            long q = question_ref(ld, group->kind == YNODE_SEQ ? &group->items[k] : group, key);
            if (q < 0)
                return;
            assert(ld->referenced != NULL && (size_t)q < ld->s->question_count);
            groups[i][k] = (size_t)q;
            ld->referenced[q] = true;
        }
        sizes[i] = n;
    }
    g->groups = (const size_t *const *)groups;
    g->group_sizes = sizes;
    g->group_count = node->count;
}

/* "when": the struct condition_groups at F->offset in T's object. */
static void load_when(struct loader *ld, const struct field *f, const struct ynode *node,
                      const struct target *t)
{
    load_groups(ld, node, f->key, (struct condition_groups *)((char *)t->obj + f->offset));
}

static void load_level(struct loader *ld, const struct field *f, const struct ynode *value,
                       const struct target *t)
{
    (void)f;
    struct triage_rule *r = t->obj;
    loader_level(ld, value, true, &r->level);
}

/* What an id list names: conditions or questions. */
struct id_kind {
    const char *noun;    /* in "must be a list of NOUN ids" */
    const char *unknown; /* after "names \"ID\"": why it is wrong */
    const struct idindex *index;
    bool may_be_empty;
};

/* KEY, a list of ids of KIND, as indices in new arena memory (*LIST,
 * *COUNT); unchanged after a message. EXAMPLE shows a good value. */
static void id_list(struct loader *ld, const struct ynode *node, const char *key,
                    const struct id_kind *kind, const char *example, size_t **list, size_t *count)
{
    if (node->kind != YNODE_SEQ || (node->count == 0 && !kind->may_be_empty)) {
        AT(ld, node, "\"%s\" must be a list of %s ids, like %s", key, kind->noun, example);
        return;
    }
    size_t *ids = arena_calloc(ld->s->arena, node->count + 1, sizeof(*ids));
    if (ids == NULL)
        return;
    for (size_t i = 0; i < node->count; i++) {
        const struct ynode *id = &node->items[i];
        long c = id->kind == YNODE_SCALAR && kind->index != NULL
                     ? idindex_get(kind->index, id->value)
                     : -1;
        if (c < 0) {
            AT(ld, id, "\"%s\" names \"%s\", %s", key,
               id->kind == YNODE_SCALAR ? id->value : "(not a text)", kind->unknown);
            return;
        }
        for (size_t k = 0; k < i; k++)
            if (ids[k] == (size_t)c) {
                AT(ld, id, "\"%s\" names \"%s\" twice", key, id->value);
                return;
            }
        ids[i] = (size_t)c;
    }
    *list = ids;
    *count = node->count;
}

/* KEY, a list of condition ids, into *LIST and *COUNT. */
static void condition_list(struct loader *ld, const struct ynode *node, const char *key,
                           const char *example, const size_t **list, size_t *count)
{
    const struct id_kind kind = {"condition", "which is not a condition id", ld->conditions.index,
                                 true};
    size_t *ids = NULL;
    id_list(ld, node, key, &kind, example, &ids, count);
    if (ids != NULL)
        *list = ids;
}

/* "checks": the conditions a rule's advice asks to be checked (a blood
 * test for potassium), so that the ranking never calls them unlikely. */
static void load_checks(struct loader *ld, const struct field *f, const struct ynode *node,
                        const struct target *t)
{
    struct triage_rule *r = t->obj;
    condition_list(ld, node, f->key, "[potassium]", &r->checks, &r->check_count);
}

static const struct field rule_fields[] = {
    {"id", true, loader_id_at, offsetof(struct triage_rule, id)},
    {"level", true, load_level, 0},
    {"when", true, load_when, offsetof(struct triage_rule, when)},
    {"advice", true, loader_text_at, offsetof(struct triage_rule, advice)},
    {"checks", false, load_checks, 0},
};

static const struct shape rule_shape = SHAPE(rule_fields, MISSING_STOPS);

/* "explains": the ids of conditions this cause can account for. */
static void load_explains(struct loader *ld, const struct field *f, const struct ynode *node,
                          const struct target *t)
{
    struct other_cause *oc = t->obj;
    condition_list(ld, node, f->key, "[vitamin_d, magnesium]", &oc->explains, &oc->explain_count);
}

static const struct field cause_fields[] = {
    {"id", true, loader_id_at, offsetof(struct other_cause, id)},
    {"name", true, loader_text_at, offsetof(struct other_cause, name)},
    {"text", true, loader_text_at, offsetof(struct other_cause, text)},
    {"when", true, load_when, offsetof(struct other_cause, when)},
    {"explains", false, load_explains, 0},
};

static const struct shape cause_shape = SHAPE(cause_fields, MISSING_STOPS);

/* Whether NODE, the list KEY, holds at most LOADER_MAX_LIST entries; -1
 * after a message when it does not, or is no list. */
static int list_ok(struct loader *ld, const struct ynode *node, const char *key)
{
    if (node->kind != YNODE_SEQ) {
        AT(ld, node, "\"%s\" must be a list (one \"- id: ...\" entry each), not %s", key,
           loader_kind_name(node));
        return -1;
    }
    if (node->count > LOADER_MAX_LIST) {
        AT(ld, node, "\"%s\" lists too many entries (%zu; at most %d)", key, (size_t)node->count,
           LOADER_MAX_LIST);
        return -1;
    }
    return 0;
}

void loader_rules(struct loader *ld, const struct field *f, const struct ynode *node,
                  const struct target *t)
{
    (void)t;
    struct survey *s = ld->s;
    struct id_list ids = {"triage rule", "triage rule id", ID_FIRST_UNNAMED, node, NULL};
    if (list_ok(ld, node, f->key) < 0 ||
        (s->rules = arena_calloc(s->arena, node->count + 1, sizeof(*s->rules))) == NULL ||
        loader_ids_start(ld, &ids) < 0)
        return;
    for (size_t i = 0; i < node->count && !loader_stopped(ld); i++) {
        const struct ynode *item = &node->items[i];
        struct triage_rule *r = &s->rules[i];
        const struct what what = {"triage rule", NULL, i + 1, item};
        const struct target target = {r, i, &ids};
        r->line = item->line;
        r->column = item->column;
        loader_mapping(ld, item, &what, &rule_shape, &target);
    }
    s->rule_count = node->count;
    idindex_free(ids.index);
}

void loader_other_causes(struct loader *ld, const struct field *f, const struct ynode *node,
                         const struct target *t)
{
    (void)t;
    struct survey *s = ld->s;
    struct id_list ids = {"other cause", "other cause id", ID_FIRST_UNNAMED, node, NULL};
    if (list_ok(ld, node, f->key) < 0 ||
        (s->causes = arena_calloc(s->arena, node->count + 1, sizeof(*s->causes))) == NULL ||
        loader_ids_start(ld, &ids) < 0)
        return;
    for (size_t i = 0; i < node->count && !loader_stopped(ld); i++) {
        const struct ynode *item = &node->items[i];
        struct other_cause *oc = &s->causes[i];
        const struct what what = {"other cause", NULL, i + 1, item};
        const struct target target = {oc, i, &ids};
        oc->line = item->line;
        oc->column = item->column;
        loader_mapping(ld, item, &what, &cause_shape, &target);
    }
    s->cause_count = node->count;
    idindex_free(ids.index);
}

/* An entry of a foods, tips or advice list written as a mapping. Its
 * "when" and "unless" are only matched here: they name questions, and the
 * foods and tips come before the questions (loader_shown_resolve). */
static void entry_groups_later(struct loader *ld, const struct field *f, const struct ynode *v,
                               const struct target *t)
{
    (void)ld, (void)f, (void)v, (void)t;
}

/* The entry's text, into the list's place T->obj. */
static void entry_text(struct loader *ld, const struct field *f, const struct ynode *v,
                       const struct target *t)
{
    *(const char **)t->obj = loader_text(ld, v, f->key);
}

static const struct field entry_fields[] = {
    {"text", true, entry_text, 0},
    {"when", false, entry_groups_later, 0},
    {"unless", false, entry_groups_later, 0},
};

static const struct shape entry_shape = SHAPE(entry_fields, MISSING_STOPS);

const char **loader_shown_list(struct loader *ld, const struct ynode *node, const char *key,
                               size_t min_count, const struct shown_when **shown, size_t *count)
{
    *count = 0;
    *shown = NULL;
    if (node->kind != YNODE_SEQ) {
        AT(ld, node, "\"%s\" must be a list (one \"- \" line per entry), not %s", key,
           loader_kind_name(node));
        return NULL;
    }
    if (node->count < min_count) {
        AT(ld, node, "\"%s\" needs at least %zu entr%s", key, min_count,
           min_count == 1 ? "y" : "ies");
        return NULL;
    }
    if (node->count > LOADER_MAX_LIST) {
        AT(ld, node, "\"%s\" has too many entries (%zu; at most %d)", key, (size_t)node->count,
           LOADER_MAX_LIST);
        return NULL;
    }
    const char **list = arena_calloc(ld->s->arena, node->count, sizeof(*list));
    struct shown_when *when = arena_calloc(ld->s->arena, node->count, sizeof(*when));
    if (list == NULL || when == NULL)
        return NULL;
    for (size_t i = 0; i < node->count; i++) {
        const struct ynode *item = &node->items[i];
        if (item->kind != YNODE_MAP) {
            list[i] = loader_text(ld, item, key);
            continue;
        }
        const char *kind = strcmp(key, "foods") == 0  ? "food"
                           : strcmp(key, "tips") == 0 ? "tip"
                                                      : "advice entry";
        const struct what what = {kind, NULL, i + 1, NULL};
        const struct target target = {&list[i], i, NULL};
        loader_mapping(ld, item, &what, &entry_shape, &target);
    }
    *shown = when;
    *count = node->count;
    return list;
}

void loader_shown_resolve(struct loader *ld, const struct ynode *node,
                          const struct shown_when *shown, size_t count)
{
    if (shown == NULL || node->kind != YNODE_SEQ || node->count != count)
        return;
    struct shown_when *w = (struct shown_when *)shown; /* the survey's, still being built */
    for (size_t i = 0; i < count && !loader_stopped(ld); i++) {
        const struct ynode *item = &node->items[i], *v;
        if (item->kind != YNODE_MAP)
            continue;
        if ((v = loader_value_of(item, "when")) != NULL)
            load_groups(ld, v, "when", &w[i].when);
        if ((v = loader_value_of(item, "unless")) != NULL)
            load_groups(ld, v, "unless", &w[i].unless);
    }
}

/* A list of question ids under KEY of "summary", into *LIST and *COUNT. */
static void summary_list(struct loader *ld, const struct ynode *node, const char *key,
                         size_t **list, size_t *count)
{
    const struct id_kind kind = {"question", "but no question has that id", ld->questions.index,
                                 false};
    id_list(ld, node, key, &kind, "[statin, metformin]", list, count);
}

static void load_onset(struct loader *ld, const struct field *f, const struct ynode *node,
                       const struct target *t)
{
    struct survey *s = t->obj;
    summary_list(ld, node, f->key, &s->summary_onset, &s->summary_onset_count);
}

/* After "onset" (fields load in table order): a question in both lists
 * would be shown twice. */
static void load_medicines(struct loader *ld, const struct field *f, const struct ynode *node,
                           const struct target *t)
{
    struct survey *s = t->obj;
    summary_list(ld, node, f->key, &s->summary_medicines, &s->summary_medicine_count);
    for (size_t k = 0; k < s->summary_medicine_count; k++)
        for (size_t i = 0; i < s->summary_onset_count; i++)
            if (s->summary_onset[i] == s->summary_medicines[k])
                AT(ld, &node->items[k],
                   "summary names question \"%s\" both in onset and in medicines",
                   s->questions[s->summary_onset[i]].id);
}

static const struct field summary_fields[] = {
    {"onset", false, load_onset, 0},
    {"medicines", false, load_medicines, 0},
};

static const struct shape summary_shape = SHAPE(summary_fields, MISSING_IN_ORDER);

void loader_summary(struct loader *ld, const struct field *f, const struct ynode *node,
                    const struct target *t)
{
    (void)f, (void)t;
    const struct what what = {"summary", NULL, 0, NULL};
    const struct target target = {ld->s, 0, NULL};
    loader_mapping(ld, node, &what, &summary_shape, &target);
}
