/* SPDX-License-Identifier: MIT */
/* Tests for interface strings: the table and {name} expansion. */
#include "support.h"

#include "musclecheck/uistr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void keys_and_defaults(void **state)
{
    (void)state;
    assert_string_equal(uistr_key(UI_YES), "yes");
    assert_string_equal(uistr_default(UI_UNSURE), "Not sure");
    assert_int_equal(uistr_find("progress"), UI_PROGRESS);
    assert_int_equal(uistr_find("nope"), -1);
    for (int i = 0; i < UI_COUNT; i++) {
        assert_true(strlen(uistr_key((enum uistr)i)) > 0);
        assert_true(strlen(uistr_default((enum uistr)i)) > 0);
        assert_int_equal(uistr_find(uistr_key((enum uistr)i)), i);
    }
}

static void expand_replaces_known_names(void **state)
{
    (void)state;
    const char *vars[] = {"n", "4", "total", "17", NULL};
    char *s = uistr_expand("Question {n} of {total}", vars);
    assert_string_equal(s, "Question 4 of 17");
    free(s);
    s = uistr_expand("{total}/{n} {unknown} {n", vars);
    assert_string_equal(s, "17/4 {unknown} {n");
    free(s);
    const char *long_vars[] = {"x", "a long value that is longer than the template", NULL};
    s = uistr_expand("{x}{x}{x}{x}{x}{x}", long_vars);
    assert_int_equal(strlen(s), 6 * strlen(long_vars[1]));
    free(s);
}

/* docs/question-format.md lists every key, so translators see them all. */
static void every_key_is_documented(void **state)
{
    (void)state;
    FILE *fp = fopen(support_path("docs/question-format.md"), "r");
    assert_non_null(fp);
    static char doc[256 * 1024];
    size_t n = fread(doc, 1, sizeof(doc) - 1, fp);
    doc[n] = '\0';
    fclose(fp);
    for (int i = 0; i < UI_COUNT; i++) {
        char needle[64];
        snprintf(needle, sizeof(needle), "| `%s` |", uistr_key((enum uistr)i));
        if (strstr(doc, needle) == NULL)
            fail_msg("docs/question-format.md does not list the ui key %s", needle);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keys_and_defaults),
        cmocka_unit_test(expand_replaces_known_names),
        cmocka_unit_test(every_key_is_documented),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
