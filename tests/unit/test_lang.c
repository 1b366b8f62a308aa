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

static void valid_codes(void **state)
{
    (void)state;
    assert_true(lang_valid_code("en"));
    assert_true(lang_valid_code("pt_br"));
    assert_false(lang_valid_code("e"));
    assert_false(lang_valid_code("../x"));
    assert_false(lang_valid_code("EN"));
    assert_false(lang_valid_code("toolongcode"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(locale_variables_in_order),
        cmocka_unit_test(c_posix_and_nothing_fall_back_to_english),
        cmocka_unit_test(valid_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
