/* SPDX-License-Identifier: MIT */
/* doc: the results document (results_doc.h) and the comparison table laid
 * out as ready-to-draw lines for a given width, so that one scrolling view
 * shows either. Each line owns its text. */
#ifndef MUSCLECHECK_TUI_DOC_H
#define MUSCLECHECK_TUI_DOC_H

#include "theme.h"

#include "musclecheck/results_doc.h"

#include <stddef.h>

enum doc_kind {
    DOC_TEXT,   /* TEXT at INDENT in ROLE */
    DOC_BANNER, /* TEXT on a full-width band of ROLE (urgent advice) */
    DOC_SCORE,  /* rank, name, score bar and band of RANK */
};

struct doc_line {
    enum doc_kind kind;
    enum role role;
    int indent;
    char *text;            /* owned, one display line; NULL for a blank line */
    enum rdoc_tone tone;   /* DOC_SCORE */
    struct rdoc_rank rank; /* DOC_SCORE; its texts are borrowed from the survey */
};

struct doc {
    struct doc_line *lines;
    size_t count;
    size_t cap;
    int name_width; /* widest condition name, for lining up score lines */
};

/* The sections of results document R that the screen shows, laid out in
 * WIDTH columns. */
void doc_results(struct doc *d, const struct results_doc *r, int width);

/* The comparison table of every condition in WIDTH columns. */
void doc_table(struct doc *d, const struct survey *s, int width);

/* Wipes and frees the lines of D. */
void doc_free(struct doc *d);

#endif
