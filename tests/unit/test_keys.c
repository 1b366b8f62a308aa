/* SPDX-License-Identifier: MIT */
/* Tests for the key table and the placeholders that name keys in texts. */
#include "support.h"

#include "musclecheck/keys.h"
#include "musclecheck/loader.h"

#include <stdlib.h>
#include <string.h>

static void letters_of_the_answer_keys(void **state)
{
    (void)state;
    assert_string_equal(keys_letter(CMD_YES), "y");
    assert_string_equal(keys_letter(CMD_NO), "n");
    assert_string_equal(keys_letter(CMD_UNSURE), "u");
    assert_string_equal(keys_letter(CMD_BACK), "b");
    assert_null(keys_letter(CMD_CHOOSE)); /* Enter has no letter */
    assert_null(keys_letter(CMD_COUNT));
    assert_string_equal(keys_name(CMD_QUIT), "quit");
}

static void expand_fills_in_letters_only(void **state)
{
    (void)state;
    char *text = keys_expand("{yes}/{no}/{unsure} answer  {back} back  {enter} {n} {other}");
    assert_string_equal(text, "y/n/u answer  b back  {enter} {n} {other}");
    free(text);
}

/* Every interface text of every bundled language names keys by
 * placeholder: once loaded, no "{yes}" is left, and the key hints show the
 * letters of the key table. */
static void bundled_files_get_the_letters(void **state)
{
    (void)state;
    const char *files[] = {"questions/en.yaml", "questions/es.yaml"};
    for (size_t f = 0; f < 2; f++) {
        struct diag_list *diags = diag_list_new(NULL);
        struct survey *s = NULL;
        assert_int_equal(survey_load_file(support_path(files[f]), &s, diags), LOAD_OK);
        for (int i = 0; i < UI_COUNT; i++) {
            const char *text = survey_ui(s, (enum uistr)i);
            for (int c = 0; c < CMD_COUNT; c++) {
                char placeholder[32];
                snprintf(placeholder, sizeof(placeholder), "{%s}", keys_name((enum command)c));
                if (keys_letter((enum command)c) != NULL && strstr(text, placeholder) != NULL)
                    fail_msg("%s: ui %s still has %s", files[f], uistr_key((enum uistr)i),
                             placeholder);
            }
        }
        assert_non_null(strstr(survey_ui(s, UI_KEYS_QUESTION), "y"));
        assert_non_null(strstr(survey_ui(s, UI_QUIT_CONFIRM), "(y"));
        survey_free(s);
        diag_list_free(diags);
    }
}

/* A bundled translation gives every interface string: none falls back to
 * English in the middle of a Spanish screen. ("No" is the same word.) */
static void spanish_translates_every_interface_string(void **state)
{
    (void)state;
    struct diag_list *diags = diag_list_new(NULL);
    struct survey *s = NULL;
    assert_int_equal(survey_load_file(support_path("questions/es.yaml"), &s, diags), LOAD_OK);
    for (int i = 0; i < UI_COUNT; i++) {
        char *english = keys_expand(uistr_default((enum uistr)i));
        if (i != UI_NO && strcmp(survey_ui(s, (enum uistr)i), english) == 0)
            fail_msg("es.yaml does not translate ui \"%s\"", uistr_key((enum uistr)i));
        free(english);
    }
    survey_free(s);
    diag_list_free(diags);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(letters_of_the_answer_keys),
        cmocka_unit_test(expand_fills_in_letters_only),
        cmocka_unit_test(bundled_files_get_the_letters),
        cmocka_unit_test(spanish_translates_every_interface_string),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
