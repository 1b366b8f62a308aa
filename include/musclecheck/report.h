/* SPDX-License-Identifier: MIT */
/* report: what the answers add up to, ready for any front end to show.
 *
 * Built once from a session; the front ends (ncurses screens, batch output)
 * only read it. A report owns its arrays; it refers to questions and
 * conditions by index into the survey, which must outlive it. */
#ifndef MUSCLECHECK_REPORT_H
#define MUSCLECHECK_REPORT_H

#include "musclecheck/score.h"
#include "musclecheck/session.h"

#include <stdbool.h>
#include <stddef.h>

struct report_result {
    struct condition_score score;
    bool flagged;          /* band above the first */
    const size_t *reasons; /* questions answered yes that weigh on this condition, */
    size_t reason_count;   /* strongest first, then in file order */
};

struct report {
    bool urgent;             /* a red-flag question was answered yes */
    const size_t *red_flags; /* those questions, in file order */
    size_t red_flag_count;
    struct report_result *results; /* one per condition: highest band first, then */
    size_t result_count;           /* highest score; ties keep the file's order */
    size_t flagged_count;
    /* Nothing flagged and nothing urgent: say so, and point to causes
     * beyond nutrition. (After a red flag the questions were cut short, so
     * "your answers point to nothing" would mislead.) */
    bool no_findings;
};

/* Builds the report for SE. Returns NULL when out of memory; free with report_free. */
struct report *report_new(const struct session *se);

/* Wipes and frees R (its reasons reveal answers); report_free(NULL) is a no-op. */
void report_free(struct report *r);

#endif
