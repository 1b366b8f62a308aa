/* SPDX-License-Identifier: MIT */
/* loader: turns a question file into a validated survey: reads the file,
 * parses it whole into a YAML tree, checks the top level against one table
 * of keys and builds the survey as it goes; the lists are checked in
 * loader_questions.c, loader_conditions.c, loader_rules.c and loader_ui.c,
 * with the helpers of loader_fields.c.
 *
 * Validation goes on past the first problem; each check adds a located
 * message and the survey is thrown away at the end if any was added. */
#include "musclecheck/loader.h"

#include "loader_impl.h"
#include "musclecheck/readfile.h"

#include <assert.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static void load_format(struct loader *ld, const struct field *f, const struct ynode *value,
                        const struct target *t)
{
    (void)t;
    long format;
    if (loader_int(ld, value, f->key, false, 0, 1000, &format) < 0 || format == 2)
        return;
    if (format == 1)
        AT(ld, value,
           "format 1 (weights and scores) is no longer read; this version of musclecheck "
           "reads format 2 (evidence points, triage levels): see \"Converting a format 1 "
           "file\" in docs/question-format.md");
    else
        AT(ld, value,
           "format %ld is not supported by this version of musclecheck (it reads format 2)",
           format);
}

static void load_nonspecific_cap(struct loader *ld, const struct field *f,
                                 const struct ynode *value, const struct target *t)
{
    struct survey *s = t->obj;
    long cap;
    if (loader_int(ld, value, f->key, false, 0, 20, &cap) == 0)
        s->nonspecific_cap = (int)cap;
}

static void load_review_status(struct loader *ld, const struct field *f, const struct ynode *value,
                               const struct target *t)
{
    struct survey *s = t->obj;
    const char *status = loader_text(ld, value, f->key);
    if (status == NULL)
        return;
    if (strcmp(status, "reviewed") == 0)
        s->reviewed = true;
    else if (strcmp(status, "unreviewed") != 0)
        AT(ld, value,
           "review_status must be reviewed (a clinician has checked this file) or unreviewed, "
           "not \"%s\"",
           status);
}

static void load_review_note(struct loader *ld, const struct field *f, const struct ynode *value,
                             const struct target *t)
{
    struct survey *s = t->obj;
    s->review_note = loader_text(ld, value, f->key);
}

static void load_advice(struct loader *ld, const struct field *f, const struct ynode *value,
                        const struct target *t)
{
    struct survey *s = t->obj;
    s->advice = loader_shown_list(ld, value, f->key, 1, &s->advice_shown, &s->advice_count);
    loader_shown_resolve(ld, value, s->advice_shown, s->advice_count);
}

#define TEXT(key, which)                                                                           \
    {                                                                                              \
        key, true, loader_text_at, offsetof(struct survey, texts[which])                           \
    }

/* The top level, in the order it is checked: the conditions before the
 * questions, whose evidence names them, and the questions before the rules
 * and other causes, which name questions. */
static const struct field top_fields[] = {
    {"format", true, load_format, 0},
    TEXT("id", SURVEY_ID),
    TEXT("version", SURVEY_VERSION),
    TEXT("language", SURVEY_LANGUAGE),
    TEXT("title", SURVEY_TITLE),
    /* Optional, so that older files still load; the bundled ones have it. */
    {"intended_use", false, loader_text_at, offsetof(struct survey, texts[SURVEY_INTENDED_USE])},
    TEXT("intro", SURVEY_INTRO),
    TEXT("disclaimer", SURVEY_DISCLAIMER),
    TEXT("no_findings", SURVEY_NO_FINDINGS),
    {"review_status", false, load_review_status, 0},
    {"reviewed", false, load_review_note, 0},
    {"nonspecific_cap", false, load_nonspecific_cap, 0},
    {"bands", true, loader_bands, 0},
    {"conditions", true, loader_conditions, 0},
    {"questions", true, loader_questions, 0},
    {"triage_rules", false, loader_rules, 0},
    {"other_causes", false, loader_other_causes, 0},
    {"summary", false, loader_summary, 0},
    {"advice", true, load_advice, 0},
    {"ui", false, loader_ui, 0},
};

static const struct shape top_shape = SHAPE(top_fields, MISSING_IN_ORDER);

/* A question that gives no evidence, raises no red flag, opens no
 * follow-up and feeds no rule or other cause would be asked for nothing.
 * (ld->referenced marks the questions that show_if, rules, causes and the
 * "when" and "unless" of foods, tips and advice name.) */
