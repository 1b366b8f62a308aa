/* SPDX-License-Identifier: MIT */
/* loader_impl: what the loader's files share (private to src/core/loader*.c).
 *
 * A mapping in a question file is checked against a table of fields: each
 * field names a key, says whether it must be given and has one function that
 * checks its value and stores it. Adding a key is one table entry and one
 * function in the file that owns the mapping (loader.c for the top level,
 * loader_questions.c, loader_conditions.c, loader_ui.c for the others). */
#ifndef MUSCLECHECK_LOADER_IMPL_H
#define MUSCLECHECK_LOADER_IMPL_H

#include "musclecheck/diag.h"
#include "musclecheck/idindex.h"
#include "musclecheck/ytree.h"
#include "survey_impl.h"

#include <stdbool.h>
#include <stddef.h>

/* The questions loaded as the file is read (ytree_stream), so that the
 * tree never holds the whole list. The messages found meanwhile wait in
 * lists of their own and join the others where the list is checked, so
 * that they come out in the same order as when nothing is streamed. */
struct streaming {
    bool on;
    int line, column;    /* the streamed list */
    int conditions_line; /* the conditions loaded early (0: none) */
    int conditions_column;
    size_t count; /* entries handed over */
    struct diag_list *conditions_diags, *question_diags;
};

struct loader {
    struct diag_list *diags; /* where messages go now */
    struct survey *s;
    struct idindex *question_ids;  /* handed to the survey at the end */
    struct idindex *condition_ids; /* freed at the end */
    bool *referenced;              /* per question: named by show_if, a rule or a cause */
    const struct ynode **show_if;  /* per question, resolved once every id is known */
    struct arena *kept;            /* the show_if nodes, copied out of streamed questions */
    size_t question_capacity;      /* room in s->questions while loading */
    size_t file_size;              /* bytes in the file */
    struct streaming stream;
};

/* Reports a problem at NODE's position. */
#define AT(ld, node, ...) diag_add((ld)->diags, (node)->line, (node)->column, __VA_ARGS__)

/* Names a mapping in messages. Formatted only when a message needs it:
 * loading a large file must not pay for messages it never prints. */
struct what {
    const char *kind; /* "question", "condition", "band"; or the whole name */
    const char *id;   /* the mapping's id, or NULL: then ITEM's id when it has a usable one */
    size_t index;     /* 1-based position; 0 when KIND is the whole name */
    const struct ynode *item; /* the mapping, looked at only when a message needs its id */
};

/* The object a table's functions fill, and its 0-based position in its list. */
struct target {
    void *obj; /* struct survey, condition, question or band */
    size_t index;
};

struct field;

/* Checks VALUE, the value of field F, and stores it into T's object. */
typedef void field_load(struct loader *ld, const struct field *f, const struct ynode *value,
                        const struct target *t);

struct field {
    const char *key;
    bool required;
    field_load *load;
    size_t offset; /* for loader_text_at: where the text goes in the object */
};

/* The keys one kind of mapping accepts, in the order they are checked (and
 * offered as suggestions for a misspelt key). */
struct shape {
    const struct field *fields;
    size_t count;
    bool require_first; /* report every missing key before checking any value */
};

enum { LOADER_MAX_FIELDS = 32 };

const char *loader_kind_name(const struct ynode *node);
const char *loader_what_text(const struct what *w, char *buf, size_t size);

/* Matches the keys of mapping NODE against SHAPE, storing each value in
 * VALUES (in field order); reports unknown and repeated keys. W names the
 * mapping in messages. Returns false when NODE is not a mapping. */
bool loader_match(struct loader *ld, const struct ynode *node, const struct what *w,
                  const struct shape *shape, const struct ynode **values);

/* Reports a missing required field (W names the mapping NODE) and loads
 * every given one into T, in field order. */
void loader_fill(struct loader *ld, const struct ynode *node, const struct what *w,
                 const struct shape *shape, const struct ynode *const *values,
                 const struct target *t);

/* loader_match, then loader_fill. Returns false when NODE is not a mapping. */
bool loader_mapping(struct loader *ld, const struct ynode *node, const struct what *w,
                    const struct shape *shape, const struct target *t);

/* Reports that mapping NODE (named W) has no KEY when VALUE is NULL. */
bool loader_require(struct loader *ld, const struct ynode *node, const struct ynode *value,
                    const char *key, const struct what *w);

/* A trimmed text owned by the survey, or NULL after a message when NODE is
 * not a text or is blank. KEY names it in messages. */
const char *loader_text(struct loader *ld, const struct ynode *node, const char *key);

/* Scalar NODE as an id (lowercase letters, digits, underscores), or NULL. */
const char *loader_id(struct loader *ld, const struct ynode *node, const char *key);

/* Plain scalar NODE as a whole number in [MIN, MAX]; false after a message.
 * NAME is the key, or the condition when WEIGHT. */
bool loader_int(struct loader *ld, const struct ynode *node, const char *name, bool weight,
                long min, long max, long *out);

/* A list of at least MIN_COUNT non-empty texts, or NULL after a message. */
const char **loader_text_list(struct loader *ld, const struct ynode *node, const char *key,
                              size_t min_count, size_t *count);

/* A field loader: the text goes to the const char * at F->offset in the object. */
field_load loader_text_at;

/* The value of the first KEY among COUNT mapping entries ITEMS (keys and
 * values alternating), or NULL. */
const struct ynode *loader_value(const struct ynode *items, size_t count, const char *key);

/* The plain id of mapping NODE, if it has a usable one, to name it in messages. */
const char *loader_peek_id(const struct ynode *node);

/* Scalar NODE as an evidence kind (sign, cause, risk, nonspecific); false
 * after a message. */
bool loader_kind(struct loader *ld, const struct ynode *node, enum evidence_kind *out);

/* Scalar NODE as the level of a red flag (emergency or same_day) or, when
 * SOON_OK, of a rule (also soon); false after a message. */
bool loader_level(struct loader *ld, const struct ynode *node, bool soon_ok, enum triage *out);

/* Whether NODE is the one at LINE, COLUMN (a node loaded while streaming). */
static inline bool loader_same_node(const struct ynode *node, int line, int column)
{
    return node->line == line && node->column == column;
}

/* The streaming of the questions list, for ytree_stream (loader_stream.c). */
bool loader_stream_entry(void *ctx, const struct ynode *top, size_t top_count,
                         const struct ynode *list, const struct ynode *entry, size_t index);
/* Question INDEX, ITEM, of the list (loader_questions.c). */
void loader_question(struct loader *ld, const struct ynode *item, size_t index);
/* Before the first question: room for CAPACITY of them, about EXPECTED of
 * which are expected; false after a message at LIST. */
bool loader_questions_start(struct loader *ld, const struct ynode *list, size_t capacity,
                            size_t expected);
/* After the last of COUNT questions: what needs them all. */
void loader_questions_finish(struct loader *ld, size_t count);
/* The top-level pass's turn for the streamed questions list NODE. */
void loader_questions_streamed(struct loader *ld, const struct ynode *node);
/* Frees what only loading needs. */
void loader_release(struct loader *ld);

/* The lists, each in its own file. */
void loader_bands(struct loader *ld, const struct ynode *node);
void loader_conditions(struct loader *ld, const struct ynode *node);
void loader_questions(struct loader *ld, const struct ynode *node);
void loader_rules(struct loader *ld, const struct ynode *node);
void loader_other_causes(struct loader *ld, const struct ynode *node);
void loader_ui(struct loader *ld, const struct ynode *node);

#endif
