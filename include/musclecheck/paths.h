/* SPDX-License-Identifier: MIT */
/* paths: finds the bundled question files, both in the build tree and
 * after "cmake --install" to any prefix, and the languages installed. */
#ifndef MUSCLECHECK_PATHS_H
#define MUSCLECHECK_PATHS_H

#include <stddef.h>

/* Writes into BUF (SIZE bytes) the folder of the bundled question files:
 * the source tree when this binary runs from its build folder, else
 * <prefix>/share/musclecheck beside the installed binary, else the data
 * folder chosen at build time; the first that holds the reference (English)
 * file. Returns 0, -1 when none does (BUF then names the last place
 * tried, for the error message), or -ENOMEM when out of memory. */
int paths_data_dir(char *buf, size_t size);

/* The language codes of the question files in DIR (CODE.yaml), the
 * reference language first and the others in alphabetical order; at most
 * MAX, how many in *COUNT. Returns 0, or a negative errno when DIR cannot be
 * read (-ENOMEM when out of memory), with *COUNT 0. */
int paths_languages(const char *dir, char (*codes)[16], size_t max, size_t *count);

#endif