static void check_every_question_counts(struct loader *ld)
{
    const struct survey *s = ld->s;
    if (ld->referenced == NULL)
        return;
    for (size_t i = 0; i < s->question_count; i++) {
        const struct question *q = &s->questions[i];
        bool counts = q->red_flag != NULL || ld->referenced[i];
        for (size_t c = 0; !counts && q->evidence != NULL && c < s->condition_count; c++)
            counts = evidence_any(&q->evidence[c]);
        if (!counts && q->id != NULL)
            AT(ld, q,
               "question \"%s\" counts for nothing: give it evidence or a red_flag, make "
               "another question depend on it (show_if), or name it in a triage rule or "
               "other cause",
               q->id);
    }
}

static void load_top(struct loader *ld, const struct ynode *root)
{
    static const struct what top = {"the top level", NULL, 0, NULL},
                             file = {"the file", NULL, 0, NULL};
    const struct ynode *values[LOADER_MAX_FIELDS];
    const struct target t = {ld->s, 0, NULL};
    ld->s->nonspecific_cap = 2;
    /* A file of another format is answered with that alone: its keys would
     * only bury the one message that says what to do. */
    const struct ynode *format = root->kind == YNODE_MAP ? loader_value_of(root, "format") : NULL;
    if (format != NULL) {
        size_t errors = diag_count(ld->diags);
        load_format(ld, &top_fields[0], format, &t);
        if (diag_count(ld->diags) > errors)
            return;
    }
    if (loader_match(ld, root, &top, &top_shape, values) == 0)
        loader_fill(ld, root, &file, &top_shape, values, &t);
    if (!loader_stopped(ld))
        loader_conditions_shown(ld);
    if (!loader_stopped(ld))
        check_every_question_counts(ld);
}

/* Frees what only loading needs: everything the loader holds but the survey. */
static void loader_release(struct loader *ld)
{
    free(ld->referenced);
    free(ld->show_if);
    idindex_free(ld->conditions.index);
}

struct survey *survey_load_buffer(const char *name, const char *buf, size_t len,
                                  struct diag_list *diags)
{
    static const struct ytree_limits limits = {
        .max_depth = LOADER_MAX_DEPTH,
        .max_nodes = LOADER_MAX_NODES,
        .max_scalar = LOADER_MAX_TEXT,
    };
    assert(name != NULL && (buf != NULL || len == 0));
    size_t errors_before = diag_count(diags);
    if (len > LOADER_MAX_FILE_BYTES) {
        diag_add(diags, 0, 0, "the file is too large (%zu bytes; at most %zu)", len,
                 LOADER_MAX_FILE_BYTES);
        return NULL;
    }
    struct survey *s = calloc(1, sizeof(*s));
    if (s == NULL || (s->arena = arena_new()) == NULL) {
        free(s);
        diag_no_memory(diags);
        return NULL;
    }
    /* The texts go straight to the survey, which keeps most of them. */
    struct ytree *tree = ytree_parse(buf, len, &limits, s->arena, diags);
    if (tree == NULL) {
        survey_free(s);
        return NULL;
    }
    s->source = arena_strndup(s->arena, name, strlen(name));
    const struct ynode *root = ytree_root(tree);
    struct loader ld = {.diags = diags, .s = s};
    if (root == NULL)
        diag_add(diags, 1, 1,
                 "the file is empty; a question file starts with \"format: 2\" and "
                 "holds the questionnaire (see docs/question-format.md)");
    else
        load_top(&ld, root);
    loader_release(&ld);
    ytree_free(tree);
    /* Any allocation that failed on the way (a failed arena allocation
     * stops quietly) leaves a survey that must not be used, and makes the
     * load's outcome "out of memory", whatever else was reported. */
    if (s->source == NULL || arena_failed(s->arena) ||
        (diag_count(diags) == errors_before && !diag_out_of_memory(diags) && survey_fill_ui(s) < 0))
        diag_no_memory(diags);
    if (diag_count(diags) > errors_before || diag_out_of_memory(diags)) {
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
    case READ_NO_MEMORY: return LOAD_NO_MEMORY;
    }
    *out = survey_load_buffer(path, buf, len, diags);
    free(buf);
    return *out != NULL ? LOAD_OK : diag_out_of_memory(diags) ? LOAD_NO_MEMORY : LOAD_BAD_DATA;
}
