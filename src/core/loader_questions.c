/* SPDX-License-Identifier: MIT */
/* loader_questions: the "questions" list: each question's id and texts, its
 * evidence for the conditions, its red flag and level, and its show_if,
 * which is resolved once every question's id is known. */
#include "loader_impl.h"

#include "musclecheck/loader.h"
#include "musclecheck/prefault.h"
#include "musclecheck/suggest.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
    else if (first < -1)
        AT(ld, value, "out of memory");
}

/* Reports key KEY of "evidence", which names no condition. */
static void unknown_condition(struct loader *ld, const struct ynode *key)
{
    const struct survey *s = ld->s;
    const char *names[LOADER_MAX_CONDITIONS];
    for (size_t c = 0; c < s->condition_count; c++)
        names[c] = s->conditions[c].id != NULL ? s->conditions[c].id : "";
    const char *near = suggest_closest(key->value, names, s->condition_count);
    if (near != NULL)
        AT(ld, key, "unknown condition \"%s\" in evidence; did you mean \"%s\"?", key->value, near);
    else
        AT(ld, key,
           "unknown condition \"%s\" in evidence; the conditions are listed "
           "under \"conditions:\"",
           key->value);
}

static const char *const kind_names[] = {"sign", "cause", "risk", "nonspecific"};

/* The kind named by scalar NODE; false after a message. */
bool loader_kind(struct loader *ld, const struct ynode *node, enum evidence_kind *out)
{
    if (node->kind == YNODE_SCALAR)
        for (int k = 0; k < EVIDENCE_KIND_COUNT; k++)
            if (strcmp(node->value, kind_names[k]) == 0) {
                *out = (enum evidence_kind)k;
                return true;
            }
    AT(ld, node, "kind must be sign, cause, risk or nonspecific, not %s%s%s",
       node->kind == YNODE_SCALAR ? "\"" : "",
       node->kind == YNODE_SCALAR ? node->value : loader_kind_name(node),
       node->kind == YNODE_SCALAR ? "\"" : "");
    return false;
}

static const struct field evidence_fields[] = {
    {"yes", true, NULL, 0},
    {"no", false, NULL, 0},
    {"kind", false, NULL, 0},
};

static const struct shape evidence_shape = {
    evidence_fields, sizeof(evidence_fields) / sizeof(evidence_fields[0]), true};

/* One condition's evidence: a number (the points for yes, a sign) or a
 * mapping {yes, no, kind}. */
static void load_one_evidence(struct loader *ld, const struct ynode *key, const struct ynode *value,
                              struct evidence *e)
{
    long n;
    *e = (struct evidence){.kind = EVIDENCE_SIGN};
    if (value->kind == YNODE_SCALAR) {
        if (loader_int(ld, value, key->value, true, 0, EVIDENCE_YES_MAX, &n))
            e->yes = (signed char)n;
        return;
    }
    const struct ynode *v[3];
    const struct what what = {"the evidence for", key->value, 1, NULL};
    if (!loader_match(ld, value, &what, &evidence_shape, v))
        return;
    if (!loader_require(ld, value, v[0], "yes", &what))
        return;
    if (loader_int(ld, v[0], "yes", false, 0, EVIDENCE_YES_MAX, &n))
        e->yes = (signed char)n;
    if (v[1] != NULL && loader_int(ld, v[1], "no", false, EVIDENCE_NO_MIN, 0, &n))
        e->no = (signed char)n;
    enum evidence_kind kind;
    if (v[2] != NULL && loader_kind(ld, v[2], &kind))
        e->kind = (unsigned char)kind;
}

