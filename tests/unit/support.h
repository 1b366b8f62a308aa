/* SPDX-License-Identifier: MIT */
/* support: shared helpers for the cmocka tests: loading YAML from strings,
 * checking located errors, and building sessions from answer strings. */
#ifndef MUSCLECHECK_TEST_SUPPORT_H
#define MUSCLECHECK_TEST_SUPPORT_H

#include <setjmp.h> /* cmocka needs these first */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "musclecheck/diag.h"
#include "musclecheck/session.h"
#include "musclecheck/survey.h"

/* A small valid format 2 question file (reviewed): two conditions ("alpha",
 * "beta", default prior 0 and anchors [sign, cause]), bands unlikely 0 /
 * possible 3 / likely 5 points, the default nonspecific_cap 2, and the
 * questions given (a YAML list body, indented by two spaces) appended under
 * "questions:". What follows the list may add top-level keys
 * (triage_rules:, other_causes:, ui:). The caller frees the result. */
char *support_yaml(const char *questions);

/* Line of "questions:" in support_yaml's output; question items start on
 * the next line. */
#define SUPPORT_QUESTIONS_LINE 31

/* Loads YAML (named "test.yaml"); fails the test with the messages when it
 * does not load. */
struct survey *support_load_ok(const char *yaml);

/* Loads YAML expecting failure, and asserts that some message is at LINE
 * (and COLUMN, unless 0) and contains NEEDLE. */
void support_expect_error(const char *yaml, int line, int column, const char *needle);

/* A session on S with answers given as "id=yes id2=no ..." applied in order. */
struct session *support_session(const struct survey *s, const char *answers);

/* The questionnaire of sample.h, for a test group: support_sample_setup
 * loads it into support_sample, support_sample_teardown frees it. */
extern struct survey *support_sample;
int support_sample_setup(void **state);
int support_sample_teardown(void **state);

/* The model of sample.h (every part of the evidence model: kinds, anchors,
 * priors, red-flag levels, triage rules, other causes), loaded; the caller
 * frees it. */
struct survey *support_model_load(void);

/* Path of a file in the source tree, e.g. "questions/en.yaml" (static buffer). */
const char *support_path(const char *relative);

#endif
