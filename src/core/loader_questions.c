/* SPDX-License-Identifier: MIT */
/* loader_questions: the "questions" list: each question's id and texts, its
 * evidence for the conditions, its red flag and level, and its show_if,
 * which is resolved once every question's id is known. */
#include "loader_impl.h"

#include "musclecheck/loader.h"
#include "musclecheck/suggest.h"

#include <assert.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Reports key KEY of "evidence", which names no condition. */
static void unknown_condition(struct loader *ld, const struct ynode *key)
{
    const struct survey *s = ld->s;
    const char *names[LOADER_MAX_CONDITIONS];
    assert(s->condition_count <= LOADER_MAX_CONDITIONS);
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

int loader_kind(struct loader *ld, const struct ynode *node, enum evidence_kind *out)
{
    if (node->kind == YNODE_SCALAR)
        for (int k = 0; k < EVIDENCE_KIND_COUNT; k++)
            if (strcmp(node->value, evidence_kind_name((enum evidence_kind)k)) == 0) {
                *out = (enum evidence_kind)k;
                return 0;
            }
    AT(ld, node, "kind must be sign, cause, risk, nonspecific or uncertain, not %s%s%s",
       node->kind == YNODE_SCALAR ? "\"" : "",
       node->kind == YNODE_SCALAR ? node->value : loader_kind_name(node),
       node->kind == YNODE_SCALAR ? "\"" : "");
    return -1;
}

static void load_yes(struct loader *ld, const struct field *f, const struct ynode *value,
                     const struct target *t)
{
    struct evidence *e = t->obj;
    long n;
    if (loader_int(ld, value, f->key, false, 0, EVIDENCE_YES_MAX, &n) == 0)
        e->yes = (signed char)n;
}

static void load_no(struct loader *ld, const struct field *f, const struct ynode *value,
                    const struct target *t)
{
    struct evidence *e = t->obj;
    long n;
    if (loader_int(ld, value, f->key, false, EVIDENCE_NO_MIN, 0, &n) == 0)
        e->no = (signed char)n;
}

static void load_kind(struct loader *ld, const struct field *f, const struct ynode *value,
                      const struct target *t)
{
    (void)f;
    struct evidence *e = t->obj;
    enum evidence_kind kind;
    if (loader_kind(ld, value, &kind) == 0)
        e->kind = (unsigned char)kind;
}

static const struct field evidence_fields[] = {
    {"yes", true, load_yes, 0},
    {"no", false, load_no, 0},
    {"kind", false, load_kind, 0},
};

static const struct shape evidence_shape = SHAPE(evidence_fields, MISSING_STOPS);

/* One condition's evidence: a number (the points for yes, a sign) or a
 * mapping {yes, no, kind}. */
static void load_one_evidence(struct loader *ld, const struct ynode *key, const struct ynode *value,
                              struct evidence *e)
{
    *e = (struct evidence){.kind = EVIDENCE_SIGN};
    if (value->kind == YNODE_SCALAR) {
        long n;
        if (loader_int(ld, value, key->value, true, 0, EVIDENCE_YES_MAX, &n) == 0)
            e->yes = (signed char)n;
        return;
    }
    const struct what what = {"the evidence for", key->value, 1, NULL};
    const struct target t = {e, 0, NULL};
    loader_mapping(ld, value, &what, &evidence_shape, &t);
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
    for (size_t i = 0; i + 1 < node->count && !loader_stopped(ld); i += 2) {
        const struct ynode *key = &node->items[i], *value = &node->items[i + 1];
        if (key->kind != YNODE_SCALAR) {
            AT(ld, key, "a key in \"evidence\" must be a condition id, not %s",
               loader_kind_name(key));
            continue;
        }
        long c = ld->conditions.index != NULL ? idindex_get(ld->conditions.index, key->value) : -1;
        if (c < 0) {
            unknown_condition(ld, key);
            continue;
        }
        assert((size_t)c < ld->s->condition_count && c < LOADER_MAX_CONDITIONS);
        if (seen[c] != NULL) {
            AT(ld, key, "the evidence for \"%s\" is given twice (first at line %d)", key->value,
               seen[c]->line);
            continue;
        }
        seen[c] = key;
        load_one_evidence(ld, key, value, &evidence[c]);
    }
}

/* Only matched: the advice is checked once the level is known to be
 * right, so load_red_flag reads the values itself. */
enum { RED_FLAG_LEVEL, RED_FLAG_ADVICE };

static const struct field red_flag_fields[] = {
    [RED_FLAG_LEVEL] = {"level", true, NULL, 0},
    [RED_FLAG_ADVICE] = {"advice", true, NULL, 0},
};

static const struct shape red_flag_shape = SHAPE(red_flag_fields, MISSING_FIRST);

int loader_level(struct loader *ld, const struct ynode *node, bool soon_ok, enum triage *out)
{
    const char *text = loader_text(ld, node, "level");
    if (text == NULL)
        return -1;
    if (strcmp(text, "emergency") == 0) {
        AT(ld, node,
           "level \"emergency\" is now two levels: write ambulance (call an ambulance now) or "
           "ae (go to A&E now), as the source's guidance says");
        return -1;
    }
    if (!triage_parse(text, out) || *out < (soon_ok ? TRIAGE_SOON : TRIAGE_SAME_DAY)) {
        AT(ld, node, "level must be ambulance, ae%s same_day%s, not \"%s\"", soon_ok ? "," : " or",
           soon_ok ? " or soon" : "", text);
        return -1;
    }
    return 0;
}

/* The advice as a text (call an ambulance), or a mapping {level, advice}. */
static void load_red_flag(struct loader *ld, const struct field *f, const struct ynode *node,
                          const struct target *t)
{
    struct question *q = t->obj;
    q->red_flag_level = TRIAGE_AMBULANCE;
    if (node->kind != YNODE_MAP) {
        q->red_flag = loader_text(ld, node, f->key);
        return;
    }
    const struct ynode *v[LOADER_MAX_FIELDS];
    const struct what what = {"red_flag", NULL, 0, NULL};
    if (loader_match(ld, node, &what, &red_flag_shape, v) < 0)
        return;
    const struct ynode *level = v[RED_FLAG_LEVEL], *advice = v[RED_FLAG_ADVICE];
    int missing = loader_require(ld, node, level, "level", &what);
    missing |= loader_require(ld, node, advice, "advice", &what);
    if (missing == 0 && loader_level(ld, level, false, &q->red_flag_level) == 0)
        q->red_flag = loader_text(ld, advice, "advice");
}

/* Only matched: the two values depend on each other, so resolve_show_if
 * checks them itself. */
enum { SHOW_IF_QUESTION, SHOW_IF_ANSWER };

static const struct field show_if_fields[] = {
    [SHOW_IF_QUESTION] = {"question", true, NULL, 0},
    [SHOW_IF_ANSWER] = {"answer", true, NULL, 0},
};

static const struct shape show_if_shape = SHAPE(show_if_fields, MISSING_FIRST);

/* The answers a show_if NODE names: one ("yes") or a list of them
 * (["yes", "unsure"], so that "not sure" opens a follow-up as a yes does).
 * Returns their SHOW_IF_MASK bits, 0 after an error. */
static unsigned show_if_answers(struct loader *ld, const struct ynode *node)
{
    bool list = node->kind == YNODE_SEQ;
    size_t n = list ? node->count : 1;
    if (list && n == 0) {
        AT(ld, node, "show_if answer list is empty: name one or more of yes, no, unsure");
        return 0;
    }
    unsigned mask = 0;
    for (size_t k = 0; k < n; k++) {
        const struct ynode *one = list ? &node->items[k] : node;
        const char *answer = loader_text(ld, one, "answer");
        enum answer value;
        if (answer == NULL)
            return 0;
        if (!answer_parse(answer, &value)) {
            AT(ld, one, "show_if answer must be yes, no or unsure, not \"%s\"", answer);
            return 0;
        }
        mask |= SHOW_IF_MASK(value);
    }
    return mask;
}

/* Resolves question I's show_if NODE, now that every id is known. */
static void resolve_show_if(struct loader *ld, const struct ynode *node, size_t i)
{
    struct question *q = &ld->s->questions[i];
    const struct ynode *v[LOADER_MAX_FIELDS];
    static const struct what what = {"show_if", NULL, 0, NULL};
    if (loader_match(ld, node, &what, &show_if_shape, v) < 0)
        return;
    const struct ynode *question = v[SHOW_IF_QUESTION], *answer_node = v[SHOW_IF_ANSWER];
    int missing = loader_require(ld, node, question, "question", &what);
    missing |= loader_require(ld, node, answer_node, "answer", &what);
    if (missing != 0)
        return;
    const char *target = loader_text(ld, question, "question");
    unsigned answers = show_if_answers(ld, answer_node);
    if (target == NULL || answers == 0)
        return;
    long t = idindex_get(ld->questions.index, target);
    assert(t < (long)ld->s->question_count);
    if (t < 0) {
        AT(ld, question, "show_if refers to \"%s\", but no question has that id", target);
    } else if ((size_t)t == i) {
        AT(ld, question, "show_if of question \"%s\" refers to itself", target);
    } else if ((size_t)t > i) {
        AT(ld, question,
           "show_if refers to \"%s\", which comes later (line %d); a question can only "
           "depend on one asked before it",
           target, ld->s->questions[t].line);
    } else {
        q->has_show_if = true;
        q->show_if_question = (uint32_t)t;
        q->show_if_answers = answers;
        ld->referenced[t] = true; /* a gateway counts for what it opens */
    }
}

/* Keeps question's show_if until every id is known. */
static void load_show_if(struct loader *ld, const struct field *f, const struct ynode *value,
                         const struct target *t)
{
    (void)f;
    ld->show_if[t->index] = value;
}

static const struct field question_fields[] = {
    {"id", true, loader_id_at, offsetof(struct question, id)},
    {"text", true, loader_text_at, offsetof(struct question, text)},
    {"help", false, loader_text_at, offsetof(struct question, help)},
    {"red_flag", false, load_red_flag, 0},
    {"not_for", false, loader_text_at, offsetof(struct question, not_for)},
    {"evidence", false, load_evidence, 0},
    {"show_if", false, load_show_if, 0},
};

static const struct shape question_shape = SHAPE(question_fields, MISSING_IN_ORDER);

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
        } else if (triage_urgent(q->red_flag_level) && ordinary >= 0 && q->id != NULL) {
            AT(ld, q,
               "emergency question \"%s\" comes after \"%s\" (line %d), which is not a "
               "red flag; put the emergency questions first, so that nobody answers "
               "other questions before being sent for help",
               q->id, s->questions[ordinary].id != NULL ? s->questions[ordinary].id : "?",
               s->questions[ordinary].line);
        }
    }
}