static void load_evidence(struct loader *ld, const struct field *f, const struct ynode *node,
                          const struct target *t)
{
    (void)f;
    struct question *q = t->obj;
    struct evidence *evidence = (struct evidence *)q->evidence;
    if (evidence == NULL)
        return;
    if (node->kind != YNODE_MAP) {
        AT(ld, node,
           "\"evidence\" must be a mapping of condition ids to points, like \"iron: 2\" or "
           "\"iron: {yes: 2, no: -1, kind: cause}\"");
        return;
    }
    const struct ynode *seen[LOADER_MAX_CONDITIONS] = {NULL};
    for (size_t i = 0; i + 1 < node->count; i += 2) {
        const struct ynode *key = &node->items[i], *value = &node->items[i + 1];
        if (key->kind != YNODE_SCALAR) {
            AT(ld, key, "a key in \"evidence\" must be a condition id, not %s",
               loader_kind_name(key));
            continue;
        }
        long c = ld->condition_ids != NULL ? idindex_get(ld->condition_ids, key->value) : -1;
        if (c < 0) {
            unknown_condition(ld, key);
            continue;
        }
        if (seen[c] != NULL) {
            AT(ld, key, "the evidence for \"%s\" is given twice (first at line %d)", key->value,
               seen[c]->line);
            continue;
        }
        seen[c] = key;
        load_one_evidence(ld, key, value, &evidence[c]);
    }
}

static const struct field red_flag_fields[] = {
    {"level", true, NULL, 0},
    {"advice", true, NULL, 0},
};

static const struct shape red_flag_shape = {
    red_flag_fields, sizeof(red_flag_fields) / sizeof(red_flag_fields[0]), true};

/* A level for a red flag (emergency or same_day) or, when SOON_OK, for a
 * rule (also soon); false after a message. */
bool loader_level(struct loader *ld, const struct ynode *node, bool soon_ok, enum triage *out)
{
    const char *text = loader_text(ld, node, "level");
    if (text == NULL)
        return false;
    if (!triage_parse(text, out) || (*out != TRIAGE_EMERGENCY && *out != TRIAGE_SAME_DAY &&
                                     !(soon_ok && *out == TRIAGE_SOON))) {
        AT(ld, node, "level must be emergency%s same_day%s, not \"%s\"", soon_ok ? "," : " or",
           soon_ok ? " or soon" : "", text);
        return false;
    }
    return true;
}

/* The advice as a text (an emergency), or a mapping {level, advice}. */
static void load_red_flag(struct loader *ld, const struct field *f, const struct ynode *node,
                          const struct target *t)
{
    struct question *q = t->obj;
    q->red_flag_level = TRIAGE_EMERGENCY;
    if (node->kind != YNODE_MAP) {
        q->red_flag = loader_text(ld, node, f->key);
        return;
    }
    const struct ynode *v[2];
    const struct what what = {"red_flag", NULL, 0, NULL};
    if (!loader_match(ld, node, &what, &red_flag_shape, v))
        return;
    bool ok = loader_require(ld, node, v[0], "level", &what);
    ok = loader_require(ld, node, v[1], "advice", &what) && ok;
    if (ok && loader_level(ld, v[0], false, &q->red_flag_level))
        q->red_flag = loader_text(ld, v[1], "advice");
}

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
    static const struct what what = {"show_if", NULL, 0, NULL};
    if (!loader_match(ld, node, &what, &show_if_shape, v))
        return;
    bool ok = loader_require(ld, node, v[0], "question", &what);
    ok = loader_require(ld, node, v[1], "answer", &what) && ok;
    if (!ok)
        return;
    const char *target = loader_text(ld, v[0], "question");
    const char *answer = loader_text(ld, v[1], "answer");
    enum answer value;
    if (answer != NULL && !answer_parse(answer, &value)) {
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
        q->show_if_question = (uint32_t)t;
        q->show_if_answer = value;
        ld->referenced[t] = true; /* a gateway counts for what it opens */
    }
}

/* Keeps question's show_if until every id is known: a copy, because a
 * streamed question's nodes are reused once it is loaded. */
static void load_show_if(struct loader *ld, const struct field *f, const struct ynode *value,
                         const struct target *t)
{
    (void)f;
    if (ld->kept == NULL && (ld->kept = arena_new()) == NULL) {
        AT(ld, value, "out of memory");
        return;
    }
    if ((ld->show_if[t->index] = ynode_copy(ld->kept, value)) == NULL)
        AT(ld, value, "out of memory");
}

