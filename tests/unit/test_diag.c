/* SPDX-License-Identifier: MIT */
/* Tests for located diagnostics. */
#include "support.h"

#include "failmalloc.h"

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

static char *safe(const char *bytes, size_t len)
{
    char *text;
    size_t size;
    FILE *out = open_memstream(&text, &size);
    diag_write_safe(out, bytes, len);
    fclose(out);
    return text;
}

static void moves_messages_in_order(void **state)
{
    (void)state;
    struct diag_list *to = diag_list_new("f.yaml"), *from = diag_list_new("f.yaml");
    diag_add(to, 1, 1, "first");
    diag_add(from, 2, 3, "second");
    diag_add(from, 4, 5, "third");
    diag_list_move(to, from);
    assert_int_equal(diag_count(to), 3);
    assert_int_equal(diag_count(from), 0);
    assert_string_equal(diag_get(to, 1)->message, "second");
    assert_int_equal(diag_get(to, 2)->line, 4);
    /* Past the kept limit only the count moves. */
    for (int i = 0; i < DIAG_MAX_KEPT; i++)
        diag_add(from, 9, 9, "more %d", i);
    diag_list_move(to, from);
    assert_int_equal(diag_count(to), 3 + DIAG_MAX_KEPT);
    assert_int_equal(diag_kept(to), DIAG_MAX_KEPT);
    assert_string_equal(diag_get(to, 3)->message, "more 0");
    diag_list_free(to);
    diag_list_free(from);
}

static void shows_bytes_safely(void **state)
{
    (void)state;
    const struct {
        const char *in;
        size_t len;
        const char *out;
    } cases[] = {
        {"plain text", 10, "plain text"},
        {"caf\xC3\xA9 \xE6\x97\xA5", 9, "caf\xC3\xA9 \xE6\x97\xA5"},
        {"\033[2J\033]0;pwned\a", 14, "\\x1B[2J\\x1B]0;pwned\\x07"},
        {"a\rb\bc\x7f\t\n", 8, "a\\x0Db\\x08c\\x7F\\x09\\x0A"},
        {"nul\0x", 5, "nul\\x00x"},
        {"\xC2\x9B"
         "1m",
         4, "\\xC2\\x9B1m"}, /* C1 CSI written in UTF-8 */
        {"\x9B"
         "1m",
         3, "\\x9B1m"}, /* 8-bit CSI */
        {"\xFF\xC3(\xE2\x82", 5, "\\xFF\\xC3(\\xE2\\x82"},
        {"\xC0\xAF\xED\xA0\x80", 5, "\\xC0\\xAF\\xED\\xA0\\x80"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *text = safe(cases[i].in, cases[i].len);
        assert_string_equal(text, cases[i].out);
        free(text);
    }
}

static void print_escapes_messages_and_file_names(void **state)
{
    (void)state;
    struct diag_list *list = diag_list_new("evil\033[2J.txt");
    diag_add(list, 2, 0, "unknown question id \"%s\"", "\033]0;x\a");
    char *text;
    size_t size;
    FILE *out = open_memstream(&text, &size);
    diag_print(list, out);
    fclose(out);
    assert_string_equal(text, "evil\\x1B[2J.txt:2: unknown question id \"\\x1B]0;x\\x07\"\n");
    assert_null(strchr(text, '\033'));
    free(text);
    diag_list_free(list);
}

static void print_line_escapes_what_it_quotes(void **state)
{
    (void)state;
    char *text;
    size_t size;
    FILE *out = open_memstream(&text, &size);
    diag_print_line(out, "musclecheck: \"%s\" is not a language code (%d)", "\033]0;x\a\xC2\x9B",
                    1);
    fclose(out);
    assert_string_equal(text,
                        "musclecheck: \"\\x1B]0;x\\x07\\xC2\\x9B\" is not a language code (1)\n");
    free(text);
}

/* A message that cannot be kept marks the list: it then prints "out of
 * memory" alone, since the others may be echoes of the failure. */
static void out_of_memory_is_printed_alone(void **state)
{
    (void)state;
    struct diag_list *list = diag_list_new("q.yaml");
    diag_add(list, 3, 7, "unknown condition \"%s\" in evidence", "iron");
    assert_false(diag_out_of_memory(list));
    failmalloc_start(0);
    diag_add(list, 4, 1, "unknown condition \"%s\" in evidence", "magnesium");
    failmalloc_stop();
    assert_true(diag_out_of_memory(list));
    assert_int_equal(diag_count(list), 2);
    char *text;
    size_t size;
    FILE *out = open_memstream(&text, &size);
    diag_print(list, out);
    fclose(out);
    assert_string_equal(text, "q.yaml: out of memory\n");
    free(text);
    diag_list_free(list);
}

/* A message line needs no memory unless it is long; one that cannot be
 * composed is not written at all (never its format). */
static void print_line_without_memory(void **state)
{
    (void)state;
    char *text, long_name[1500];
    size_t size;
    memset(long_name, 'a', sizeof(long_name) - 1);
    long_name[sizeof(long_name) - 1] = '\0';
    FILE *out = open_memstream(&text, &size);
    failmalloc_start(0);
    assert_int_equal(diag_print_line(out, "musclecheck: %s: OK", "en.yaml"), 0);
    assert_int_equal(diag_print_line(out, "musclecheck: %s: OK", long_name), -1);
    assert_int_equal(failmalloc_stop(), 1);
    assert_int_equal(diag_print_line(out, "musclecheck: %s: OK", long_name), 0);
    fclose(out);
    char *expected = NULL;
    assert_true(asprintf(&expected, "musclecheck: en.yaml: OK\nmusclecheck: %s: OK\n", long_name) >
                0);
    assert_string_equal(text, expected);
    free(expected);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(prints_file_line_column),
        cmocka_unit_test(keeps_a_bounded_number),
        cmocka_unit_test(moves_messages_in_order),
        cmocka_unit_test(shows_bytes_safely),
        cmocka_unit_test(print_escapes_messages_and_file_names),
        cmocka_unit_test(print_line_escapes_what_it_quotes),
        cmocka_unit_test(out_of_memory_is_printed_alone),
        cmocka_unit_test(print_line_without_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
