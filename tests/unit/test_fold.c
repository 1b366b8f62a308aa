/* SPDX-License-Identifier: MIT */
/* Tests for fold: typed words match whatever their case, by rules of our
 * own, and every bundled language's answer words fold back from capitals. */
#include "support.h"

#include "musclecheck/fold.h"
#include "musclecheck/loader.h"
#include "musclecheck/utf8.h"

#include <dirent.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

static void ascii_words_match_in_any_case(void **state)
{
    (void)state;
    assert_true(fold_equal("QUIT", "quit"));
    assert_true(fold_equal("Yes", "yES"));
    assert_true(fold_equal("", ""));
    assert_true(fold_equal("not sure", "NOT SURE"));
    assert_false(fold_equal("quit", "quits"));
    assert_false(fold_equal("quits", "quit"));
    assert_false(fold_equal("no", "n o"));
    assert_false(fold_equal("@", "`")); /* 0x40 and 0x60 are no letters */
    assert_false(fold_equal("[", "{"));
    assert_int_equal(fold_ascii('I'), 'i');
    assert_int_equal(fold_ascii('i'), 'i');
    assert_int_equal(fold_ascii('-'), '-');
}

static void latin1_letters_fold(void **state)
{
    (void)state;
    assert_true(fold_equal("S\xC3\x8D", "s\xC3\xAD"));               /* SÍ, sí */
    assert_true(fold_equal("NO LO S\xC3\x89", "No lo s\xC3\xA9"));   /* SÉ, sé */
    assert_true(fold_equal("N\xC3\x83O", "n\xC3\xA3o"));             /* NÃO, não */
    assert_true(fold_equal("\xC3\x80\xC3\x9E", "\xC3\xA0\xC3\xBE")); /* À Þ, à þ */
    assert_false(fold_equal("\xC3\x97", "\xC3\xB7"));                /* × is not ÷ */
    assert_false(fold_equal("s\xC3\xAD", "si"));                     /* í is not i */
    assert_false(fold_equal("\xC4\xB1", "i"));                       /* dotless ı */
    assert_int_equal(fold_char(0xDF), 0xDF);                         /* ß has no capital here */
}

static void bytes_that_are_not_utf8_compare_as_they_are(void **state)
{
    (void)state;
    assert_true(fold_equal("a\xFF", "A\xFF"));
    assert_false(fold_equal("a\xFF", "a\xFE"));
    assert_false(fold_equal("\xC3", "\xC3\xA9")); /* a cut character is not the whole one */
    assert_false(fold_equal("\xDF", "\xC3\x9F")); /* the byte 0xDF is not U+00DF */
}

/* WORD in capitals by the C library's Unicode tables (C.UTF-8). */
static void upper(const char *word, char *out, size_t size)
{
    size_t n = 0, len = strlen(word);
    for (size_t i = 0; i < len;) {
        uint32_t code = 0;
        int step = utf8_decode((const unsigned char *)word + i, len - i, &code);
        assert_true(step > 0);
        char bytes[4];
        size_t k = utf8_encode((uint32_t)towupper((wint_t)code), bytes);
        assert_true(k > 0 && n + k < size);
        memcpy(out + n, bytes, k);
        n += k;
        i += (size_t)step;
    }
    out[n] = '\0';
}

/* A person may type any bundled language's "yes", "no" and "not sure" in
 * capitals: each letter's capital must fold back to it. */
static void bundled_answer_words_fold_from_capitals(void **state)
{
    (void)state;
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL || towupper(0xED) != 0xCD)
        fail_msg("C.UTF-8 with Unicode case tables is needed to make capitals");
    DIR *d = opendir(support_path("questions"));
    assert_non_null(d);
    struct dirent *e;
    int files = 0;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0)
            continue;
        char rel[300];
        snprintf(rel, sizeof(rel), "questions/%s", e->d_name);
        struct diag_list *diags = diag_list_new(rel);
        struct survey *s = NULL;
        assert_int_equal(survey_load_file(support_path(rel), &s, diags), LOAD_OK);
        const enum uistr words[] = {UI_YES, UI_NO, UI_UNSURE};
        for (size_t i = 0; i < 3; i++) {
            const char *word = survey_ui(s, words[i]);
            char capitals[256];
            upper(word, capitals, sizeof(capitals));
            if (!fold_equal(capitals, word))
                fail_msg("%s: \"%s\" typed as \"%s\" is not understood", rel, word, capitals);
        }
        survey_free(s);
        diag_list_free(diags);
        files++;
    }
    closedir(d);
    assert_true(files >= 2);
    setlocale(LC_CTYPE, "C");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ascii_words_match_in_any_case),
        cmocka_unit_test(latin1_letters_fold),
        cmocka_unit_test(bytes_that_are_not_utf8_compare_as_they_are),
        cmocka_unit_test(bundled_answer_words_fold_from_capitals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