static const struct field question_fields[] = {
    {"id", true, load_id, 0},
    {"text", true, loader_text_at, offsetof(struct question, text)},
    {"help", false, loader_text_at, offsetof(struct question, help)},
    {"red_flag", false, load_red_flag, 0},
    {"evidence", false, load_evidence, 0},
    {"show_if", false, load_show_if, 0},
};

static const struct shape question_shape = {
    question_fields, sizeof(question_fields) / sizeof(question_fields[0]), false};

/* Emergency questions come first, as triage services ask them: none may
 * follow a question that is not itself a red flag. */
static void check_emergencies_first(struct loader *ld)
{
    const struct survey *s = ld->s;
    long ordinary = -1;
    for (size_t i = 0; i < s->question_count; i++) {
        const struct question *q = &s->questions[i];
        if (q->red_flag == NULL) {
            if (ordinary < 0)
                ordinary = (long)i;
        } else if (q->red_flag_level == TRIAGE_EMERGENCY && ordinary >= 0 && q->id != NULL) {
            AT(ld, q,
               "emergency question \"%s\" comes after \"%s\" (line %d), which is not a "
               "red flag; put the emergency questions first, so that nobody answers "
               "other questions before being sent for help",
               q->id, s->questions[ordinary].id != NULL ? s->questions[ordinary].id : "?",
               s->questions[ordinary].line);
        }
    }
}

bool loader_questions_start(struct loader *ld, const struct ynode *list, size_t capacity,
                            size_t expected)
{
    struct survey *s = ld->s;
    /* Room for CAPACITY questions is only address space until questions
     * are written into it; the list is trimmed to its length at the end. */
    s->questions = malloc(capacity * sizeof(*s->questions));
    /* set as questions come */
    ld->referenced = malloc(capacity * sizeof(*ld->referenced));
    ld->show_if = malloc(capacity * sizeof(*ld->show_if));
    s->question_ids = ld->question_ids = idindex_new(capacity, expected);
    ld->question_capacity = capacity;
    if (s->questions == NULL || ld->referenced == NULL || ld->show_if == NULL ||
        ld->question_ids == NULL) {
        AT(ld, list, "out of memory");
        free(s->questions);
        s->questions = NULL;
        free(ld->referenced);
        ld->referenced = NULL;
        free(ld->show_if);
        ld->show_if = NULL;
        idindex_free(ld->question_ids);
        s->question_ids = ld->question_ids = NULL;
        return false;
    }
    return true;
}

void loader_question(struct loader *ld, const struct ynode *item, size_t index)
{
    struct survey *s = ld->s;
    struct question *q = &s->questions[index];
    /* As the list doubles, the room for as many again is brought in at once
     * (never more than twice what the list takes). */
    if (index >= 64 && (index & (index - 1)) == 0) {
        size_t left = ld->question_capacity - index;
        prefault(q, (index < left ? index : left) * sizeof(*q));
    }
    const struct what what = {"question", NULL, index + 1, item};
    const struct target t = {q, index};
    *q = (struct question){.line = item->line, .column = item->column};
    ld->referenced[index] = false;
    ld->show_if[index] = NULL;
    q->evidence = arena_calloc_aligned(s->arena, s->condition_count, sizeof(*q->evidence),
                                       alignof(struct evidence));
    s->question_count = index + 1;
    loader_mapping(ld, item, &what, &question_shape, &t);
}

void loader_questions_finish(struct loader *ld, size_t count)
{
    struct survey *s = ld->s;
    struct question *trimmed = realloc(s->questions, count * sizeof(*s->questions));
    if (trimmed != NULL)
        s->questions = trimmed;
    for (size_t i = 0; i < count; i++)
        if (ld->show_if[i] != NULL)
            resolve_show_if(ld, ld->show_if[i], i);
    check_emergencies_first(ld);
}

void loader_questions(struct loader *ld, const struct ynode *node)
{
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
    if (!loader_questions_start(ld, node, node->count, node->count))
        return;
    for (size_t i = 0; i < node->count; i++)
        loader_question(ld, &node->items[i], i);
    loader_questions_finish(ld, node->count);
}
