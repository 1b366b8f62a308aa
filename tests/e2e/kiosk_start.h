/* SPDX-License-Identifier: MIT */
/* kiosk_start: the way the kiosk tests start musclecheck --kiosk in a
 * pseudo-terminal and wait for its welcome screen. */
#ifndef MUSCLECHECK_TESTS_E2E_KIOSK_START_H
#define MUSCLECHECK_TESTS_E2E_KIOSK_START_H

#include "vt.h"

/* Starts BINARY --kiosk on SOURCE_DIR's questions/en.yaml at 80x24 with the
 * EXTRA arguments (NULL-terminated, may be NULL) and ENV (see vt_spawn),
 * stores it in *STATE (for the test's teardown to free) and waits until the
 * welcome screen is drawn; fails the test otherwise. */
struct vt *kiosk_start(void **state, const char *binary, const char *source_dir,
                       const char *const *extra, char *const env[]);

/* Starts the questions on the welcome screen and answers KEY to each
 * question until the results show; fails the test otherwise. */
void kiosk_answer_until_results(struct vt *vt, const char *key);

/* How many times NEEDLE occurs in the writable memory of process PID (its
 * heap, stack and anonymous mappings), read through /proc/PID/mem as an
 * attacker with the right to would; -1 when that memory cannot be read. */
int kiosk_memory_count(int pid, const char *needle);

#endif
