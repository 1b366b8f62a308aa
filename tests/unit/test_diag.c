/* SPDX-License-Identifier: MIT */
/* Tests for located diagnostics. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void prints_file_line_column(void **state)
{
    (void)state;
    struct diag_list *list = diag_list_new("q.yaml");
    diag_add(list, 3, 7, "unknown key \"%s\"", "hlep");
    diag_add(list, 4, 0, "line only");
    diag_add(list, 0, 0, "whole file");
    char *text;
    size_t size;
    FILE *out = open_memstream(&text, &size);
    diag_print(list, out);
    fclose(out);
    assert_string_equal(text, "q.yaml:3:7: unknown key \"hlep\"\n"
                              "q.yaml:4: line only\n"
                              "q.yaml: whole file\n");
    assert_int_equal(diag_count(list), 3);
    free(text);
    diag_list_free(list);
    diag_list_free(NULL);
}

static void keeps_a_bounded_number(void **state)
{
    (void)state;
    struct diag_list *list = diag_list_new("q.yaml");
    for (int i = 0; i < DIAG_MAX_KEPT + 25; i++)
        diag_add(list, i + 1, 1, "problem %d", i);
    assert_int_equal(diag_count(list), DIAG_MAX_KEPT + 25);
    assert_int_equal(diag_kept(list), DIAG_MAX_KEPT);
    char *text;
    size_t size;
    FILE *out = open_memstream(&text, &size);
    diag_print(list, out);
    fclose(out);
    assert_non_null(strstr(text, "25 more errors not shown"));
    free(text);
    diag_list_free(list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(prints_file_line_column),
        cmocka_unit_test(keeps_a_bounded_number),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
