/* SPDX-License-Identifier: MIT */
/* loader_fields: what every part of the loader checks a mapping with: its
 * keys against a table of fields, and the values as texts, ids, whole numbers
 * and lists of texts, each with a located message when it is wrong. */
#include "loader_impl.h"

#include "musclecheck/loader.h"
#include "musclecheck/suggest.h"

#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void loader_no_memory(struct loader *ld)
{
    diag_no_memory(ld->diags);
}

bool loader_stopped(const struct loader *ld)
{
    return diag_out_of_memory(ld->diags) || arena_failed(ld->s->arena);
}

const char *loader_kind_name(const struct ynode *node)
{
    switch (node->kind) {
    case YNODE_MAP: return "a mapping";
    case YNODE_SEQ: return "a list";
    default: return "a text";
    }
}

const char *loader_what_text(const struct what *w, char *buf, size_t size)
{
    const char *id = w->id != NULL ? w->id : w->item != NULL ? loader_peek_id(w->item) : NULL;
    if (w->index == 0)
        snprintf(buf, size, "%s", w->kind);
    else if (id != NULL)
        snprintf(buf, size, "%s \"%s\"", w->kind, id);
    else
        snprintf(buf, size, "%s %zu", w->kind, w->index);
    return buf;
}

/* Reports unknown key KEY, with the nearest of SHAPE's keys when one is close. */
static void unknown_key(struct loader *ld, const struct ynode *key, const struct what *w,
                        const struct shape *shape)
{
    char what[96];
    const char *keys[LOADER_MAX_FIELDS];
    assert(shape->count <= LOADER_MAX_FIELDS);
    for (size_t k = 0; k < shape->count; k++)
        keys[k] = shape->fields[k].key;
    const char *near = suggest_closest(key->value, keys, shape->count);
    if (near != NULL)
        AT(ld, key, "unknown key \"%s\" in %s; did you mean \"%s\"?", key->value,
           loader_what_text(w, what, sizeof(what)), near);
    else
        AT(ld, key, "unknown key \"%s\" in %s", key->value,
           loader_what_text(w, what, sizeof(what)));
}

int loader_match(struct loader *ld, const struct ynode *node, const struct what *w,
                 const struct shape *shape, const struct ynode **values)
{
    char what[96];
    assert(shape->count <= LOADER_MAX_FIELDS);
    for (size_t k = 0; k < shape->count; k++)
        values[k] = NULL;
    if (node->kind != YNODE_MAP) {
        AT(ld, node, "%s must be a mapping of \"key: value\" lines, not %s",
           loader_what_text(w, what, sizeof(what)), loader_kind_name(node));
        return -1;
    }
    for (size_t i = 0; i + 1 < node->count; i += 2) {
        const struct ynode *key = &node->items[i];
        if (key->kind != YNODE_SCALAR) {
            AT(ld, key, "a key in %s must be a plain word, not %s",
               loader_what_text(w, what, sizeof(what)), loader_kind_name(key));
            continue;
        }
        size_t k = 0;
        while (k < shape->count && strcmp(shape->fields[k].key, key->value) != 0)
            k++;
        if (k == shape->count)
            unknown_key(ld, key, w, shape);
        else if (values[k] != NULL) /* its key is the entry before the value */
            AT(ld, key, "\"%s\" is given twice in %s (first at line %d)", key->value,
               loader_what_text(w, what, sizeof(what)), (values[k] - 1)->line);
        else
            values[k] = &node->items[i + 1];
    }
    return 0;
}

int loader_require(struct loader *ld, const struct ynode *node, const struct ynode *value,
                   const char *key, const struct what *w)
{
    char what[96];
    if (value != NULL)
        return 0;
    AT(ld, node, "%s has no \"%s\"; add a \"%s:\" line", loader_what_text(w, what, sizeof(what)),
       key, key);
    return -1;
}

void loader_fill(struct loader *ld, const struct ynode *node, const struct what *w,
                 const struct shape *shape, const struct ynode *const *values,
                 const struct target *t)
{
    bool missing = false;
    if (shape->missing != MISSING_IN_ORDER)
        for (size_t k = 0; k < shape->count; k++)
            if (shape->fields[k].required &&
                loader_require(ld, node, values[k], shape->fields[k].key, w) < 0)
                missing = true;
    if (missing && shape->missing == MISSING_STOPS)
        return;
    for (size_t k = 0; k < shape->count && !loader_stopped(ld); k++) {
        const struct field *f = &shape->fields[k];
        assert(f->load != NULL); /* only tables that are matched alone have none */
        if (values[k] != NULL)
            f->load(ld, f, values[k], t);
        else if (f->required && shape->missing == MISSING_IN_ORDER)
            loader_require(ld, node, NULL, f->key, w);
    }
}

