/* SPDX-License-Identifier: MIT */
/* loader_impl: what the loader's files share (private to src/core/loader*.c).
 *
 * The loader parses the whole file into a YAML tree (ytree.h), checks it and
 * builds the survey from it, then frees the tree. A mapping in the file is
 * checked against a table of fields: each field names a key, says whether it
 * must be given and has one function that checks its value and stores it.
 * Adding a key is one table entry and one function in the file that owns the
 * mapping (loader.c for the top level, loader_questions.c,
 * loader_conditions.c, loader_rules.c and loader_ui.c for the others).
 *
 * Every problem is a located message in ld->diags and checking goes on, so
 * the functions that check and store return nothing, or 0 when what they
 * checked is usable and -1 after a message. A failed allocation is no
 * problem of the file: it marks the list (loader_no_memory) and checking
 * stops there (loader_stopped). */
#ifndef MUSCLECHECK_LOADER_IMPL_H
#define MUSCLECHECK_LOADER_IMPL_H

#include "musclecheck/diag.h"
#include "musclecheck/idindex.h"
#include "musclecheck/ytree.h"
#include "survey_impl.h"

#include <stdbool.h>
#include <stddef.h>

/* How a message about an id given twice names the entry that has it first. */
enum id_first {
    ID_FIRST_UNNAMED,  /* not at all */
    ID_FIRST_LINE,     /* by its line */
    ID_FIRST_POSITION, /* by its position in the list */
};

/* The ids of one list's entries (questions, conditions, bands, rules or
 * other causes): each id may be given once in its list. */
struct id_list {
    const char *kind;         /* an entry in messages: "condition" */
    const char *name;         /* its id in messages: "condition id" */
    enum id_first first;      /* how an id given twice names the first entry */
    const struct ynode *list; /* the list in the tree */
    struct idindex *index;    /* id -> 0-based position in the list */
};

struct loader {
    struct diag_list *diags;      /* where messages go (the caller's) */
    struct survey *s;             /* being built */
    struct id_list questions;     /* its index is the survey's (s->question_ids) */
    struct id_list conditions;    /* its index is the loader's */
    bool *referenced;             /* per question: named by show_if, a rule, a cause or an entry */
    const struct ynode **show_if; /* per question, resolved once every id is known */
};

/* Marks the load as out of memory (diag_no_memory): it ends with
 * LOAD_NO_MEMORY and the failure alone is reported. */
void loader_no_memory(struct loader *ld);

/* Whether an allocation has failed (loader_no_memory, or in the survey's
 * arena): checking then stops, since all it could add are echoes of the
 * failure (with no index of the condition ids, every condition named in
 * evidence would be "unknown"). The tables and the lists check it. */
bool loader_stopped(const struct loader *ld);

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

/* The object a table's functions fill, its 0-based position in its list
 * and the ids of that list (NULL for objects that have no id). */
struct target {
    void *obj; /* struct survey, condition, question, band, evidence, ... */
    size_t index;
    struct id_list *ids;
};

struct field;

/* Checks VALUE, the value of field F, and stores it into T's object. */
typedef void field_load(struct loader *ld, const struct field *f, const struct ynode *value,
                        const struct target *t);

struct field {
    const char *key;
    bool required;
    field_load *load; /* NULL in a table that is only matched */
    size_t offset;    /* for loader_text_at and loader_id_at: the text's place in the object */
};

/* When a mapping's required keys that are missing are reported. */
enum missing {
    MISSING_IN_ORDER, /* each in field order, among the messages about the values */
    MISSING_FIRST,    /* all of them before any value is checked */
    MISSING_STOPS,    /* all of them, and then no value is checked */
};

/* The keys one kind of mapping accepts, in the order they are checked (and
 * offered as suggestions for a misspelt key). */
struct shape {
    const struct field *fields;
    size_t count;
    enum missing missing;
};

#define SHAPE(fields, missing)                                                                     \
    {                                                                                              \
        fields, sizeof(fields) / sizeof(fields[0]), missing                                        \
    }

enum { LOADER_MAX_FIELDS = 32 };

const char *loader_kind_name(const struct ynode *node);
const char *loader_what_text(const struct what *w, char *buf, size_t size);

