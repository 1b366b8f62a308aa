/* SPDX-License-Identifier: MIT */
/* report: what the answers add up to, ready for any front end to show:
 * the triage level and the advice that set it, the conditions ranked with
 * the reasons for and against each, and the other causes that fit.
 *
 * Built once from a session; front ends only read it. A report owns its
 * arrays; it refers to questions, rules, causes and conditions by index
 * into the survey, which must outlive it. */
#ifndef MUSCLECHECK_REPORT_H
#define MUSCLECHECK_REPORT_H

#include "musclecheck/score.h"
#include "musclecheck/session.h"

#include <stdbool.h>
#include <stddef.h>

struct report_result {
    struct condition_score score;
    size_t band;       /* the band shown: the score's, one lower while an other cause explains it */
    bool flagged;      /* band above the first */
    long explained_by; /* the other cause that held it back one band, or -1 */
    const size_t *reasons_for; /* questions whose answers added points, most first */
    size_t for_count;
    const size_t *reasons_against; /* questions whose answers took points away, most first */
    size_t against_count;
};

struct report {
    enum triage level;       /* the highest level the answers reach */
    const size_t *red_flags; /* red-flag questions answered yes, in file order */
    size_t red_flag_count;
    const size_t *unsure_flags; /* red-flag questions answered "not sure", in file order */
    size_t unsure_count;
    const size_t *rules; /* triage rules that hold, in file order */
    size_t rule_count;
    const size_t *causes; /* other causes that fit, in file order */
    size_t cause_count;
    struct report_result *results; /* one per condition: highest band first, then */
    size_t result_count;           /* most points; ties keep the file's order */
    size_t flagged_count;
    /* Nothing flagged and no emergency: say so, and point to causes beyond
     * nutrition. (After an emergency the questions were cut short, so "your
     * answers point to nothing" would mislead.) */
    bool no_findings;
};

/* Builds the report for SE. Returns NULL when out of memory; free with report_free. */
struct report *report_new(const struct session *se);

/* Wipes and frees R (its reasons reveal answers); report_free(NULL) is a no-op. */
void report_free(struct report *r);

#endif
