/* SPDX-License-Identifier: MIT */
/* End-to-end tests of a terminal whose locale is not UTF-8 (LANG=C, a
 * serial line): texts come as readable ASCII and frames in the terminal's
 * own line-drawing set, never as UTF-8 bytes it would show as garbage. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vt.h"
#include "vt_assert.h"

enum { T = 5000 };

static const char *binary;
static const char *source_dir;

static int teardown(void **state)
{
    vt_free(*state);
    return 0;
}

static struct vt *start(void **state, char *const env[])
{
    char *argv[] = {(char *)binary, "--lang", "es", NULL};
    struct vt *vt = vt_spawn(argv, env, 24, 80);
    assert_non_null(vt);
    *state = vt;
    return vt;
}

static void c_locale_gets_ascii_text_and_line_drawing(void **state)
{
    char *const env[] = {"LANG=C", "LC_ALL=", "LC_CTYPE=", NULL};
    struct vt *vt = start(state, env);
    VT_ASSERT_TEXT(vt, "Autoevaluacion de la debilidad muscular", T); /* no accent */
    vt_send(vt, VT_ENTER);
    VT_ASSERT_TEXT(vt, "Pregunta 1 de", T);
    /* Accents and the inverted question mark become ASCII look-alikes. */
    VT_ASSERT_TEXT(vt, "?Tiene ahora alguno de estos problemas", T);
    VT_ASSERT_TEXT(vt, "- dolor, presion, peso u opresion en el pecho", T);
    /* The buttons' frames arrive in the terminal's line-drawing set, which
     * the emulator shows as box characters; their labels are ASCII. */
    VT_ASSERT_TEXT(vt, "\xE2\x94\x8C", T); /* ┌ */
    VT_ASSERT_TEXT(vt, " Si ", T);
    VT_ASSERT_TEXT(vt, "No lo se", T);
    vt_send(vt, "y"); /* chest pain: the red-flag screen, then the results */
    VT_ASSERT_TEXT(vt, "Llame a una ambulancia ahora", T);
}

static void utf8_locale_keeps_the_accents(void **state)
{
    char *const env[] = {"LANG=C.UTF-8", NULL};
    struct vt *vt = start(state, env);
    VT_ASSERT_TEXT(vt, "Autoevaluaci\xC3\xB3n de la debilidad muscular", T);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(c_locale_gets_ascii_text_and_line_drawing, teardown),
        cmocka_unit_test_teardown(utf8_locale_keeps_the_accents, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
