/* SPDX-License-Identifier: MIT */
/* doc: the results document and the comparison table as drawable lines. */
#include "doc.h"

#include "musclecheck/table.h"
#include "musclecheck/wipe.h"
#include "musclecheck/wrap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct doc_line *push(struct doc *d)
{
    if (d->count == d->cap) {
        size_t cap = d->cap != 0 ? d->cap * 2 : 64;
        struct doc_line *lines = realloc(d->lines, cap * sizeof(*lines));
        if (lines == NULL)
            return NULL;
        d->lines = lines;
        d->cap = cap;
    }
    struct doc_line *l = &d->lines[d->count++];
    memset(l, 0, sizeof(*l));
    return l;
}

static void blank(struct doc *d)
{
    struct doc_line *l = push(d);
    if (l != NULL)
        l->kind = DOC_TEXT;
}

/* Adds TEXT wrapped to WIDTH - INDENT; the first line starts with FIRST
 * (a bullet or a label), later lines are indented to line up after it. */
static void para(struct doc *d, enum doc_kind kind, enum role role, int indent, int width,
                 const char *first, const char *text)
{
    int first_w = wrap_width(first, strlen(first));
    int room = width - indent - first_w;
    if (room < 10)
        room = 10;
    struct wrap_line *lines = NULL;
    size_t n = wrap_text(text, room, &lines);
    for (size_t i = 0; i < n; i++) {
        struct doc_line *l = push(d);
        if (l == NULL)
            break;
        l->kind = kind;
        l->role = role;
        l->indent = indent + (i == 0 ? 0 : first_w);
        l->text =
            wipe_printf("%s%.*s", i == 0 ? first : "", (int)lines[i].len, text + lines[i].start);
    }
    free(lines);
}

static enum role block_role(const struct rdoc_block *bl)
{
    switch (bl->style) {
    case RDOC_PLAIN: return ROLE_NORMAL;
    case RDOC_HEADING: return ROLE_TITLE;
    case RDOC_WARNING: return ROLE_URGENT;
    case RDOC_QUIET: return ROLE_DIM;
    case RDOC_EMPHASIS:
        return bl->tone == RDOC_TONE_HIGH  ? ROLE_BAND_HIGH
               : bl->tone == RDOC_TONE_MID ? ROLE_BAND_MID
                                           : ROLE_TITLE;
    }
    return ROLE_NORMAL;
}

static void block(struct doc *d, const struct rdoc_block *bl, bool banner, int width)
{
    enum doc_kind kind = banner ? DOC_BANNER : DOC_TEXT;
    enum role role = banner ? ROLE_URGENT : block_role(bl);
    int indent = (banner ? 1 : 0) + 2 * bl->depth;
    int w = banner ? width - 1 : width;
    char *first = NULL;
    switch (bl->kind) {
    case RDOC_RANK: {
        struct doc_line *l = push(d);
        if (l == NULL)
            return;
        l->kind = DOC_SCORE;
        l->tone = bl->tone;
        l->rank = bl->rank;
        int nw = wrap_width(bl->rank.name, strlen(bl->rank.name));
        if (nw > d->name_width)
            d->name_width = nw;
        return;
    }
    case RDOC_ITEM: para(d, kind, role, indent, w, "- ", bl->text); return;
    case RDOC_PARA: para(d, kind, role, indent, w, "", bl->text); return;
    case RDOC_FIELD:
        if ((first = wipe_printf(bl->text != NULL ? "%s: " : "%s:", bl->label)) == NULL)
            return;
        para(d, kind, role, indent, w, first, bl->text != NULL ? bl->text : "");
        wipe_free(first);
        return;
    }
}

void doc_results(struct doc *d, const struct results_doc *r, int width)
{
    memset(d, 0, sizeof(*d));
    bool first = true;
    for (size_t p = 0; p < r->part_count; p++) {
        const struct rdoc_part *part = &r->parts[p];
        if ((RDOC_RESULTS_SECTIONS & RDOC_MASK(part->section)) == 0 || part->count == 0)
            continue;
        if (!first)
            blank(d);
        first = false;
        /* Urgent and same-day advice sit on a full-width band that cannot be missed. */
        bool banner = part->section == RDOC_URGENT || part->section == RDOC_SAME_DAY;
        for (size_t i = part->first; i < part->first + part->count; i++)
            block(d, &r->blocks[i], banner, width);
    }
}

