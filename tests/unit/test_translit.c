/* SPDX-License-Identifier: MIT */
/* Tests for translit: UTF-8 text as same-width ASCII for terminals without UTF-8. */
#include "support.h"

#include "musclecheck/translit.h"
#include "musclecheck/wrap.h"

#include <locale.h>
#include <string.h>

static const char *ascii(const char *text)
{
    static char out[256];
    translit_ascii(text, strlen(text), out, sizeof(out));
    return out;
}

static void plain_ascii_is_unchanged(void **state)
{
    (void)state;
    assert_string_equal(ascii("Question 1 of 32 [y/n]"), "Question 1 of 32 [y/n]");
}

static void accents_quotes_and_dashes(void **state)
{
    (void)state;
    assert_string_equal(ascii("\xC2\xBFS\xC3\xAD? Autoevaluaci\xC3\xB3n, ni\xC3\xB1o, \xC3\x9C"),
                        "?Si? Autoevaluacion, nino, U");
    assert_string_equal(ascii("\xE2\x80\x9Cyes\xE2\x80\x9D \xE2\x80\x93 it\xE2\x80\x99s"),
                        "\"yes\" - it's");
    assert_string_equal(ascii("a\xCC\x81"), "a"); /* a combining accent takes no column */
}

static void lines_and_marks(void **state)
{
    (void)state;
    assert_string_equal(ascii("\xE2\x94\x82 \xE2\x94\x80\xE2\x94\xBC \xE2\x9C\x93"), "| -+ *");
}

static void width_is_kept(void **state)
{
    (void)state;
    const char *texts[] = {"caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC", "\xC2\xBFQu\xC3\xA9?",
                           "\xE2\x94\x8C\xE2\x94\x80\xE2\x94\x90"};
    for (size_t i = 0; i < 3; i++)
        assert_int_equal((int)strlen(ascii(texts[i])), wrap_width(texts[i], strlen(texts[i])));
}

static void bad_bytes_and_small_buffers(void **state)
{
    (void)state;
    assert_string_equal(ascii("a\xFF"
                              "b\xC3"),
                        "a?b?");
    char out[4];
    assert_int_equal(translit_ascii("abcdef", 6, out, sizeof(out)), 3);
    assert_string_equal(out, "abc");
}

int main(void)
{
    setlocale(LC_CTYPE, "C.UTF-8"); /* wrap_width measures in a UTF-8 locale, as main sets up */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_ascii_is_unchanged),
        cmocka_unit_test(accents_quotes_and_dashes),
        cmocka_unit_test(lines_and_marks),
        cmocka_unit_test(width_is_kept),
        cmocka_unit_test(bad_bytes_and_small_buffers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
