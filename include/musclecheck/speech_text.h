/* SPDX-License-Identifier: MIT */
/* speech_text: what is read aloud, decided in the core from the same
 * survey, flow and results document every other front end renders.
 *
 * A front end describes what its screen shows now in a struct speech_view
 * (which screen, the question of the flow, the results document, the
 * focused button, an open box) and asks speech_text_now what should be said,
 * given what was said for the view before: the whole screen when the screen,
 * question, box or language changed, only the focused choice when the focus
 * moved, nothing otherwise. speech_text_screen gives the whole screen again
 * (the repeat key).
 *
 * An utterance is the screen's texts in the order the screen shows them,
 * each a segment, joined by a blank line ("\n\n"; a segment may hold single
 * line breaks of its own). A speech engine reads a blank line as the end of
 * a sentence (espeak-ng: a paragraph), and a test can split an utterance on
 * it and find each segment on the screen. The view borrows everything it
 * points to; the returned text is the caller's, and since it can reveal
 * answers, it is freed with wipe_free (wipe.h). */
#ifndef MUSCLECHECK_SPEECH_TEXT_H
#define MUSCLECHECK_SPEECH_TEXT_H

#include "musclecheck/flow.h"
#include "musclecheck/results_doc.h"
#include "musclecheck/survey.h"

#include <stdbool.h>
#include <stddef.h>

enum speech_screen {
    SPEECH_QUIET,     /* nothing is said for this screen (a too-small window, a wiped one) */
    SPEECH_WELCOME,   /* title, who it is for, how to answer, how to turn speech on, start */
    SPEECH_QUESTION,  /* "Question N of M", the question, the focused answer */
    SPEECH_EMERGENCY, /* the urgent advice of the results document */
    SPEECH_RESULTS,   /* the results document, as the results screen shows it */
    SPEECH_TABLE,     /* the comparison table, row by row */
};

struct speech_view {
    enum speech_screen screen;
    const struct survey *survey;         /* the language in use */
    const struct survey *const *surveys; /* a kiosk's languages offered (welcome) */
    size_t survey_count;                 /* 0 or 1: no choice of language shown */
    const struct flow *flow;             /* SPEECH_QUESTION: the walk */
    size_t question;                     /* SPEECH_QUESTION: flow_question when described */
    const struct results_doc *results;   /* SPEECH_EMERGENCY, SPEECH_RESULTS */
    int focus;                           /* the focused button; -1 none */
    const char *focus_label;             /* its label, NULL when none */
    int box;                             /* a box over the screen (the front end's id), 0 none */
    const char *box_text;                /* the box's text; NULL: the help box */
    bool kiosk;                          /* the kiosk's own texts (urgent: go to the desk) */
    bool speech_on;                      /* the welcome's hint: how to turn it off, or on */
};

/* What to say now that the screen shows NOW, after BEFORE (NULL: nothing
 * said yet). Sets *OUT to the utterance, or to NULL when nothing new is
 * shown. Returns 0, or -1 (and *OUT NULL) when out of memory. */
int speech_text_now(const struct speech_view *before, const struct speech_view *now, char **out);

/* The whole of what the screen of V shows (the box on top, if any), as one
 * utterance; "" for SPEECH_QUIET. NULL when out of memory. */
char *speech_text_screen(const struct speech_view *v);

#endif