/* Question INDEX, ITEM, of the list. */
static void load_question(struct loader *ld, const struct ynode *item, size_t index)
{
    struct survey *s = ld->s;
    assert(index < s->question_count);
    struct question *q = &s->questions[index];
    const struct what what = {"question", NULL, index + 1, item};
    const struct target t = {q, index, &ld->questions};
    q->line = item->line;
    q->column = item->column;
    q->evidence = arena_calloc_aligned(s->arena, s->condition_count, sizeof(*q->evidence),
                                       alignof(struct evidence));
    loader_mapping(ld, item, &what, &question_shape, &t);
}

void loader_questions(struct loader *ld, const struct field *f, const struct ynode *node,
                      const struct target *t)
{
    (void)f, (void)t;
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
    ld->questions = (struct id_list){"question", "question id", ID_FIRST_LINE, node, NULL};
    if (loader_ids_start(ld, &ld->questions) < 0)
        return;
    s->question_ids = ld->questions.index;
    s->questions = arena_calloc(s->arena, node->count, sizeof(*s->questions));
    ld->referenced = calloc(node->count, sizeof(*ld->referenced));
    ld->show_if = calloc(node->count, sizeof(*ld->show_if));
    if (s->questions == NULL || ld->referenced == NULL || ld->show_if == NULL) {
        loader_no_memory(ld);
        return;
    }
    s->question_count = node->count;
    for (size_t i = 0; i < node->count && !loader_stopped(ld); i++)
        load_question(ld, &node->items[i], i);
    for (size_t i = 0; i < node->count && !loader_stopped(ld); i++)
        if (ld->show_if[i] != NULL)
            resolve_show_if(ld, ld->show_if[i], i);
    if (!loader_stopped(ld))
        check_emergencies_first(ld);
}
