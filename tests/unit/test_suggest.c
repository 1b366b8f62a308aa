/* SPDX-License-Identifier: MIT */
/* Tests for "did you mean" suggestions. */
#include "support.h"

#include "musclecheck/suggest.h"

static const char *const keys[] = {"id", "text", "help", "evidence", "show_if", "red_flag"};

static void close_typos_are_suggested(void **state)
{
    (void)state;
    assert_string_equal(suggest_closest("hlep", keys, 6), "help"); /* swap */
    assert_string_equal(suggest_closest("evidnece", keys, 6), "evidence");
    assert_string_equal(suggest_closest("showif", keys, 6), "show_if"); /* missing char */
    assert_string_equal(suggest_closest("redflag", keys, 6), "red_flag");
    assert_string_equal(suggest_closest("txt", keys, 6), "text");
}

static void far_words_get_nothing(void **state)
{
    (void)state;
    assert_null(suggest_closest("colour", keys, 6));
    assert_null(suggest_closest("zz", keys, 6));
    assert_null(suggest_closest("help", keys, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(close_typos_are_suggested),
        cmocka_unit_test(far_words_get_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