/* Matches the keys of mapping NODE against SHAPE, storing each value in
 * VALUES (in field order); reports unknown and repeated keys. W names the
 * mapping in messages. Returns -1 after a message when NODE is not a mapping. */
int loader_match(struct loader *ld, const struct ynode *node, const struct what *w,
                 const struct shape *shape, const struct ynode **values);

/* Reports the missing required fields (W names the mapping NODE) and loads
 * every given one into T, in field order, as SHAPE says. */
void loader_fill(struct loader *ld, const struct ynode *node, const struct what *w,
                 const struct shape *shape, const struct ynode *const *values,
                 const struct target *t);

/* loader_match, then loader_fill. Returns -1 after a message when NODE is
 * not a mapping. */
int loader_mapping(struct loader *ld, const struct ynode *node, const struct what *w,
                   const struct shape *shape, const struct target *t);

/* Reports that mapping NODE (named W) has no KEY when VALUE is NULL, and
 * returns -1 then. */
int loader_require(struct loader *ld, const struct ynode *node, const struct ynode *value,
                   const char *key, const struct what *w);

/* A trimmed text owned by the survey, or NULL after a message when NODE is
 * not a text or is blank. KEY names it in messages. NODE is a value, never
 * a mapping's key: the tree stores the values' texts in the survey's arena,
 * and an untrimmed one is kept where it is. */
const char *loader_text(struct loader *ld, const struct ynode *node, const char *key);

/* Scalar NODE as an id (lowercase letters, digits, underscores), owned by
 * the survey, or NULL after a message. */
const char *loader_id(struct loader *ld, const struct ynode *node, const char *key);

/* Plain scalar NODE as a whole number in [MIN, MAX] in *OUT; -1 after a
 * message. NAME is the key, or the condition when WEIGHT. */
int loader_int(struct loader *ld, const struct ynode *node, const char *name, bool weight, long min,
               long max, long *out);

/* A list of at least MIN_COUNT non-empty texts owned by the survey, or NULL
 * after a message; an entry may also be written as {text, when, unless}.
 * *SHOWN gets one struct shown_when per entry (owned
 * by the survey), empty until loader_shown_resolve fills it in. */
const char **loader_shown_list(struct loader *ld, const struct ynode *node, const char *key,
                               size_t min_count, const struct shown_when **shown, size_t *count);

/* Resolves the "when" and "unless" of the COUNT entries of list NODE into
 * SHOWN (from loader_shown_list), once every question id is known; reports
 * unknown ids. Does nothing when the list was not loaded. */
void loader_shown_resolve(struct loader *ld, const struct ynode *node,
                          const struct shown_when *shown, size_t count);

/* Field loaders: the text, or the id (one per list: T->ids), goes to the
 * const char * at F->offset in the object. */
field_load loader_text_at;
field_load loader_id_at;

/* Starts IDS (its kind, name, first and list set) with room for every
 * entry of its list; -1 after a message when out of memory. */
int loader_ids_start(struct loader *ld, struct id_list *ids);

/* The value of the first KEY of mapping NODE, or NULL (also when NODE is
 * no mapping). */
const struct ynode *loader_value_of(const struct ynode *node, const char *key);

/* The foods' and tips' "when" and "unless" (loader_shown_resolve), once
 * the questions are loaded. */
void loader_conditions_shown(struct loader *ld);

/* The plain id of mapping NODE, if it has a usable one, to name it in messages. */
const char *loader_peek_id(const struct ynode *node);

/* Scalar NODE as an evidence kind (sign, cause, risk, nonspecific) in *OUT;
 * -1 after a message. */
int loader_kind(struct loader *ld, const struct ynode *node, enum evidence_kind *out);

/* Scalar NODE as the level of a red flag (emergency or same_day) or, when
 * SOON_OK, of a rule (also soon) in *OUT; -1 after a message. */
int loader_level(struct loader *ld, const struct ynode *node, bool soon_ok, enum triage *out);

/* The lists, each a top-level field, in the files named above. */
field_load loader_bands;
field_load loader_conditions;
field_load loader_questions;
field_load loader_rules;
field_load loader_other_causes;
field_load loader_ui;
field_load loader_summary;

#endif
