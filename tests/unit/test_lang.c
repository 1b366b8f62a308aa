/* SPDX-License-Identifier: MIT */
/* Tests for picking the questionnaire language from the locale. */
#include "support.h"

#include "musclecheck/lang.h"

static const char *const both[] = {"en", "es"};

static void locale_variables_in_order(void **state)
{
    (void)state;
    assert_string_equal(lang_pick(NULL, NULL, NULL, "es_ES.UTF-8", both, 2), "es");
    assert_string_equal(lang_pick(NULL, NULL, NULL, "de_DE.UTF-8", both, 2), "en");
    assert_string_equal(lang_pick(NULL, "es_MX.UTF-8", NULL, "en_GB.UTF-8", both, 2), "es");
    assert_string_equal(lang_pick(NULL, NULL, "es_AR", "en_US", both, 2), "es");
    assert_string_equal(lang_pick(NULL, "", "", "es", both, 2), "es");
    /* LANGUAGE is a list of preferences, tried in order. */
    assert_string_equal(lang_pick("de:es:en", NULL, NULL, "en_US.UTF-8", both, 2), "es");
    assert_string_equal(lang_pick("fr", NULL, NULL, "es_ES.UTF-8", both, 2), "es");
}

static void c_posix_and_nothing_fall_back_to_english(void **state)
{
    (void)state;
    assert_string_equal(lang_pick(NULL, NULL, NULL, NULL, both, 2), "en");
    assert_string_equal(lang_pick(NULL, "C", NULL, "es_ES", both, 2), "en");
    assert_string_equal(lang_pick(NULL, "POSIX", NULL, NULL, both, 2), "en");
    assert_string_equal(lang_pick(NULL, "C.UTF-8", NULL, NULL, both, 2), "en");
    assert_string_equal(lang_pick("::", NULL, NULL, NULL, both, 2), "en");
    assert_string_equal(lang_pick(NULL, NULL, NULL, "es_ES", both, 1), "en"); /* only en */
}

static const char *const regions[] = {"en", "es", "pt", "pt_BR"};

static void regions_first_then_the_language(void **state)
{
    (void)state;
    assert_string_equal(lang_pick(NULL, NULL, NULL, "pt_BR.UTF-8", regions, 4), "pt_BR");
    assert_string_equal(lang_pick(NULL, NULL, NULL, "pt_PT.UTF-8", regions, 4), "pt");
    assert_string_equal(lang_pick(NULL, NULL, NULL, "pt_BR.UTF-8", both, 2), "en");
    assert_string_equal(lang_pick(NULL, NULL, NULL, "pt_BR@latin", regions, 4), "pt_BR");
    assert_string_equal(lang_pick("pt_BR:pt", NULL, NULL, NULL, regions, 4), "pt_BR");
    assert_string_equal(lang_pick("pt_PT:es", NULL, NULL, NULL, regions, 4), "pt");
    /* Only the region's file: a locale of the bare language does not pick it. */
    static const char *const only_br[] = {"en", "pt_BR"};
    assert_string_equal(lang_pick(NULL, NULL, NULL, "pt_PT.UTF-8", only_br, 2), "en");
    assert_string_equal(lang_pick(NULL, NULL, NULL, "pt_BR.UTF-8", only_br, 2), "pt_BR");
    /* Codes as given to --lang: case and separator do not matter. */
    assert_string_equal(lang_match("pt-br", 5, regions, 4), "pt_BR");
    assert_string_equal(lang_match("pt_BR", 5, regions, 4), "pt_BR");
    assert_string_equal(lang_match("es_MX", 5, regions, 4), "es");
    assert_null(lang_match("de_DE", 5, regions, 4));
    assert_null(lang_match("C.UTF-8", 7, regions, 4));
    assert_null(lang_match("p", 1, regions, 4));
}

static void valid_codes(void **state)
{
    (void)state;
    assert_true(lang_valid_code("en"));
    assert_true(lang_valid_code("pt_br"));
    assert_false(lang_valid_code("e"));
    assert_false(lang_valid_code("../x"));
    assert_true(lang_valid_code("pt_BR"));
    assert_true(lang_valid_code("zh-Hant"));
    assert_true(lang_valid_code("zh_Hant_TW"));
    assert_false(lang_valid_code("EN"));
    assert_false(lang_valid_code("pT_BR"));
    assert_false(lang_valid_code("pt_BR.UTF-8"));
    assert_false(lang_valid_code("toolongcode"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(locale_variables_in_order),
        cmocka_unit_test(c_posix_and_nothing_fall_back_to_english),
        cmocka_unit_test(regions_first_then_the_language),
        cmocka_unit_test(valid_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
