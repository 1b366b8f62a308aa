/* SPDX-License-Identifier: MIT */
/* Tests for the one UTF-8 reader: every length, every way a sequence can be
 * broken or cut short, and encoding back. */
#include "support.h"

#include "musclecheck/utf8.h"

#include <string.h>

/* Decodes the string S (its strlen bytes, or N when given). */
static int decode(const char *s, size_t n, uint32_t *code)
{
    return utf8_decode((const unsigned char *)s, n, code);
}

static void lengths(void **state)
{
    (void)state;
    uint32_t c = 0;
    assert_int_equal(decode("a", 1, &c), 1);
    assert_int_equal(c, 'a');
    assert_int_equal(decode("\xC3\xA9x", 3, &c), 2); /* é, and the x is not read */
    assert_int_equal(c, 0xE9);
    assert_int_equal(decode("\xE2\x82\xAC", 3, &c), 3); /* € */
    assert_int_equal(c, 0x20AC);
    assert_int_equal(decode("\xF0\x9F\x98\x80", 4, &c), 4); /* 😀 */
    assert_int_equal(c, 0x1F600);
    assert_int_equal(decode("\xF4\x8F\xBF\xBF", 4, &c), 4);
    assert_int_equal(c, 0x10FFFF);
}

static void short_is_not_invalid(void **state)
{
    (void)state;
    uint32_t c = 7;
    assert_int_equal(decode("\xC3", 1, &c), UTF8_SHORT);
    assert_int_equal(decode("\xE2\x82", 2, &c), UTF8_SHORT);
    assert_int_equal(decode("\xF0\x9F\x98", 3, &c), UTF8_SHORT);
    assert_int_equal(c, 7);
}

static void invalid(void **state)
{
    (void)state;
    uint32_t c = 7;
    static const char *const bad[] = {
        "\x80",             /* a lone continuation */
        "\xC0\x8A",         /* overlong line feed */
        "\xC1\xBF",         /* overlong */
        "\xE0\x80\x9B",     /* overlong CSI */
        "\xED\xA0\x80",     /* a surrogate */
        "\xF0\x80\x80\x80", /* overlong */
        "\xF4\x90\x80\x80", /* past U+10FFFF */
        "\xF5\x80\x80\x80", /* never a start byte */
        "\xFF",
        "\xC3(", /* a start without its continuation */
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        if (decode(bad[i], strlen(bad[i]), &c) != UTF8_INVALID)
            fail_msg("case %zu was read as a character", i);
    /* Cut short but already wrong: invalid at once, not short. */
    assert_int_equal(decode("\xE0\x80", 2, &c), UTF8_INVALID);
    assert_int_equal(decode("\xED\xA0", 2, &c), UTF8_INVALID);
    assert_int_equal(c, 7);
}

static void encode_round_trip(void **state)
{
    (void)state;
    static const uint32_t codes[] = {0,     'A',    0x7F,   0x80,    0xE9,    0x7FF,
                                     0x800, 0x20AC, 0xFFFD, 0x10000, 0x10FFFF};
    for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
        char buf[4];
        size_t n = utf8_encode(codes[i], buf);
        assert_true(n >= 1 && n <= 4);
        uint32_t back = 0;
        assert_int_equal(utf8_decode((const unsigned char *)buf, n, &back), (int)n);
        assert_int_equal(back, codes[i]);
    }
    char buf[4];
    assert_int_equal(utf8_encode(0xD800, buf), 0);
    assert_int_equal(utf8_encode(0x110000, buf), 0);
    /* Back to the start of a character, over its continuation bytes. */
    const char *cafe = "caf\xC3\xA9!";
    assert_int_equal(utf8_back(cafe, 4), 3);
    assert_int_equal(utf8_back(cafe, 3), 3);
    assert_int_equal(utf8_back(cafe, 5), 5);
    assert_int_equal(utf8_back("\x80\x80", 1), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lengths),
        cmocka_unit_test(short_is_not_invalid),
        cmocka_unit_test(invalid),
        cmocka_unit_test(encode_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
