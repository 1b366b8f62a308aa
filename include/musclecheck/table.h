/* SPDX-License-Identifier: MIT */
/* table: lays out a table of texts in a given width, wrapping each cell
 * inside its column. Pure layout, no terminal: a front end draws the result. */
#ifndef MUSCLECHECK_TABLE_H
#define MUSCLECHECK_TABLE_H

#include "musclecheck/wrap.h"

#include <stddef.h>

struct table_cell {
    struct wrap_line *lines; /* owned by the layout */
    size_t line_count;
};

struct table_layout {
    size_t rows, cols;
    int *widths;              /* per column, in display columns */
    size_t *heights;          /* per row, in lines (the tallest cell) */
    struct table_cell *cells; /* rows * cols, row by row */
};

/* Lays out ROWS x COLS cells (CELLS row by row, UTF-8 texts) to fit WIDTH
 * columns, with GAP columns between neighbouring columns. Columns whose
 * texts all fit keep their natural width; the rest of the room is shared
 * out in proportion to what each wider column would need, never below its
 * longest word where possible and never below one column. Returns 0, or -1
 * when out of memory. Free with table_layout_free. */
int table_layout(const char *const *cells, size_t rows, size_t cols, int width, int gap,
                 struct table_layout *out);

void table_layout_free(struct table_layout *t);

/* The cell at ROW, COL. */
const struct table_cell *table_cell(const struct table_layout *t, size_t row, size_t col);

#endif
