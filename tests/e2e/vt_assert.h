/* SPDX-License-Identifier: MIT */
/* vt_assert.h - cmocka assertions on a struct vt (vt.h) that print the screen when they fail,
 * so CI logs show what the user would have seen. Include after <cmocka.h>. */
#ifndef MUSCLECHECK_TESTS_E2E_VT_ASSERT_H
#define MUSCLECHECK_TESTS_E2E_VT_ASSERT_H

#include <stdio.h>

#include "vt.h"

#define VT_ASSERT_TEXT(vt, text, timeout_ms)                                                       \
    do {                                                                                           \
        if (!vt_wait_text((vt), (text), (timeout_ms))) {                                           \
            vt_dump((vt), stderr);                                                                 \
            fail_msg("\"%s\" not on the screen within %d ms", (text), (int)(timeout_ms));          \
        }                                                                                          \
    } while (0)

#define VT_ASSERT_GONE(vt, text, timeout_ms)                                                       \
    do {                                                                                           \
        if (!vt_wait_gone((vt), (text), (timeout_ms))) {                                           \
            vt_dump((vt), stderr);                                                                 \
            fail_msg("\"%s\" still on the screen after %d ms", (text), (int)(timeout_ms));         \
        }                                                                                          \
    } while (0)

/* Asserts a condition about the screen; dumps it on failure. */
#define VT_ASSERT(vt, cond)                                                                        \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            vt_dump((vt), stderr);                                                                 \
            fail_msg("%s", #cond);                                                                 \
        }                                                                                          \
    } while (0)

#endif
