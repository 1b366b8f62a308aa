/* SPDX-License-Identifier: MIT */
/* table: column widths by need, then word wrap per cell. */
#include "musclecheck/table.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* The widest single word in TEXT. */
static int longest_word(const char *text)
{
    int best = 0;
    const char *p = text;
    while (*p != '\0') {
        size_t n = strcspn(p, " \n");
        int w = wrap_width(p, n);
        if (w > best)
            best = w;
        p += n;
        if (*p != '\0')
            p++;
    }
    return best;
}

/* The widest line of TEXT when not wrapped. */
static int natural_width(const char *text)
{
    int best = 0;
    const char *p = text;
    for (;;) {
        size_t n = strcspn(p, "\n");
        int w = wrap_width(p, n);
        if (w > best)
            best = w;
        if (p[n] == '\0')
            return best;
        p += n + 1;
    }
}

/* Sets the width of each column in WIDTHS. Returns 0, or -1 when out of
 * memory: a table with columns of a guessed width is no result. */
static int choose_widths(const char *const *cells, size_t rows, size_t cols, int room, int *widths)
{
    int natural_sum = 0, min_sum = 0, err = 0;
    int *natural = calloc(cols + 1, sizeof(int)), *min = calloc(cols + 1, sizeof(int));
    if (natural == NULL || min == NULL) {
        err = -1;
        goto out;
    }
    for (size_t c = 0; c < cols; c++) {
        for (size_t r = 0; r < rows; r++) {
            const char *text = cells[r * cols + c];
            int n = natural_width(text), w = longest_word(text);
            natural[c] = n > natural[c] ? n : natural[c];
            min[c] = w > min[c] ? w : min[c];
        }
        if (natural[c] < 1)
            natural[c] = 1;
        if (min[c] < 1)
            min[c] = 1;
        natural_sum += natural[c];
        min_sum += min[c];
    }
    if (natural_sum <= room) {
        memcpy(widths, natural, cols * sizeof(int));
        goto out;
    }
    if (min_sum > room) {
        /* Even the longest words do not fit: share the room evenly and let
         * long words be cut inside their cells. */
        for (size_t c = 0; c < cols; c++)
            widths[c] = room / (int)cols > 1 ? room / (int)cols : 1;
        goto out;
    }
    /* Every column gets its longest word; the rest goes by extra need. */
    int spare = room - min_sum, need_sum = natural_sum - min_sum, given = 0;
    for (size_t c = 0; c < cols; c++) {
        int extra = need_sum > 0 ? (int)((long)spare * (natural[c] - min[c]) / need_sum) : 0;
        widths[c] = min[c] + extra;
        given += extra;
    }
    /* Rounding leftovers go to the columns that still want more. */
    for (size_t c = 0; given < spare && c < cols; c++) {
        if (widths[c] < natural[c]) {
            widths[c]++;
            given++;
        }
    }
out:
    free(natural);
    free(min);
    return err;
}

int table_layout(const char *const *cells, size_t rows, size_t cols, int width, int gap,
                 struct table_layout *out)
{
    assert(cells != NULL || rows * cols == 0);
    assert(gap >= 0);
    memset(out, 0, sizeof(*out));
    out->rows = rows;
    out->cols = cols;
    out->widths = calloc(cols + 1, sizeof(*out->widths));
    out->heights = calloc(rows + 1, sizeof(*out->heights));
    out->cells = calloc(rows * cols + 1, sizeof(*out->cells));
    if (out->widths == NULL || out->heights == NULL || out->cells == NULL)
        goto err;
    int room = width - gap * (int)(cols > 0 ? cols - 1 : 0);
    if (room < (int)cols)
        room = (int)cols;
    if (choose_widths(cells, rows, cols, room, out->widths) != 0)
        goto err;
    for (size_t r = 0; r < rows; r++) {
        for (size_t c = 0; c < cols; c++) {
            struct table_cell *cell = &out->cells[r * cols + c];
            cell->line_count = wrap_text(cells[r * cols + c], out->widths[c], &cell->lines);
            if (cell->line_count == 0)
                goto err;
            if (cell->line_count > out->heights[r])
                out->heights[r] = cell->line_count;
        }
    }
    return 0;
err:
    table_layout_free(out);
    return -1;
}

void table_layout_free(struct table_layout *t)
{
    if (t == NULL)
        return;
    if (t->cells != NULL)
        for (size_t i = 0; i < t->rows * t->cols; i++)
            free(t->cells[i].lines);
    free(t->cells);
    free(t->widths);
    free(t->heights);
    memset(t, 0, sizeof(*t));
}

const struct table_cell *table_cell(const struct table_layout *t, size_t row, size_t col)
{
    return row < t->rows && col < t->cols ? &t->cells[row * t->cols + col] : NULL;
}
