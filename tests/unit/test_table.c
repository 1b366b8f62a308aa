/* SPDX-License-Identifier: MIT */
/* Tests for table layout: widths at several window sizes, wrapping inside
 * cells, and wide characters. */
#include "support.h"

#include "failmalloc.h"

#include "musclecheck/table.h"

#include <locale.h>
#include <string.h>

static const char *const cells[] = {
    "Deficiency",
    "Role in the body",
    "Muscle symptoms",
    "Vitamin D",
    "Calcium absorption, bone health",
    "Muscle weakness, aches, cramps",
    "Vitamin B12",
    "Nerve health, red blood cell production",
    "Weakness, cramps, paresthesia",
};

static int setup(void **state)
{
    (void)state;
    return setlocale(LC_CTYPE, "C.UTF-8") != NULL ? 0 : -1;
}

static int total_width(const struct table_layout *t, int gap)
{
    int sum = gap * (int)(t->cols - 1);
    for (size_t c = 0; c < t->cols; c++)
        sum += t->widths[c];
    return sum;
}

static void every_line_fits_its_column(const struct table_layout *t, const char *const *texts)
{
    for (size_t r = 0; r < t->rows; r++) {
        for (size_t c = 0; c < t->cols; c++) {
            const struct table_cell *cell = table_cell(t, r, c);
            assert_true(cell->line_count <= t->heights[r]);
            for (size_t i = 0; i < cell->line_count; i++) {
                const struct wrap_line *l = &cell->lines[i];
                assert_true(l->width <= t->widths[c]);
                assert_true(l->start + l->len <= strlen(texts[r * t->cols + c]));
            }
        }
    }
}

static void wide_window_keeps_natural_widths(void **state)
{
    (void)state;
    struct table_layout t;
    assert_int_equal(table_layout(cells, 3, 3, 200, 3, &t), 0);
    assert_int_equal(t.widths[0], 11);
    assert_int_equal(t.widths[1], 39);
    assert_int_equal(t.widths[2], 30);
    for (size_t r = 0; r < 3; r++)
        assert_int_equal(t.heights[r], 1);
    table_layout_free(&t);
}

static void narrow_windows_wrap_inside_cells(void **state)
{
    (void)state;
    const int widths[] = {78, 60, 40, 30};
    for (size_t i = 0; i < 4; i++) {
        struct table_layout t;
        assert_int_equal(table_layout(cells, 3, 3, widths[i], 3, &t), 0);
        assert_true(total_width(&t, 3) <= widths[i]);
        every_line_fits_its_column(&t, cells);
        /* The first column's names are short words: never cut. */
        assert_true(t.widths[0] >= 7);
        if (widths[i] <= 60)
            assert_true(t.heights[2] >= 2);
        table_layout_free(&t);
    }
}

static void tiny_window_still_lays_out(void **state)
{
    (void)state;
    struct table_layout t;
    assert_int_equal(table_layout(cells, 3, 3, 5, 3, &t), 0);
    for (size_t c = 0; c < 3; c++)
        assert_true(t.widths[c] >= 1);
    table_layout_free(&t);
    table_layout_free(NULL);
}

static void wide_characters_count_double(void **state)
{
    (void)state;
    const char *const cjk[] = {"ビタミン", "カルシウムの吸収と骨の健康"};
    struct table_layout t;
    assert_int_equal(table_layout(cjk, 1, 2, 30, 2, &t), 0);
    assert_int_equal(t.widths[0] + t.widths[1] + 2 <= 30, 1);
    every_line_fits_its_column(&t, cjk);
    assert_true(t.heights[0] >= 2);
    table_layout_free(&t);
}

/* With any one allocation failing, the layout fails as a whole: never a
 * table with guessed widths (it once gave columns one character wide). */
static void out_of_memory_fails_the_layout(void **state)
{
    (void)state;
    struct table_layout t, ref;
    failmalloc_start(FAILMALLOC_NEVER);
    assert_int_equal(table_layout(cells, 3, 3, 40, 3, &ref), 0);
    size_t count = failmalloc_stop();
    assert_true(count > 3);
    for (size_t at = 0; at < count; at++) {
        failmalloc_start(at);
        int err = table_layout(cells, 3, 3, 40, 3, &t);
        failmalloc_stop();
        assert_int_equal(err, -1);
        assert_null(t.widths);
        assert_null(t.cells);
    }
    table_layout_free(&ref);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wide_window_keeps_natural_widths),
        cmocka_unit_test(narrow_windows_wrap_inside_cells),
        cmocka_unit_test(tiny_window_still_lays_out),
        cmocka_unit_test(out_of_memory_fails_the_layout),
        cmocka_unit_test(wide_characters_count_double),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
