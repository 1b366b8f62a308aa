/* SPDX-License-Identifier: MIT */
/* compare: checks that a translation keeps the scoring of the reference
 * (English) questionnaire: the same conditions (priors, anchors), questions,
 * skip logic, evidence, red-flag levels, triage rules, other causes and
 * bands, so that a translation can change words but never, by
 * accident, a result. */
#ifndef MUSCLECHECK_COMPARE_H
#define MUSCLECHECK_COMPARE_H

#include "musclecheck/diag.h"
#include "musclecheck/survey.h"

/* Adds a located message to DIAGS (about TRANSLATION's file) for every
 * difference from REFERENCE, and returns how many there were. */
size_t survey_compare(const struct survey *reference, const struct survey *translation,
                      struct diag_list *diags);

#endif
