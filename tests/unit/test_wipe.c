/* SPDX-License-Identifier: MIT */
/* Tests for texts that must leave no copy: exact formatting and wiping. */
#include "support.h"

#include "musclecheck/wipe.h"

#include <malloc.h>
#include <string.h>

static void formats_at_its_exact_size(void **state)
{
    (void)state;
    char *text = wipe_printf("%s [%s]", "Do you feel tired?", "Yes");
    assert_non_null(text);
    assert_string_equal(text, "Do you feel tired? [Yes]");
    /* No spare room: asprintf's growing buffer is what left copies behind. */
    assert_true(malloc_usable_size(text) < strlen(text) + 1 + 2 * sizeof(void *));
    wipe_free(text);
    char *empty = wipe_printf("%s", "");
    assert_non_null(empty);
    assert_string_equal(empty, "");
    wipe_free(empty);
    wipe_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(formats_at_its_exact_size),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
