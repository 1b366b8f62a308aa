/* SPDX-License-Identifier: MIT */
/* kiosk_start: starting the kiosk for an end-to-end test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "kiosk_start.h"
#include "vt_assert.h"

#include <stdio.h>

struct vt *kiosk_start(void **state, const char *binary, const char *source_dir,
                       const char *const *extra, char *const env[])
{
    static char questions[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    char *argv[16] = {(char *)binary, "--kiosk", "--questions", questions};
    int argc = 4;
    for (; extra != NULL && *extra != NULL && argc < 15; extra++)
        argv[argc++] = (char *)*extra;
    argv[argc] = NULL;
    struct vt *vt = vt_spawn(argv, env, 24, 80);
    assert_non_null(vt);
    *state = vt;
    VT_ASSERT_TEXT(vt, "Press Enter to start", 5000);
    VT_ASSERT(vt, vt_wait_quiet(vt, 30, 5000));
    return vt;
}

void kiosk_answer_until_results(struct vt *vt, const char *key)
{
    vt_send(vt, VT_ENTER);
    for (int n = 0; n < 80; n++) {
        VT_ASSERT(vt, vt_wait_quiet(vt, 30, 5000));
        if (vt_find(vt, "Your results", NULL, NULL))
            return;
        VT_ASSERT_TEXT(vt, "Question ", 5000);
        vt_send(vt, key);
    }
    fail_msg("no results after 80 answers");
}
