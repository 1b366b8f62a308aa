/* SPDX-License-Identifier: MIT */
/* loader_stream: loads the questions while the file is read (ytree_stream),
 * so that the tree never holds the whole list: each question's nodes are
 * checked as soon as they are complete and their memory is reused for the
 * next. A large file then brings in little more memory than its survey.
 *
 * This needs "format: 2" and the conditions before the questions, as every
 * question file has them; otherwise the list stays in the tree and is
 * checked with the rest. Messages found on the way wait in lists of their
 * own (struct streaming) and join the others in the top-level pass, so that
 * they come out as when nothing is streamed. */
#include "loader_impl.h"

#include "musclecheck/loader.h"

#include <stdlib.h>
#include <string.h>

enum { QUESTION_BYTES = 200 };

/* Before the first question: whether it can be loaded now, and the
 * conditions it needs loaded first. */
static bool stream_begin(struct loader *ld, const struct ynode *top, size_t top_count,
                         const struct ynode *list)
{
    struct streaming *st = &ld->stream;
    const struct ynode *format = loader_value(top, top_count, "format");
    const struct ynode *conditions = loader_value(top, top_count, "conditions");
    /* Only the first "questions" is the list; any other is reported as
     * given twice, and checked (or not) with the rest. */
    if (st->on || loader_value(top, top_count, "questions") != NULL || format == NULL ||
        format->kind != YNODE_SCALAR || !format->plain || strcmp(format->value, "2") != 0 ||
        conditions == NULL)
        return false;
    struct diag_list *diags = ld->diags;
    ld->diags = st->conditions_diags;
    loader_conditions(ld, conditions);
    st->conditions_line = conditions->line;
    st->conditions_column = conditions->column;
    ld->diags = st->question_diags;
    /* A question takes a couple of hundred bytes: the id index starts with
     * room for as many as the file could hold, and grows if there are more. */
    bool started =
        loader_questions_start(ld, list, LOADER_MAX_QUESTIONS, ld->file_size / QUESTION_BYTES);
    ld->diags = diags;
    if (!started)
        return false;
    st->on = true;
    st->line = list->line;
    st->column = list->column;
    return true;
}

bool loader_stream_entry(void *ctx, const struct ynode *top, size_t top_count,
                         const struct ynode *list, const struct ynode *entry, size_t index)
{
    struct loader *ld = ctx;
    struct streaming *st = &ld->stream;
    if (index == 0 && !stream_begin(ld, top, top_count, list))
        return false;
    if (!st->on || !loader_same_node(list, st->line, st->column))
        return false; /* a second "questions": the top-level pass reports it */
    st->count = index + 1;
    if (index >= LOADER_MAX_QUESTIONS)
        return true; /* only counted: the whole list is refused at the end */
    struct diag_list *diags = ld->diags;
    ld->diags = st->question_diags;
    loader_question(ld, entry, index);
    ld->diags = diags;
    return true;
}

void loader_questions_streamed(struct loader *ld, const struct ynode *node)
{
    struct streaming *st = &ld->stream;
    struct survey *s = ld->s;
    if (st->count > LOADER_MAX_QUESTIONS) {
        /* As when nothing is streamed: this message alone, and no question. */
        AT(ld, node, "too many questions (%zu; at most %d)", st->count, LOADER_MAX_QUESTIONS);
        diag_list_free(st->question_diags);
        st->question_diags = NULL;
        free(s->questions);
        s->questions = NULL;
        s->question_count = 0;
        idindex_free(s->question_ids);
        s->question_ids = ld->question_ids = NULL;
        free(ld->referenced);
        ld->referenced = NULL;
        return;
    }
    diag_list_move(ld->diags, st->question_diags);
    loader_questions_finish(ld, st->count);
}

void loader_release(struct loader *ld)
{
    struct streaming *st = &ld->stream;
    diag_list_free(st->conditions_diags);
    diag_list_free(st->question_diags);
    free(ld->referenced);
    free(ld->show_if);
    arena_free(ld->kept);
    idindex_free(ld->condition_ids);
    *st = (struct streaming){0};
    ld->referenced = NULL;
    ld->show_if = NULL;
    ld->kept = NULL;
    ld->condition_ids = NULL;
}
