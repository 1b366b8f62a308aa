/* SPDX-License-Identifier: MIT */
/* theme: what each kind of text looks like. Colour is never the only
 * signal: every role also has an attribute (bold, reverse, dim) that
 * carries its meaning on a monochrome terminal or with NO_COLOR. */
#ifndef MUSCLECHECK_TUI_THEME_H
#define MUSCLECHECK_TUI_THEME_H

#include <curses.h>
#include <stdbool.h>

enum role {
    ROLE_NORMAL,
    ROLE_TITLE,     /* screen titles and headings */
    ROLE_DIM,       /* help texts, hints */
    ROLE_FOCUS,     /* the focused button */
    ROLE_BUTTON,    /* other buttons */
    ROLE_URGENT,    /* red-flag banner */
    ROLE_KEYS,      /* the key hints line */
    ROLE_BAND_LOW,  /* first band ("unlikely") */
    ROLE_BAND_MID,  /* middle bands */
    ROLE_BAND_HIGH, /* top band ("likely") */
    ROLE_COUNT
};

/* Sets up colour pairs (when colour is in use) for the normal or the
 * high-contrast look. */
void theme_init(bool colour, bool high_contrast);

attr_t theme_attr(enum role role);

/* The role for band B of BAND_COUNT. */
enum role theme_band_role(size_t b, size_t band_count);

#endif
