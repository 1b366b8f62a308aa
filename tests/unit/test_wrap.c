/* SPDX-License-Identifier: MIT */
/* Tests for text layout by display width, at several widths and with
 * accented, wide and combining characters. */
#include "support.h"

#include "musclecheck/wrap.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

static int setup(void **state)
{
    (void)state;
    return setlocale(LC_CTYPE, "C.UTF-8") != NULL ? 0 : -1;
}

/* Wraps TEXT at WIDTH and compares the lines with EXPECTED ("|" between lines). */
static void check(const char *text, int width, const char *expected)
{
    struct wrap_line *lines;
    size_t n = wrap_text(text, width, &lines);
    char got[1024] = "";
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            strcat(got, "|");
        strncat(got, text + lines[i].start, lines[i].len);
        assert_true(lines[i].width <= width || lines[i].len <= 4);
        assert_int_equal(lines[i].width, wrap_width(text + lines[i].start, lines[i].len));
    }
    free(lines);
    if (strcmp(got, expected) != 0)
        fail_msg("width %d: got \"%s\", expected \"%s\"", width, got, expected);
}

static void widths(void **state)
{
    (void)state;
    assert_int_equal(wrap_width("abc", 3), 3);
    assert_int_equal(wrap_width("café", strlen("café")), 4);
    assert_int_equal(wrap_width("日本", strlen("日本")), 4);
    assert_int_equal(wrap_width("e\xCC\x81", 3), 1); /* e + combining acute */
    assert_int_equal(wrap_width("\xFF"
                                "a",
                                2),
                     2); /* a broken byte counts as one */
}

static void breaks_at_spaces(void **state)
{
    (void)state;
    const char *t = "Do your legs cramp at night?";
    check(t, 80, "Do your legs cramp at night?");
    check(t, 12, "Do your legs|cramp at|night?");
    check(t, 10, "Do your|legs cramp|at night?");
    check(t, 28, "Do your legs cramp at night?");
    check(t, 27, "Do your legs cramp at|night?");
}

static void long_words_are_cut(void **state)
{
    (void)state;
    check("abcdefghij", 4, "abcd|efgh|ij");
    check("ab abcdefghij c", 4, "ab|abcd|efgh|ij c");
    check("x", 1, "x");
}

static void newlines_and_spaces(void **state)
{
    (void)state;
    check("one\ntwo three", 20, "one|two three");
    check("one\r\ntwo", 20, "one|two");
    check("a\n\nb", 20, "a||b");
    check("  lots   of   space  ", 20, "lots   of   space");
    check("", 10, "");
}

static void wide_and_accented_characters(void **state)
{
    (void)state;
    check("¿Tiene calambres en las piernas?", 16, "¿Tiene calambres|en las piernas?");
    check("日本語の質問です", 6, "日本語|の質問|です");
    check("日本語 の質問", 7, "日本語|の質問");
    check("naïve café", 5, "naïve|café");
}

static void tail_that_fits(void **state)
{
    (void)state;
    const char *texts[] = {"", "abc", "musclecheck-summary-2026.txt",
                           "caf\xC3\xA9-\xE6\x97\xA5\xE6\x9C\xAC", "e\xCC\x81t\xC3\xA9"};
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
        size_t len = strlen(texts[i]);
        for (int width = 0; width < 32; width++) {
            /* The same as dropping one character at a time from the front. */
            size_t naive = 0;
            while (wrap_width(texts[i] + naive, len - naive) > width && naive < len) {
                naive++;
                while (naive < len && ((unsigned char)texts[i][naive] & 0xC0) == 0x80)
                    naive++;
            }
            assert_int_equal(wrap_tail(texts[i], len, width), naive);
        }
    }
    /* A long name: linear, not quadratic (this would take seconds otherwise). */
    size_t len = 1 << 20;
    char *name = malloc(len);
    memset(name, 'a', len);
    assert_int_equal(wrap_tail(name, len, 40), len - 40);
    free(name);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(widths),
        cmocka_unit_test(breaks_at_spaces),
        cmocka_unit_test(long_words_are_cut),
        cmocka_unit_test(newlines_and_spaces),
        cmocka_unit_test(wide_and_accented_characters),
        cmocka_unit_test(tail_that_fits),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
