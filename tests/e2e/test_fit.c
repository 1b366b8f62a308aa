/* SPDX-License-Identifier: MIT */
/* No text is cut: at the smallest size the screens are laid out for, every
 * question of a whole walk (not counted: it goes on until the results) is
 * shown without "...", and one too long for the rows above its answers
 * scrolls with PgDn to its end and back with PgUp. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vt.h"
#include "vt_assert.h"

enum { T = 5000 };

static const char *binary;
static const char *source_dir;

static int teardown(void **state)
{
    vt_free(*state);
    return 0;
}

/* No row of the screen ends with "...": nothing was cut. */
static void nothing_cut(struct vt *vt)
{
    int rows, cols;
    vt_size(vt, &rows, &cols);
    for (int r = 0; r < rows; r++) {
        char *row = vt_row(vt, r);
        size_t n = strlen(row);
        bool cut = n >= 3 && strcmp(row + n - 3, "...") == 0;
        free(row);
        if (cut) {
            vt_dump(vt, stderr);
            fail_msg("row %d is cut", r);
        }
    }
}

static void walk_at(void **state, int rows, int cols, const char *key)
{
    static char questions[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    char *argv[] = {(char *)binary, "--questions", questions, NULL};
    struct vt *vt = vt_spawn(argv, NULL, rows, cols);
    assert_non_null(vt);
    *state = vt;
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    vt_send(vt, VT_ENTER);
    int scrolled = 0;
    for (int n = 0; n < 120; n++) {
        VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
        if (vt_find(vt, "Your results", NULL, NULL)) {
            print_message("%dx%d: %d questions scrolled\n", cols, rows, scrolled);
            return;
        }
        VT_ASSERT_TEXT(vt, "Question ", T);
        nothing_cut(vt);
        if (vt_find(vt, "More below: press PgDn", NULL, NULL)) {
            scrolled++;
            for (int i = 0; i < 20 && !vt_find(vt, "The beginning is above", NULL, NULL); i++) {
                vt_key(vt, VT_KEY_PGDN);
                VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
                nothing_cut(vt);
            }
            VT_ASSERT_TEXT(vt, "The beginning is above", T);
            /* The answers are still there, and the focus with them. */
            VT_ASSERT(vt, vt_find(vt, "Yes", NULL, NULL));
            for (int i = 0; i < 20 && !vt_find(vt, "More below: press PgDn", NULL, NULL); i++) {
                vt_key(vt, VT_KEY_PGUP);
                VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
            }
            VT_ASSERT_TEXT(vt, "More below: press PgDn", T);
        }
        vt_send(vt, key);
    }
    fail_msg("no results after 120 answers");
}

static void no_question_is_cut_at_the_smallest_size(void **state)
{
    walk_at(state, 15, 50, "n");
}

static void no_question_is_cut_at_80x24(void **state)
{
    walk_at(state, 24, 80, "u");
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(no_question_is_cut_at_the_smallest_size, teardown),
        cmocka_unit_test_teardown(no_question_is_cut_at_80x24, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
