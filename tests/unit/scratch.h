/* SPDX-License-Identifier: MIT */
/* scratch: a fresh folder under /tmp for a test's files, and what a test
 * checks there: a file's text and mode, and the names in the folder (where
 * a temporary file left behind shows up). Failures are cmocka assertions;
 * include after <cmocka.h>. One folder at a time. */
#ifndef MUSCLECHECK_TEST_SCRATCH_H
#define MUSCLECHECK_TEST_SCRATCH_H

#include <sys/types.h>

/* Makes the folder (a cmocka setup: 0, or -1 when it cannot). */
int scratch_make(void **state);

/* Removes the folder and everything in it (a cmocka teardown: 0 or -1). */
int scratch_remove(void **state);

/* The full path of NAME in the folder (one of a few static buffers). */
const char *scratch_path(const char *name);

/* Writes TEXT to NAME and sets its MODE. */
void scratch_put(const char *name, const char *text, mode_t mode);

/* The text of NAME (a static buffer, up to 8 KiB). */
const char *scratch_text(const char *name);

/* The st_mode of NAME itself (lstat: a link is seen as a link). */
mode_t scratch_mode(const char *name);

/* The names in the folder, sorted, joined by spaces. */
const char *scratch_listing(void);

#endif
