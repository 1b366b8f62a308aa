/* paths: finds the bundled question files, both in the build tree and
 * after "cmake --install" to any prefix. */
#ifndef MUSCLECHECK_PATHS_H
#define MUSCLECHECK_PATHS_H

#include <stddef.h>

/* Writes into BUF (SIZE bytes) the path of the bundled question file for
 * language LANG (e.g. "en"). Looks, in order: the source tree when this
 * binary runs from its build folder; <prefix>/share/musclecheck beside the
 * installed binary; the data folder chosen at build time. Returns 0 when a
 * readable file was found, -1 otherwise (BUF then holds the last place
 * tried, for the error message). */
int paths_questions(const char *lang, char *buf, size_t size);

#endif
