/* SPDX-License-Identifier: MIT */
/* args: the two arguments every end-to-end test program takes, the
 * musclecheck binary and the source folder, made absolute (some tests start
 * the program from another folder). */
#ifndef MUSCLECHECK_TESTS_E2E_ARGS_H
#define MUSCLECHECK_TESTS_E2E_ARGS_H

/* Sets *BINARY and *SOURCE_DIR (static storage) from ARGV, or prints the
 * usage and exits with status 2. */
void e2e_args(int argc, char **argv, const char **binary, const char **source_dir);

#endif