/* Appends SEG (LEN bytes, WIDTH columns) padded with spaces to COLUMN columns. */
static void cat_padded(char *out, const char *seg, size_t len, int width, int column)
{
    strncat(out, seg, len);
    for (int i = width; i < column; i++)
        strcat(out, " ");
}

static const char rule_bar[] = "\xE2\x94\x82";   /* │ */
static const char rule_line[] = "\xE2\x94\x80";  /* ─ */
static const char rule_cross[] = "\xE2\x94\xBC"; /* ┼ */

static void table_rule(struct doc *d, const struct table_layout *t)
{
    size_t len = 1;
    for (size_t c = 0; c < t->cols; c++)
        len += (size_t)(t->widths[c] + 3) * 3;
    struct doc_line *l = push(d);
    if (l == NULL || (l->text = calloc(1, len)) == NULL)
        return;
    l->role = ROLE_DIM;
    for (size_t c = 0; c < t->cols; c++) {
        for (int i = 0; i < t->widths[c] + (c > 0 ? 1 : 0) + (c + 1 < t->cols ? 1 : 0); i++)
            strcat(l->text, rule_line);
        if (c + 1 < t->cols)
            strcat(l->text, rule_cross);
    }
}

void doc_table(struct doc *d, const struct survey *s, int width)
{
    memset(d, 0, sizeof(*d));
    enum { TABLE_COLS = 4 };
    size_t rows = survey_condition_count(s) + 1;
    const char **cells = calloc(rows * TABLE_COLS, sizeof(*cells));
    if (cells == NULL)
        return;
    cells[0] = survey_ui(s, UI_DEFICIENCY);
    cells[1] = survey_ui(s, UI_ROLE);
    cells[2] = survey_ui(s, UI_MUSCLE_SYMPTOMS);
    cells[3] = survey_ui(s, UI_OTHER_SYMPTOMS);
    for (size_t i = 1; i < rows; i++) {
        const struct condition *c = survey_condition(s, i - 1);
        cells[i * TABLE_COLS + 0] = c->name;
        cells[i * TABLE_COLS + 1] = c->role;
        cells[i * TABLE_COLS + 2] = c->muscle_symptoms;
        cells[i * TABLE_COLS + 3] = c->other_symptoms;
    }
    struct table_layout t;
    para(d, DOC_TEXT, ROLE_TITLE, 0, width, "", survey_ui(s, UI_TABLE_TITLE));
    blank(d);
    if (table_layout(cells, rows, TABLE_COLS, width, 3, &t) != 0) {
        free(cells);
        return;
    }
    for (size_t r = 0; r < rows; r++) {
        for (size_t i = 0; i < t.heights[r]; i++) {
            size_t line_bytes = 1;
            for (size_t c = 0; c < TABLE_COLS; c++) {
                const struct table_cell *cell = table_cell(&t, r, c);
                line_bytes += (size_t)t.widths[c] + sizeof(rule_bar) + 2;
                if (i < cell->line_count)
                    line_bytes += cell->lines[i].len;
            }
            struct doc_line *l = push(d);
            if (l == NULL || (l->text = calloc(1, line_bytes)) == NULL)
                break;
            l->role = r == 0 ? ROLE_TITLE : ROLE_NORMAL;
            for (size_t c = 0; c < TABLE_COLS; c++) {
                const struct table_cell *cell = table_cell(&t, r, c);
                const char *text = cells[r * TABLE_COLS + c];
                if (c > 0) {
                    strcat(l->text, " ");
                    strcat(l->text, rule_bar);
                    strcat(l->text, " ");
                }
                if (i < cell->line_count)
                    cat_padded(l->text, text + cell->lines[i].start, cell->lines[i].len,
                               cell->lines[i].width, c + 1 < TABLE_COLS ? t.widths[c] : 0);
                else
                    cat_padded(l->text, "", 0, 0, c + 1 < TABLE_COLS ? t.widths[c] : 0);
            }
        }
        if (r + 1 < rows)
            table_rule(d, &t);
    }
    table_layout_free(&t);
    free(cells);
}

void doc_free(struct doc *d)
{
    /* The laid-out results reveal a patient's answers: overwrite, then free. */
    for (size_t i = 0; i < d->count; i++)
        wipe_free(d->lines[i].text);
    if (d->lines != NULL)
        explicit_bzero(d->lines, d->count * sizeof(*d->lines));
    free(d->lines);
    memset(d, 0, sizeof(*d));
}
