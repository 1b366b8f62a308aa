/* SPDX-License-Identifier: MIT */
/* loader: turns a YAML tree into a validated survey.
 *
 * Validation goes on past the first problem; each check adds a located
 * message and the survey is thrown away at the end if any was added. */
#include "musclecheck/loader.h"

#include "musclecheck/idindex.h"
#include "musclecheck/readfile.h"
#include "musclecheck/suggest.h"
#include "musclecheck/ytree.h"
#include "survey_impl.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

struct loader {
    struct diag_list *diags;
    struct survey *s;
    struct idindex *question_ids;
    struct idindex *condition_ids;
};

/* Reports a problem at NODE's position. */
#define AT(ld, node, ...) diag_add((ld)->diags, (node)->line, (node)->column, __VA_ARGS__)

static const char *kind_name(const struct ynode *node)
{
    switch (node->kind) {
    case YNODE_MAP: return "a mapping";
    case YNODE_SEQ: return "a list";
    default: return "a text";
    }
}

/* Names a mapping in messages. Formatted only when a message needs it:
 * loading a large file must not pay for messages it never prints. */
struct what {
    const char *kind; /* "question", "condition", "band"; or the whole name */
    const char *id;   /* the mapping's id when it has a usable one, else NULL */
    size_t index;     /* 1-based position; 0 when KIND is the whole name */
};

static const char *what_text(const struct what *w, char *buf, size_t size)
{
    if (w->index == 0)
        snprintf(buf, size, "%s", w->kind);
    else if (w->id != NULL)
        snprintf(buf, size, "%s \"%s\"", w->kind, w->id);
    else
        snprintf(buf, size, "%s %zu", w->kind, w->index);
    return buf;
}

/* Matches the keys of mapping NODE against KEYS, storing each value in
 * VALUES (same order as KEYS); reports unknown and repeated keys. W names
 * the mapping in messages. Returns false when NODE is not a mapping. */
static bool map_fields(struct loader *ld, const struct ynode *node, const struct what *w,
                       const char *const *keys, size_t nkeys, const struct ynode **values)
{
    char what[96];
    for (size_t k = 0; k < nkeys; k++)
        values[k] = NULL;
    if (node->kind != YNODE_MAP) {
        AT(ld, node, "%s must be a mapping of \"key: value\" lines, not %s",
           what_text(w, what, sizeof(what)), kind_name(node));
        return false;
    }
    for (size_t i = 0; i + 1 < node->count; i += 2) {
        const struct ynode *key = node->items[i];
        if (key->kind != YNODE_SCALAR) {
            AT(ld, key, "a key in %s must be a plain word, not %s",
               what_text(w, what, sizeof(what)), kind_name(key));
            continue;
        }
        size_t k = 0;
        while (k < nkeys && strcmp(keys[k], key->value) != 0)
            k++;
        if (k == nkeys) {
            const char *near = suggest_closest(key->value, keys, nkeys);
            if (near != NULL)
                AT(ld, key, "unknown key \"%s\" in %s; did you mean \"%s\"?", key->value,
                   what_text(w, what, sizeof(what)), near);
            else
                AT(ld, key, "unknown key \"%s\" in %s", key->value,
                   what_text(w, what, sizeof(what)));
        } else if (values[k] != NULL) {
            AT(ld, key, "\"%s\" is given twice in %s (first at line %d)", key->value,
               what_text(w, what, sizeof(what)), values[k]->line);
        } else {
            values[k] = node->items[i + 1];
        }
    }
    return true;
}

