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

/* What a condition's line in the ranking says. */
enum report_status {
    REPORT_RANKED,       /* its band, from the answers */
    REPORT_TO_CHECK,     /* a rule that holds asks for it to be checked, and its band
                            would read as unlikely: "to be checked" */
    REPORT_NOT_ASSESSED, /* the questions stopped at an emergency before it could be
                            assessed: "not assessed", never "unlikely" */
};

/* "ranked", "to_check", "not_assessed". */
const char *report_status_name(enum report_status st);

struct report_result {
    enum report_status status;
    struct condition_score score;
    size_t band;       /* the band shown: the score's, one lower while an other cause explains it */
    bool flagged;      /* band above the first, and assessed */
    long explained_by; /* the other cause that held it back one band, or -1 */
    const size_t *reasons_for; /* questions whose answers added points, most first */
    size_t for_count;
    const size_t *reasons_against; /* questions whose answers took points away, most first */
    size_t against_count;
    long checked_by; /* the most urgent rule that holds and asks for it to be checked, or -1 */
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
    size_t to_check_count; /* results with REPORT_TO_CHECK */
    /* An emergency ended the questions with visible questions unanswered:
     * the deficiencies were not assessed (REPORT_NOT_ASSESSED, except those
     * a rule asks to check). */
    bool stopped;
    const size_t *not_asked; /* when stopped: the visible questions left unanswered */
    size_t not_asked_count;
    /* Nothing flagged or to be checked, and the level below same day: say
     * so, and point to causes beyond nutrition. Under a same-day or higher
     * banner that text would reassure where it must not. */
    bool no_findings;
};

/* Builds the report for SE. Returns NULL when out of memory; free with report_free. */
struct report *report_new(const struct session *se);

/* Wipes and frees R (its reasons reveal answers); report_free(NULL) is a no-op. */
void report_free(struct report *r);

#endif