int loader_mapping(struct loader *ld, const struct ynode *node, const struct what *w,
                   const struct shape *shape, const struct target *t)
{
    const struct ynode *values[LOADER_MAX_FIELDS];
    if (loader_match(ld, node, w, shape, values) < 0)
        return -1;
    loader_fill(ld, node, w, shape, values, t);
    return 0;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

const char *loader_text(struct loader *ld, const struct ynode *node, const char *key)
{
    if (node->kind != YNODE_SCALAR) {
        AT(ld, node, "\"%s\" must be a text, not %s", key, loader_kind_name(node));
        return NULL;
    }
    const char *start = node->value, *end = node->value + node->len;
    while (start < end && is_space(*start))
        start++;
    while (end > start && is_space(end[-1]))
        end--;
    if (start == end) {
        AT(ld, node, "\"%s\" is empty; write the text after the colon", key);
        return NULL;
    }
    if (memchr(start, '\0', (size_t)(end - start)) != NULL) {
        AT(ld, node, "\"%s\" contains a NUL character; remove it", key);
        return NULL;
    }
    /* The tree put the text in the survey's arena (survey_load_buffer):
     * only a trimmed one needs a copy. */
    if (start == node->value && end == node->value + node->len)
        return node->value;
    const char *copy = arena_strndup(ld->s->arena, start, (size_t)(end - start));
    if (copy == NULL)
        loader_no_memory(ld);
    return copy;
}

/* The text that field F of T's object holds. */
static const char **text_slot(const struct field *f, const struct target *t)
{
    assert(t->obj != NULL && f->offset % alignof(const char *) == 0);
    return (const char **)((char *)t->obj + f->offset);
}

void loader_text_at(struct loader *ld, const struct field *f, const struct ynode *value,
                    const struct target *t)
{
    /* Offset 0 is each object's id (or the survey's arena): a table entry
     * that gives no offset would overwrite it. */
    assert(f->offset != 0);
    *text_slot(f, t) = loader_text(ld, value, f->key);
}

static bool valid_id(const char *text)
{
    size_t len = strlen(text);
    if (len == 0 || len > LOADER_MAX_ID)
        return false;
    for (const char *p = text; *p != '\0'; p++)
        if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_'))
            return false;
    return true;
}

const char *loader_id(struct loader *ld, const struct ynode *node, const char *key)
{
    const char *text = loader_text(ld, node, key);
    if (text != NULL && !valid_id(text)) {
        AT(ld, node,
           "\"%s\" is not a valid %s: use lowercase letters, digits and underscores "
           "(at most %d), like \"night_cramps\"",
           text, key, LOADER_MAX_ID);
        return NULL;
    }
    return text;
}

int loader_ids_start(struct loader *ld, struct id_list *ids)
{
    assert(ids->index == NULL && ids->list->kind == YNODE_SEQ);
    if ((ids->index = idindex_new(ids->list->count)) == NULL) {
        loader_no_memory(ld);
        return -1;
    }
    return 0;
}

/* Records ID, at NODE, as the id of entry INDEX of IDS's list; -1 after a
 * message when an earlier entry has it. */
static int unique_id(struct loader *ld, const struct id_list *ids, const struct ynode *node,
                     const char *id, size_t index)
{
    assert(ids != NULL && ids->index != NULL && index < ids->list->count);
    int err = idindex_put(ids->index, id, (long)index);
    if (err == 0)
        return 0;
    assert(err == -EEXIST); /* not -ENOSPC: the index has room for the whole list */
    long first = idindex_get(ids->index, id);
    assert(first >= 0 && (size_t)first < index);
    if (ids->first == ID_FIRST_LINE)
        AT(ld, node, "%s \"%s\" is used twice (first at line %d)", ids->name, id,
           ids->list->items[first].line);
    else if (ids->first == ID_FIRST_POSITION)
        AT(ld, node, "%s \"%s\" is used twice (first by %s %ld)", ids->name, id, ids->kind,
           first + 1);
    else
        AT(ld, node, "%s \"%s\" is used twice", ids->name, id);
    return -1;
}

void loader_id_at(struct loader *ld, const struct field *f, const struct ynode *value,
                  const struct target *t)
{
    const char **slot = text_slot(f, t);
    if ((*slot = loader_id(ld, value, t->ids->name)) != NULL)
        unique_id(ld, t->ids, value, *slot, t->index);
}

int loader_int(struct loader *ld, const struct ynode *node, const char *name, bool weight, long min,
               long max, long *out)
{
    const char *prefix = weight ? "the points for " : "";
    if (node->kind != YNODE_SCALAR) {
        AT(ld, node, "%s\"%s\" must be a whole number, not %s", prefix, name,
           loader_kind_name(node));
        return -1;
    }
    const char *p = node->value;
    bool ok = node->plain && node->len > 0 && node->len < 12;
    bool negative = ok && *p == '-';
    if (ok && (*p == '-' || *p == '+'))
        p++;
    ok = ok && *p != '\0';
    long long value = 0; /* at most 11 digits: no overflow */
    for (; ok && *p != '\0'; p++) {
        ok = isdigit((unsigned char)*p) != 0;
        value = value * 10 + (*p - '0');
    }
    if (negative)
        value = -value;
    if (!ok || value < min || value > max) {
        AT(ld, node, "%s\"%s\" must be a whole number from %ld to %ld, not \"%s\"", prefix, name,
           min, max, node->value);
        return -1;
    }
    *out = (long)value;
    return 0;
}

const char *loader_peek_id(const struct ynode *node)
{
    if (node->kind != YNODE_MAP)
        return NULL;
    for (size_t i = 0; i + 1 < node->count; i += 2) {
        const struct ynode *key = &node->items[i], *value = &node->items[i + 1];
        if (key->kind == YNODE_SCALAR && strcmp(key->value, "id") == 0 &&
            value->kind == YNODE_SCALAR && valid_id(value->value))
            return value->value;
    }
    return NULL;
}

const struct ynode *loader_value_of(const struct ynode *node, const char *key)
{
    for (size_t i = 0; node->kind == YNODE_MAP && i + 1 < node->count; i += 2)
        if (node->items[i].kind == YNODE_SCALAR && strcmp(node->items[i].value, key) == 0)
            return &node->items[i + 1];
    return NULL;
}