/* Reports a missing required key of mapping NODE. */
static bool require(struct loader *ld, const struct ynode *node, const struct ynode *value,
                    const char *key, const struct what *w)
{
    char what[96];
    if (value == NULL)
        AT(ld, node, "%s has no \"%s\"; add a \"%s:\" line", what_text(w, what, sizeof(what)), key,
           key);
    return value != NULL;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A trimmed copy of scalar NODE's text in the survey's arena, or NULL (after
 * a message) when NODE is not a text or is blank. */
static const char *get_text(struct loader *ld, const struct ynode *node, const char *key)
{
    if (node->kind != YNODE_SCALAR) {
        AT(ld, node, "\"%s\" must be a text, not %s", key, kind_name(node));
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
    const char *copy = arena_strndup(ld->s->arena, start, (size_t)(end - start));
    if (copy == NULL)
        AT(ld, node, "out of memory");
    return copy;
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

/* Scalar NODE as an id (lowercase letters, digits, underscores), or NULL. */
static const char *get_id(struct loader *ld, const struct ynode *node, const char *key)
{
    const char *text = get_text(ld, node, key);
    if (text != NULL && !valid_id(text)) {
        AT(ld, node,
           "\"%s\" is not a valid %s: use lowercase letters, digits and underscores "
           "(at most %d), like \"night_cramps\"",
           text, key, LOADER_MAX_ID);
        return NULL;
    }
    return text;
}

/* Plain scalar NODE as a whole number in [MIN, MAX]; false after a message.
 * NAME is the key, or the condition when WEIGHT. */
static bool get_int(struct loader *ld, const struct ynode *node, const char *name, bool weight,
                    long min, long max, long *out)
{
    const char *prefix = weight ? "the weight for " : "";
    if (node->kind != YNODE_SCALAR) {
        AT(ld, node, "%s\"%s\" must be a whole number, not %s", prefix, name, kind_name(node));
        return false;
    }
    const char *p = node->value;
    bool ok = node->plain && node->len > 0 && node->len < 12;
    if (ok && (*p == '-' || *p == '+'))
        p++;
    ok = ok && *p != '\0';
    for (; ok && *p != '\0'; p++)
        ok = isdigit((unsigned char)*p) != 0;
    long value = ok ? strtol(node->value, NULL, 10) : 0;
    if (!ok || value < min || value > max) {
        AT(ld, node, "%s\"%s\" must be a whole number from %ld to %ld, not \"%s\"", prefix, name,
           min, max, node->value);
        return false;
    }
    *out = value;
    return true;
}

/* A list of non-empty texts of at least MIN_COUNT entries. */
static const char **get_text_list(struct loader *ld, const struct ynode *node, const char *key,
                                  size_t min_count, size_t *count)
{
    *count = 0;
    if (node->kind != YNODE_SEQ) {
        AT(ld, node, "\"%s\" must be a list (one \"- \" line per entry), not %s", key,
           kind_name(node));
        return NULL;
    }
    if (node->count < min_count) {
        AT(ld, node, "\"%s\" needs at least %zu entr%s", key, min_count,
           min_count == 1 ? "y" : "ies");
        return NULL;
    }
    if (node->count > LOADER_MAX_LIST) {
        AT(ld, node, "\"%s\" has too many entries (%zu; at most %d)", key, node->count,
           LOADER_MAX_LIST);
        return NULL;
    }
    const char **list = arena_calloc(ld->s->arena, node->count, sizeof(*list));
    if (list == NULL)
        return NULL;
    for (size_t i = 0; i < node->count; i++)
        list[i] = get_text(ld, node->items[i], key);
    *count = node->count;
    return list;
}

/* The plain id of mapping NODE, if it has a usable one, to name it in messages. */
static const char *peek_id(const struct ynode *node)
{
    if (node->kind != YNODE_MAP)
        return NULL;
    for (size_t i = 0; i + 1 < node->count; i += 2) {
        const struct ynode *key = node->items[i], *value = node->items[i + 1];
        if (key->kind == YNODE_SCALAR && strcmp(key->value, "id") == 0 &&
            value->kind == YNODE_SCALAR && valid_id(value->value))
            return value->value;
    }
    return NULL;
}

/* Top-level texts, in enum survey_text order. */
static const char *const text_keys[SURVEY_TEXT_COUNT] = {
    "id", "version", "language", "title", "intro", "disclaimer", "no_findings"};

enum top_key {
    TOP_FORMAT = SURVEY_TEXT_COUNT,
    TOP_MIN_EVIDENCE,
    TOP_BANDS,
    TOP_CONDITIONS,
    TOP_QUESTIONS,
    TOP_ADVICE,
    TOP_UI,
    TOP_COUNT
};

static const char *const top_keys[TOP_COUNT] = {
    "id",     "version",      "language", "title",      "intro",     "disclaimer", "no_findings",
    "format", "min_evidence", "bands",    "conditions", "questions", "advice",     "ui"};

enum { COND_ID, COND_NAME, COND_ROLE, COND_MUSCLE, COND_OTHER, COND_FOODS, COND_TIPS, COND_COUNT };
static const char *const condition_keys[COND_COUNT] = {
    "id", "name", "role", "muscle_symptoms", "other_symptoms", "foods", "tips"};

static void load_condition(struct loader *ld, const struct ynode *node, size_t index)
{
    const struct ynode *v[COND_COUNT];
    const struct what what = {"condition", peek_id(node), index + 1};
    if (!map_fields(ld, node, &what, condition_keys, COND_COUNT, v))
        return;
    struct condition *c = &ld->s->conditions[index];
    c->line = node->line;
    c->column = node->column;
    for (size_t k = 0; k < COND_COUNT; k++)
        require(ld, node, v[k], condition_keys[k], &what);
    if (v[COND_ID] != NULL && (c->id = get_id(ld, v[COND_ID], "condition id")) != NULL) {
        long first = idindex_put(ld->condition_ids, c->id, (long)index);
        if (first >= 0)
            AT(ld, v[COND_ID], "condition id \"%s\" is used twice (first by condition %ld)", c->id,
               first + 1);
    }
    if (v[COND_NAME] != NULL)
        c->name = get_text(ld, v[COND_NAME], "name");
    if (v[COND_ROLE] != NULL)
        c->role = get_text(ld, v[COND_ROLE], "role");
    if (v[COND_MUSCLE] != NULL)
        c->muscle_symptoms = get_text(ld, v[COND_MUSCLE], "muscle_symptoms");
    if (v[COND_OTHER] != NULL)
        c->other_symptoms = get_text(ld, v[COND_OTHER], "other_symptoms");
    if (v[COND_FOODS] != NULL)
        c->foods = get_text_list(ld, v[COND_FOODS], "foods", 1, &c->food_count);
    if (v[COND_TIPS] != NULL)
        c->tips = get_text_list(ld, v[COND_TIPS], "tips", 1, &c->tip_count);
}

static void load_conditions(struct loader *ld, const struct ynode *node)
{
    if (node->kind != YNODE_SEQ) {
        AT(ld, node,
           "\"conditions\" must be a list (one \"- id: ...\" entry per condition), not %s",
           kind_name(node));
        return;
    }
    if (node->count == 0 || node->count > LOADER_MAX_CONDITIONS) {
        AT(ld, node, "\"conditions\" must list from 1 to %d conditions (it lists %zu)",
           LOADER_MAX_CONDITIONS, node->count);
        return;
    }
    struct survey *s = ld->s;
    s->conditions = arena_calloc(s->arena, node->count, sizeof(*s->conditions));
    ld->condition_ids = idindex_new(s->arena, node->count);
    if (s->conditions == NULL || ld->condition_ids == NULL)
        return;
    s->condition_count = node->count;
    for (size_t i = 0; i < node->count; i++)
        load_condition(ld, node->items[i], i);
}

enum { BAND_ID, BAND_LABEL, BAND_MIN, BAND_COUNT };
static const char *const band_keys[BAND_COUNT] = {"id", "label", "min_score"};

static void load_bands(struct loader *ld, const struct ynode *node)
{
    if (node->kind != YNODE_SEQ) {
        AT(ld, node, "\"bands\" must be a list, not %s", kind_name(node));
        return;
    }
    if (node->count < 2 || node->count > LOADER_MAX_LIST) {
        AT(ld, node,
           "\"bands\" must list from 2 to %d bands (it lists %zu); with one band nothing "
           "could ever be flagged",
           LOADER_MAX_LIST, node->count);
        return;
    }
    struct survey *s = ld->s;
    if ((s->bands = arena_calloc(s->arena, node->count, sizeof(*s->bands))) == NULL)
        return;
    s->band_count = node->count;
    for (size_t i = 0; i < node->count; i++) {
        const struct ynode *v[BAND_COUNT];
        const struct what what = {"band", NULL, i + 1};
        struct band *b = &s->bands[i];
        b->min_score = -1;
        if (!map_fields(ld, node->items[i], &what, band_keys, BAND_COUNT, v))
            continue;
        for (size_t k = 0; k < BAND_COUNT; k++)
            require(ld, node->items[i], v[k], band_keys[k], &what);
        if (v[BAND_ID] != NULL && (b->id = get_id(ld, v[BAND_ID], "band id")) != NULL)
            for (size_t j = 0; j < i; j++)
                if (s->bands[j].id != NULL && strcmp(s->bands[j].id, b->id) == 0)
                    AT(ld, v[BAND_ID], "band id \"%s\" is used twice", b->id);
        if (v[BAND_LABEL] != NULL)
            b->label = get_text(ld, v[BAND_LABEL], "label");
        long min;
        if (v[BAND_MIN] == NULL || !get_int(ld, v[BAND_MIN], "min_score", false, 0, 100, &min))
            continue;
        b->min_score = (int)min;
        if (i == 0 && min != 0)
            AT(ld, v[BAND_MIN], "the first band must start at min_score 0, not %ld", min);
        else if (i > 0 && s->bands[i - 1].min_score >= 0 && min <= s->bands[i - 1].min_score)
            AT(ld, v[BAND_MIN],
               "bands must go up: min_score %ld is not above the previous band's %d", min,
               s->bands[i - 1].min_score);
    }
}

static void load_weights(struct loader *ld, const struct ynode *node, int *weights)
{
    struct survey *s = ld->s;
    if (node->kind != YNODE_MAP) {
        AT(ld, node, "\"weights\" must be a mapping of condition ids to numbers, like \"iron: 2\"");
        return;
    }
    const char **names = calloc(s->condition_count + 1, sizeof(*names));
    const struct ynode **seen = calloc(s->condition_count + 1, sizeof(*seen));
    if (names == NULL || seen == NULL) {
        AT(ld, node, "out of memory");
        goto out;
    }
    for (size_t c = 0; c < s->condition_count; c++)
        names[c] = s->conditions[c].id != NULL ? s->conditions[c].id : "";
    for (size_t i = 0; i + 1 < node->count; i += 2) {
        const struct ynode *key = node->items[i], *value = node->items[i + 1];
        if (key->kind != YNODE_SCALAR) {
            AT(ld, key, "a key in \"weights\" must be a condition id, not %s", kind_name(key));
            continue;
        }
        long c = ld->condition_ids != NULL ? idindex_get(ld->condition_ids, key->value) : -1;
        if (c < 0) {
            const char *near = suggest_closest(key->value, names, s->condition_count);
            if (near != NULL)
                AT(ld, key, "unknown condition \"%s\" in weights; did you mean \"%s\"?", key->value,
                   near);
            else
                AT(ld, key,
                   "unknown condition \"%s\" in weights; the conditions are listed "
                   "under \"conditions:\"",
                   key->value);
            continue;
        }
        if (seen[c] != NULL) {
            AT(ld, key, "the weight for \"%s\" is given twice (first at line %d)", key->value,
               seen[c]->line);
            continue;
        }
        seen[c] = key;
        long w;
        if (get_int(ld, value, key->value, true, 0, WEIGHT_MAX, &w))
            weights[c] = (int)w;
    }
out:
    free(names);
    free(seen);
}

enum { Q_ID, Q_TEXT, Q_HELP, Q_WEIGHTS, Q_SHOW_IF, Q_RED_FLAG, Q_COUNT };
static const char *const question_keys[Q_COUNT] = {"id",      "text",    "help",
                                                   "weights", "show_if", "red_flag"};

enum { SI_QUESTION, SI_ANSWER, SI_COUNT };
static const char *const show_if_keys[SI_COUNT] = {"question", "answer"};

/* Resolves question I's show_if, now that every id is known. */
static void load_show_if(struct loader *ld, const struct ynode *node, size_t i)
{
    struct question *q = &ld->s->questions[i];
    const struct ynode *v[SI_COUNT];
    static const struct what what = {"show_if", NULL, 0};
    if (!map_fields(ld, node, &what, show_if_keys, SI_COUNT, v))
        return;
    bool ok = require(ld, node, v[SI_QUESTION], "question", &what);
    ok = require(ld, node, v[SI_ANSWER], "answer", &what) && ok;
    if (!ok)
        return;
    const char *target = get_text(ld, v[SI_QUESTION], "question");
    const char *answer = get_text(ld, v[SI_ANSWER], "answer");
    if (answer != NULL && !answer_parse(answer, &q->show_if_answer)) {
        AT(ld, v[SI_ANSWER], "show_if answer must be yes, no or unsure, not \"%s\"", answer);
        return;
    }
    if (target == NULL || answer == NULL)
        return;
    long t = idindex_get(ld->question_ids, target);
    if (t < 0) {
        AT(ld, v[SI_QUESTION], "show_if refers to \"%s\", but no question has that id", target);
    } else if ((size_t)t == i) {
        AT(ld, v[SI_QUESTION], "show_if of question \"%s\" refers to itself", target);
    } else if ((size_t)t > i) {
        AT(ld, v[SI_QUESTION],
           "show_if refers to \"%s\", which comes later (line %d); a question can only "
           "depend on one asked before it",
           target, ld->s->questions[t].line);
    } else {
        q->has_show_if = true;
        q->show_if_question = (size_t)t;
    }
}

static void load_question(struct loader *ld, const struct ynode *node, size_t i,
                          const struct ynode **show_if)
{
    struct survey *s = ld->s;
    struct question *q = &s->questions[i];
    const struct ynode *v[Q_COUNT];
    const struct what what = {"question", peek_id(node), i + 1};
    q->line = node->line;
    q->column = node->column;
    if (!map_fields(ld, node, &what, question_keys, Q_COUNT, v))
        return;
    if (require(ld, node, v[Q_ID], "id", &what) &&
        (q->id = get_id(ld, v[Q_ID], "question id")) != NULL) {
        long first = idindex_put(ld->question_ids, q->id, (long)i);
        if (first >= 0)
            AT(ld, v[Q_ID], "question id \"%s\" is used twice (first at line %d)", q->id,
               s->questions[first].line);
    }
    if (require(ld, node, v[Q_TEXT], "text", &what))
        q->text = get_text(ld, v[Q_TEXT], "text");
    if (v[Q_HELP] != NULL)
        q->help = get_text(ld, v[Q_HELP], "help");
    if (v[Q_RED_FLAG] != NULL)
        q->red_flag = get_text(ld, v[Q_RED_FLAG], "red_flag");
    int *weights = arena_calloc(s->arena, s->condition_count + 1, sizeof(*weights));
    q->weights = weights;
    if (v[Q_WEIGHTS] != NULL && weights != NULL)
        load_weights(ld, v[Q_WEIGHTS], weights);
    show_if[i] = v[Q_SHOW_IF];
}

static void load_questions(struct loader *ld, const struct ynode *node)
{
    struct survey *s = ld->s;
    if (node->kind != YNODE_SEQ) {
        AT(ld, node, "\"questions\" must be a list (one \"- id: ...\" entry per question), not %s",
           kind_name(node));
        return;
    }
    if (node->count == 0) {
        AT(ld, node, "the questionnaire has no questions; add at least one under \"questions:\"");
        return;
    }
    if (node->count > LOADER_MAX_QUESTIONS) {
        AT(ld, node, "too many questions (%zu; at most %d)", node->count, LOADER_MAX_QUESTIONS);
        return;
    }
    const struct ynode **show_if = calloc(node->count, sizeof(*show_if));
    s->questions = arena_calloc(s->arena, node->count, sizeof(*s->questions));
    ld->question_ids = idindex_new(s->arena, node->count);
    if (show_if == NULL || s->questions == NULL || ld->question_ids == NULL) {
        AT(ld, node, "out of memory");
        free(show_if);
        return;
    }
    s->question_count = node->count;
    for (size_t i = 0; i < node->count; i++)
        load_question(ld, node->items[i], i, show_if);
    for (size_t i = 0; i < node->count; i++)
        if (show_if[i] != NULL)
            load_show_if(ld, show_if[i], i);
    free(show_if);
    s->question_ids = ld->question_ids;
}

static void load_ui(struct loader *ld, const struct ynode *node)
{
    if (node->kind != YNODE_MAP) {
        AT(ld, node, "\"ui\" must be a mapping of interface strings, not %s", kind_name(node));
        return;
    }
    for (size_t i = 0; i + 1 < node->count; i += 2) {
        const struct ynode *key = node->items[i];
        int id = key->kind == YNODE_SCALAR ? uistr_find(key->value) : -1;
        if (key->kind != YNODE_SCALAR) {
            AT(ld, key, "a key in \"ui\" must be a plain word, not %s", kind_name(key));
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
            ld->s->ui[id] = get_text(ld, node->items[i + 1], key->value);
        }
    }
}

static void load_top(struct loader *ld, const struct ynode *root)
{
    struct survey *s = ld->s;
    const struct ynode *v[TOP_COUNT];
    static const struct what top = {"the top level", NULL, 0}, file = {"the file", NULL, 0};
    if (!map_fields(ld, root, &top, top_keys, TOP_COUNT, v))
        return;
    long format;
    if (require(ld, root, v[TOP_FORMAT], "format", &file) &&
        get_int(ld, v[TOP_FORMAT], "format", false, 0, 1000, &format) && format != 1)
        AT(ld, v[TOP_FORMAT],
           "format %ld is not supported by this version of musclecheck (it reads format 1)",
           format);
    for (int t = 0; t < SURVEY_TEXT_COUNT; t++)
        if (require(ld, root, v[t], text_keys[t], &file))
            s->texts[t] = get_text(ld, v[t], text_keys[t]);
    long min_evidence = 3;
    if (v[TOP_MIN_EVIDENCE] != NULL)
        get_int(ld, v[TOP_MIN_EVIDENCE], "min_evidence", false, 0, 1000, &min_evidence);
    s->min_evidence = (int)min_evidence;
    if (require(ld, root, v[TOP_BANDS], "bands", &file))
        load_bands(ld, v[TOP_BANDS]);
    if (require(ld, root, v[TOP_CONDITIONS], "conditions", &file))
        load_conditions(ld, v[TOP_CONDITIONS]);
    if (require(ld, root, v[TOP_QUESTIONS], "questions", &file))
        load_questions(ld, v[TOP_QUESTIONS]);
    if (require(ld, root, v[TOP_ADVICE], "advice", &file))
        s->advice = get_text_list(ld, v[TOP_ADVICE], "advice", 1, &s->advice_count);
    if (v[TOP_UI] != NULL)
        load_ui(ld, v[TOP_UI]);
}

struct survey *survey_load_buffer(const char *name, const char *buf, size_t len,
                                  struct diag_list *diags)
{
    static const struct ytree_limits limits = {
        .max_depth = LOADER_MAX_DEPTH,
        .max_nodes = LOADER_MAX_NODES,
        .max_scalar = LOADER_MAX_TEXT,
    };
    size_t errors_before = diag_count(diags);
    if (len > LOADER_MAX_FILE_BYTES) {
        diag_add(diags, 0, 0, "the file is too large (%zu bytes; at most %zu)", len,
                 LOADER_MAX_FILE_BYTES);
        return NULL;
    }
    struct ytree *tree = ytree_parse(buf, len, &limits, diags);
    if (tree == NULL)
        return NULL;
    struct survey *s = calloc(1, sizeof(*s));
    if (s == NULL || (s->arena = arena_new()) == NULL) {
        free(s);
        ytree_free(tree);
        diag_add(diags, 0, 0, "out of memory");
        return NULL;
    }
    s->source = arena_strndup(s->arena, name, strlen(name));
    const struct ynode *root = ytree_root(tree);
    if (root == NULL) {
        diag_add(diags, 1, 1,
                 "the file is empty; a question file starts with \"format: 1\" and "
                 "holds the questionnaire (see docs/question-format.md)");
    } else {
        struct loader ld = {.diags = diags, .s = s};
        load_top(&ld, root);
    }
    ytree_free(tree);
    if (diag_count(diags) > errors_before || s->source == NULL) {
        survey_free(s);
        return NULL;
    }
    return s;
}

enum load_result survey_load_file(const char *path, struct survey **out, struct diag_list *diags)
{
    char *buf = NULL;
    size_t len = 0;
    *out = NULL;
    switch (readfile(path, LOADER_MAX_FILE_BYTES, &buf, &len, diags)) {
    case READ_OK: break;
    case READ_BAD_DATA: return LOAD_BAD_DATA;
    case READ_NO_INPUT: return LOAD_NO_INPUT;
    }
    *out = survey_load_buffer(path, buf, len, diags);
    free(buf);
    return *out != NULL ? LOAD_OK : LOAD_BAD_DATA;
}
