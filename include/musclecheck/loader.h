/* SPDX-License-Identifier: MIT */
/* loader: reads and validates a question file (YAML) into a survey.
 *
 * Every problem is reported as a located message in a diag list, and the
 * loader goes on after the first so that a person sees them all at once.
 * The limits below keep a broken or hostile file from exhausting memory or
 * time; docs/question-format.md states them for the clinic staff. */
#ifndef MUSCLECHECK_LOADER_H
#define MUSCLECHECK_LOADER_H

#include "musclecheck/diag.h"
#include "musclecheck/survey.h"

#include <stddef.h>

#define LOADER_MAX_FILE_BYTES ((size_t)4 << 20)
#define LOADER_MAX_DEPTH 16
#define LOADER_MAX_NODES 500000
#define LOADER_MAX_TEXT 4000
#define LOADER_MAX_ID 40
#define LOADER_MAX_QUESTIONS 10000
#define LOADER_MAX_CONDITIONS 32
#define LOADER_MAX_LIST 100 /* foods, tips, advice, bands */

enum load_result {
    LOAD_OK = 0,
    LOAD_BAD_DATA,  /* the file was read but is not a valid questionnaire */
    LOAD_NO_INPUT,  /* the file could not be read */
    LOAD_NO_MEMORY, /* out of memory (DIAGS is marked: diag_out_of_memory) */
};

/* Loads PATH. On LOAD_OK, *OUT is a new survey the caller frees with
 * survey_free; otherwise *OUT is NULL and DIAGS says why. */
enum load_result survey_load_file(const char *path, struct survey **out, struct diag_list *diags);

/* Loads LEN bytes of BUF, naming them NAME in the survey's source. Returns a
 * new survey (caller frees), or NULL with the problems in DIAGS. The survey
 * keeps copies: BUF and NAME stay the caller's. */
struct survey *survey_load_buffer(const char *name, const char *buf, size_t len,
                                  struct diag_list *diags);

#endif
