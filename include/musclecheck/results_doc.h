/* SPDX-License-Identifier: MIT */
/* results_doc: the results as one ordered document, built once from a
 * report and rendered by every front end (the results screen, plain mode,
 * --format text and the summary), so that the same answers give the same
 * things in the same order everywhere.
 *
 * A document is a list of sections, each a run of blocks marked with what
 * they mean (heading, warning, emphasis), never how they look. Texts are
 * borrowed from the survey, except the ones the document composes, which it
 * owns and wipes on free (they can reveal answers). The survey must outlive
 * the document; the report and session need not. */
#ifndef MUSCLECHECK_RESULTS_DOC_H
#define MUSCLECHECK_RESULTS_DOC_H

#include "musclecheck/report.h"

#include <stdbool.h>
#include <stddef.h>

/* The sections, in the order they appear. */
enum rdoc_section {
    RDOC_URGENT,     /* emergency advice: get help now */
    RDOC_SAME_DAY,   /* same-day advice: speak to someone today */
    RDOC_TRIAGE,     /* summary: the triage level and why (red flags, rules, causes) */
    RDOC_STOPPED,    /* summary: the questions stopped at an emergency, and which were not asked */
    RDOC_NOTE,       /* "this is not a diagnosis" */
    RDOC_RANKING,    /* every condition, most likely first */
    RDOC_NOTHING,    /* "nothing stands out", and causes beyond nutrition */
    RDOC_CAUSES,     /* other causes that fit, worth mentioning to a doctor */
    RDOC_DETAILS,    /* one per flagged condition: reasons, table rows, foods, tips */
    RDOC_ONSET,      /* summary: how it started and how long it has lasted */
    RDOC_ANSWERS,    /* summary: the other answers, yes, then not sure, then no (compact) */
    RDOC_MEDICINES,  /* summary: the medicines the person takes */
    RDOC_REASONS,    /* summary: every condition with its reasons for and against */
    RDOC_ADVICE,     /* general advice */
    RDOC_NEXT_STEP,  /* ask for a blood test */
    RDOC_DISCLAIMER, /* the file's disclaimer */
    RDOC_SECTION_COUNT
};

/* A set of sections, for renderers that show only some. */
#define RDOC_MASK(s) (1u << (s))
#define RDOC_ALL ((1u << RDOC_SECTION_COUNT) - 1u)
/* What the summary for a doctor shows: the triage level and why, the
 * answers grouped so that a doctor reads them in 30 seconds, the reasons
 * per condition; not the advice texts, food lists and tips meant for the
 * patient. */
#define RDOC_SUMMARY_SECTIONS                                                                      \
    (RDOC_MASK(RDOC_TRIAGE) | RDOC_MASK(RDOC_STOPPED) | RDOC_MASK(RDOC_NOTE) |                     \
     RDOC_MASK(RDOC_ONSET) | RDOC_MASK(RDOC_ANSWERS) | RDOC_MASK(RDOC_MEDICINES) |                 \
     RDOC_MASK(RDOC_REASONS) | RDOC_MASK(RDOC_DISCLAIMER))
/* What the results screen, plain mode and --format text show: everything
 * but the sections only the summary has. */
#define RDOC_RESULTS_SECTIONS                                                                      \
    (RDOC_ALL & ~(RDOC_MASK(RDOC_TRIAGE) | RDOC_MASK(RDOC_STOPPED) | RDOC_MASK(RDOC_ONSET) |       \
                  RDOC_MASK(RDOC_ANSWERS) | RDOC_MASK(RDOC_MEDICINES) | RDOC_MASK(RDOC_REASONS)))

enum rdoc_kind {
    RDOC_PARA,  /* a paragraph */
    RDOC_ITEM,  /* a bullet point */
    RDOC_FIELD, /* "LABEL: TEXT"; with a NULL TEXT, a label over the items after it */
    RDOC_RANK,  /* one ranked condition (see struct rdoc_rank) */
};

/* What a block means; renderers choose how that looks. */
enum rdoc_style {
    RDOC_PLAIN,
    RDOC_HEADING,  /* a heading */
    RDOC_WARNING,  /* urgent advice: must not be missed */
    RDOC_EMPHASIS, /* stands out from plain text (a flagged condition) */
    RDOC_QUIET,    /* small print */
};

/* How strongly a band points to its condition: none for the first band,
 * high for the last, medium between. */
enum rdoc_tone { RDOC_TONE_LOW, RDOC_TONE_MID, RDOC_TONE_HIGH };

/* One ranked condition. Patients see the band's word, never a number
 * that would read as a measured certainty. */
struct rdoc_rank {
    size_t rank;               /* 1-based place */
    const char *name;          /* the condition */
    enum report_status status; /* not REPORT_RANKED: no band to show (no bar) */
    const char *band_label;    /* "Likely"; "To be checked" or "Not assessed" by status */
    size_t band;               /* its band, 0 the first */
    size_t band_count;         /* how many bands there are */
    bool flagged;              /* band above the first */
};

struct rdoc_block {
    enum rdoc_kind kind;
    enum rdoc_style style;
    enum rdoc_tone tone; /* for RDOC_RANK and a condition's heading */
    int depth;           /* nesting: 0 top level, 1 and 2 under a heading */
    const char *label;   /* RDOC_FIELD only */
    const char *text;    /* NULL for RDOC_RANK */
    struct rdoc_rank rank;
};

/* A run of blocks of one section; renderers leave a blank line between parts. */
struct rdoc_part {
    enum rdoc_section section;
    size_t first; /* blocks [first, first + count) */
    size_t count;
};

struct results_doc {
    enum triage level;             /* the report's triage level */
    const struct rdoc_part *parts; /* in document order; a section may repeat (details) */
    size_t part_count;
    const struct rdoc_block *blocks;
    size_t block_count;
};

/* Builds the document for report R of session SE; in a KIOSK the same-day
 * advice also sends the patient to the desk. Returns NULL when out of
 * memory; free with results_doc_free. */
struct results_doc *results_doc_new(const struct report *r, const struct session *se, bool kiosk);

/* The triage level the document was built for. */
enum triage results_doc_level(const struct results_doc *d);

/* Wipes the texts it composed and frees D; results_doc_free(NULL) is a no-op. */
void results_doc_free(struct results_doc *d);

#endif
