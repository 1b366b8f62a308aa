/* SPDX-License-Identifier: MIT */
/* tui_doc: results and comparison table as drawable lines. */
#include "musclecheck/tui_doc.h"

#include "musclecheck/table.h"
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
        if (asprintf(&l->text, "%s%.*s", i == 0 ? first : "", (int)lines[i].len,
                     text + lines[i].start) < 0)
            l->text = NULL;
    }
    free(lines);
}

static void bullets(struct doc *d, int indent, int width, const char *const *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        para(d, DOC_TEXT, ROLE_NORMAL, indent, width, "- ", items[i]);
}

/* "Label: text" with the text wrapped under itself. */
static void labelled(struct doc *d, int indent, int width, const char *label, const char *text)
{
    char *first = NULL;
    if (asprintf(&first, "%s: ", label) < 0)
        return;
    para(d, DOC_TEXT, ROLE_NORMAL, indent, width, first, text);
    free(first);
}

/* "Label:" on a line of its own, above a list. */
static void list_heading(struct doc *d, int indent, int width, const char *label)
{
    char *text = NULL;
    if (asprintf(&text, "%s:", label) < 0)
        return;
    para(d, DOC_TEXT, ROLE_NORMAL, indent, width, "", text);
    free(text);
}

static void flagged_detail(struct doc *d, const struct survey *s, const struct report_result *res,
                           int width)
{
    const struct condition *c = survey_condition(s, res->score.condition);
    const struct band *b = survey_band(s, res->score.band);
    char *heading = NULL;
    if (asprintf(&heading, "%s: %s", c->name, b->label) > 0) {
        para(d, DOC_TEXT, theme_band_role(res->score.band, survey_band_count(s)), 0, width, "",
             heading);
        free(heading);
    }
    if (res->reason_count > 0) {
        para(d, DOC_TEXT, ROLE_NORMAL, 2, width, "", survey_ui(s, UI_BECAUSE));
        for (size_t i = 0; i < res->reason_count; i++)
            para(d, DOC_TEXT, ROLE_NORMAL, 4, width, "- ",
                 survey_question(s, res->reasons[i])->text);
    }
    labelled(d, 2, width, survey_ui(s, UI_ROLE), c->role);
    labelled(d, 2, width, survey_ui(s, UI_MUSCLE_SYMPTOMS), c->muscle_symptoms);
    labelled(d, 2, width, survey_ui(s, UI_OTHER_SYMPTOMS), c->other_symptoms);
    list_heading(d, 2, width, survey_ui(s, UI_FOODS));
    bullets(d, 4, width, c->foods, c->food_count);
    list_heading(d, 2, width, survey_ui(s, UI_TIPS));
    bullets(d, 4, width, c->tips, c->tip_count);
    blank(d);
}

void doc_results(struct doc *d, const struct survey *s, const struct report *r, int width)
{
    memset(d, 0, sizeof(*d));
    for (size_t i = 0; i < survey_condition_count(s); i++) {
        const char *name = survey_condition(s, i)->name;
        int w = wrap_width(name, strlen(name));
        if (w > d->name_width)
            d->name_width = w;
    }
    if (r->urgent) {
        para(d, DOC_BANNER, ROLE_URGENT, 1, width - 1, "", survey_ui(s, UI_URGENT_TITLE));
        for (size_t i = 0; i < r->red_flag_count; i++)
            para(d, DOC_BANNER, ROLE_URGENT, 1, width - 1, "- ",
                 survey_question(s, r->red_flags[i])->red_flag);
        para(d, DOC_BANNER, ROLE_URGENT, 1, width - 1, "", survey_ui(s, UI_URGENT_OVERRIDES));
        blank(d);
    }
    para(d, DOC_TEXT, ROLE_TITLE, 0, width, "", survey_ui(s, UI_NOT_A_DIAGNOSIS));
    blank(d);
    for (size_t i = 0; i < r->result_count; i++) {
        struct doc_line *l = push(d);
        if (l == NULL)
            return;
        l->kind = DOC_SCORE;
        l->result = i;
        l->role = theme_band_role(r->results[i].score.band, survey_band_count(s));
    }
    blank(d);
    if (r->no_findings) {
        para(d, DOC_TEXT, ROLE_TITLE, 0, width, "", survey_ui(s, UI_NOTHING_FLAGGED));
        para(d, DOC_TEXT, ROLE_NORMAL, 0, width, "", survey_text(s, SURVEY_NO_FINDINGS));
        blank(d);
    }
    for (size_t i = 0; i < r->result_count; i++)
        if (r->results[i].flagged)
            flagged_detail(d, s, &r->results[i], width);
    para(d, DOC_TEXT, ROLE_TITLE, 0, width, "", survey_ui(s, UI_ADVICE));
    for (size_t i = 0; i < survey_advice_count(s); i++)
        para(d, DOC_TEXT, ROLE_NORMAL, 2, width, "- ", survey_advice(s, i));
    blank(d);
    para(d, DOC_TEXT, ROLE_TITLE, 0, width, "", survey_ui(s, UI_BLOOD_TEST));
    blank(d);
    para(d, DOC_TEXT, ROLE_DIM, 0, width, "", survey_text(s, SURVEY_DISCLAIMER));
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
    for (size_t i = 0; i < d->count; i++)
        free(d->lines[i].text);
    free(d->lines);
    memset(d, 0, sizeof(*d));
}
