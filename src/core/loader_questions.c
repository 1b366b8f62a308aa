/* loader_questions: the "questions" list: each question's id and texts, its
 * weights for the conditions, its red flag, and its show_if, which is
 * resolved once every question's id is known. */
#include "loader_impl.h"

#include "musclecheck/loader.h"
#include "musclecheck/suggest.h"

#include <stddef.h>
#include <stdlib.h>

static void load_id(struct loader *ld, const struct field *f, const struct ynode *value,
                    const struct target *t)
{
    (void)f;
    struct question *q = t->obj;
    if ((q->id = loader_id(ld, value, "question id")) == NULL)
        return;
    long first = idindex_put(ld->question_ids, q->id, (long)t->index);
    if (first >= 0)
        AT(ld, value, "question id \"%s\" is used twice (first at line %d)", q->id,
           ld->s->questions[first].line);
}

/* Reports key KEY of "weights", which names no condition. */
static void unknown_condition(struct loader *ld, const struct ynode *key)
{
    const struct survey *s = ld->s;
    const char *names[LOADER_MAX_CONDITIONS];
    for (size_t c = 0; c < s->condition_count; c++)
        names[c] = s->conditions[c].id != NULL ? s->conditions[c].id : "";
    const char *near = suggest_closest(key->value, names, s->condition_count);
    if (near != NULL)
        AT(ld, key, "unknown condition \"%s\" in weights; did you mean \"%s\"?", key->value, near);
    else
        AT(ld, key,
           "unknown condition \"%s\" in weights; the conditions are listed "
           "under \"conditions:\"",
           key->value);
}

static void load_weights(struct loader *ld, const struct field *f, const struct ynode *node,
                         const struct target *t)
{
    (void)f;
    struct question *q = t->obj;
    int *weights = (int *)q->weights;
    if (weights == NULL)
        return;
    if (node->kind != YNODE_MAP) {
        AT(ld, node, "\"weights\" must be a mapping of condition ids to numbers, like \"iron: 2\"");
        return;
    }
    const struct ynode *seen[LOADER_MAX_CONDITIONS] = {NULL};
    for (size_t i = 0; i + 1 < node->count; i += 2) {
        const struct ynode *key = &node->items[i], *value = &node->items[i + 1];
        if (key->kind != YNODE_SCALAR) {
            AT(ld, key, "a key in \"weights\" must be a condition id, not %s",
               loader_kind_name(key));
            continue;
        }
        long c = ld->condition_ids != NULL ? idindex_get(ld->condition_ids, key->value) : -1;
        if (c < 0) {
            unknown_condition(ld, key);
            continue;
        }
        if (seen[c] != NULL) {
            AT(ld, key, "the weight for \"%s\" is given twice (first at line %d)", key->value,
               seen[c]->line);
            continue;
        }
        seen[c] = key;
        long w;
        if (loader_int(ld, value, key->value, true, 0, WEIGHT_MAX, &w))
            weights[c] = (int)w;
    }
}

static void load_show_if(struct loader *ld, const struct field *f, const struct ynode *value,
                         const struct target *t)
{
    (void)f;
    ld->show_if[t->index] = value;
}

static const struct field question_fields[] = {
    {"id", true, load_id, 0},
    {"text", true, loader_text_at, offsetof(struct question, text)},
    {"help", false, loader_text_at, offsetof(struct question, help)},
    {"red_flag", false, loader_text_at, offsetof(struct question, red_flag)},
    {"weights", false, load_weights, 0},
    {"show_if", false, load_show_if, 0},
};

static const struct shape question_shape = {
    question_fields, sizeof(question_fields) / sizeof(question_fields[0]), false};

/* Only matched: the two values depend on each other, so resolve_show_if
 * checks them itself. */
static const struct field show_if_fields[] = {
    {"question", true, NULL, 0},
    {"answer", true, NULL, 0},
};

static const struct shape show_if_shape = {
    show_if_fields, sizeof(show_if_fields) / sizeof(show_if_fields[0]), true};

/* Resolves question I's show_if NODE, now that every id is known. */
static void resolve_show_if(struct loader *ld, const struct ynode *node, size_t i)
{
    struct question *q = &ld->s->questions[i];
    const struct ynode *v[2];
    static const struct what what = {"show_if", NULL, 0};
    if (!loader_match(ld, node, &what, &show_if_shape, v))
        return;
    bool ok = loader_require(ld, node, v[0], "question", &what);
    ok = loader_require(ld, node, v[1], "answer", &what) && ok;
    if (!ok)
        return;
    const char *target = loader_text(ld, v[0], "question");
    const char *answer = loader_text(ld, v[1], "answer");
    if (answer != NULL && !answer_parse(answer, &q->show_if_answer)) {
        AT(ld, v[1], "show_if answer must be yes, no or unsure, not \"%s\"", answer);
        return;
    }
    if (target == NULL || answer == NULL)
        return;
    long t = idindex_get(ld->question_ids, target);
    if (t < 0) {
        AT(ld, v[0], "show_if refers to \"%s\", but no question has that id", target);
    } else if ((size_t)t == i) {
        AT(ld, v[0], "show_if of question \"%s\" refers to itself", target);
    } else if ((size_t)t > i) {
        AT(ld, v[0],
           "show_if refers to \"%s\", which comes later (line %d); a question can only "
           "depend on one asked before it",
           target, ld->s->questions[t].line);
    } else {
        q->has_show_if = true;
        q->show_if_question = (size_t)t;
    }
}

void loader_questions(struct loader *ld, const struct ynode *node)
{
    struct survey *s = ld->s;
    if (node->kind != YNODE_SEQ) {
        AT(ld, node, "\"questions\" must be a list (one \"- id: ...\" entry per question), not %s",
           loader_kind_name(node));
        return;
    }
    if (node->count == 0) {
        AT(ld, node, "the questionnaire has no questions; add at least one under \"questions:\"");
        return;
    }
    if (node->count > LOADER_MAX_QUESTIONS) {
        AT(ld, node, "too many questions (%zu; at most %d)", (size_t)node->count,
           LOADER_MAX_QUESTIONS);
        return;
    }
    ld->show_if = calloc(node->count, sizeof(*ld->show_if));
    s->questions = arena_calloc(s->arena, node->count, sizeof(*s->questions));
    ld->question_ids = idindex_new(s->arena, node->count);
    if (ld->show_if == NULL || s->questions == NULL || ld->question_ids == NULL) {
        AT(ld, node, "out of memory");
        free(ld->show_if);
        ld->show_if = NULL;
        return;
    }
    s->question_count = node->count;
    for (size_t i = 0; i < node->count; i++) {
        const struct ynode *item = &node->items[i];
        struct question *q = &s->questions[i];
        const struct what what = {"question", loader_peek_id(item), i + 1};
        const struct target t = {q, i};
        q->line = item->line;
        q->column = item->column;
        q->weights = arena_calloc(s->arena, s->condition_count + 1, sizeof(*q->weights));
        loader_mapping(ld, item, &what, &question_shape, &t);
    }
    for (size_t i = 0; i < node->count; i++)
        if (ld->show_if[i] != NULL)
            resolve_show_if(ld, ld->show_if[i], i);
    free(ld->show_if);
    ld->show_if = NULL;
    s->question_ids = ld->question_ids;
}
