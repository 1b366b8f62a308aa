/* SPDX-License-Identifier: MIT */
/* tui_doc: the results and the comparison table as a list of ready-to-draw
 * lines for a given width, so that one scrolling view shows either. Built
 * from the report and the survey only. */
#ifndef MUSCLECHECK_TUI_DOC_H
#define MUSCLECHECK_TUI_DOC_H

#include "musclecheck/report.h"
#include "musclecheck/tui_theme.h"

#include <stddef.h>

enum doc_kind {
    DOC_TEXT,   /* TEXT at INDENT in ROLE */
    DOC_BANNER, /* TEXT on a full-width band of ROLE (urgent advice) */
    DOC_SCORE,  /* rank, name, score bar and band of RESULT */
};

struct doc_line {
    enum doc_kind kind;
    enum role role;
    int indent;
    char *text;    /* owned, one display line; NULL for a blank line */
    size_t result; /* DOC_SCORE: index into the report's results */
};

struct doc {
    struct doc_line *lines;
    size_t count;
    size_t cap;
    int name_width; /* widest condition name, for lining up score lines */
};

/* The results for report R laid out in WIDTH columns. */
void doc_results(struct doc *d, const struct survey *s, const struct report *r, int width);

/* The comparison table of every condition in WIDTH columns. */
void doc_table(struct doc *d, const struct survey *s, int width);

void doc_free(struct doc *d);

#endif
