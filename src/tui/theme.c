/* SPDX-License-Identifier: MIT */
/* tui_theme: colour pairs and attributes per role. */
#include "theme.h"

#include <string.h>

static attr_t attrs[ROLE_COUNT];

void theme_init(bool colour, bool high_contrast)
{
    /* Monochrome meanings first; colour is added on top. No text is faint
     * (A_DIM): xterm draws it at half strength, 4:1 on its white, under the
     * 4.5:1 text needs. */
    attrs[ROLE_NORMAL] = A_NORMAL;
    attrs[ROLE_TITLE] = A_BOLD;
    attrs[ROLE_DIM] = A_NORMAL;
    attrs[ROLE_FOCUS] = A_REVERSE | A_BOLD;
    attrs[ROLE_BUTTON] = high_contrast ? A_BOLD : A_NORMAL;
    attrs[ROLE_URGENT] = A_REVERSE | A_BOLD;
    attrs[ROLE_KEYS] = high_contrast ? A_BOLD : A_NORMAL;
    attrs[ROLE_BAND_LOW] = A_NORMAL;
    attrs[ROLE_BAND_MID] = A_BOLD;
    attrs[ROLE_BAND_HIGH] = A_BOLD | A_UNDERLINE;
    if (high_contrast)
        for (int r = 0; r < ROLE_COUNT; r++)
            if (r != ROLE_FOCUS && r != ROLE_URGENT)
                attrs[r] |= A_BOLD;
    if (!colour)
        return;
    /* Urgent: white on red. Bright white where there are 16 colours (VTE
     * draws bold white no brighter): 5.8:1 in xterm, 5:1 in VTE; the
     * 8-colour console draws bold white bright, 7.7:1 on its red. High
     * contrast wants 7:1: bright white on a darker red with 256 colours
     * (10:1 in xterm, 8.8:1 in VTE); with fewer, see below. */
    short white = COLORS >= 16 ? 15 : COLOR_WHITE;
    if (high_contrast && COLORS >= 256)
        init_pair(2, white, 88);
    else
        init_pair(2, white, COLOR_RED);
    attrs[ROLE_URGENT] = A_BOLD | COLOR_PAIR(2);
    if (!high_contrast)
        return; /* the terminal's own colours, light or dark: any other colour
                 * on an unknown background could be unreadable (cyan on
                 * xterm's white is 1.9:1) */
    init_pair(1, COLOR_YELLOW, COLOR_BLACK); /* titles */
    init_pair(6, COLOR_WHITE, COLOR_BLACK);  /* everything else */
    /* Focus in high contrast: black on white, never bold (xterm draws bold
     * black as grey), 9:1 or more in xterm's, VTE's and the Linux console's
     * palettes (the console's yellow is brown: black on it is 4:1). */
    init_pair(7, COLOR_BLACK, COLOR_WHITE);
    attrs[ROLE_TITLE] |= COLOR_PAIR(1);
    /* The bands in the text's white: red on black is 5.3:1 in xterm (bold
     * red drawn bright), 6.7:1 on the console, 3.6:1 in VTE (not bright);
     * green 6:1 in VTE. Their words and attributes (bold, underlined)
     * tell them apart. */
    attrs[ROLE_BAND_LOW] |= COLOR_PAIR(6);
    attrs[ROLE_BAND_MID] |= COLOR_PAIR(6);
    attrs[ROLE_BAND_HIGH] |= COLOR_PAIR(6);
    attrs[ROLE_FOCUS] = COLOR_PAIR(7);
    attrs[ROLE_NORMAL] |= COLOR_PAIR(6);
    attrs[ROLE_DIM] |= COLOR_PAIR(6);
    attrs[ROLE_BUTTON] |= COLOR_PAIR(6);
    attrs[ROLE_KEYS] |= COLOR_PAIR(6);
    /* Urgent with fewer than 256 colours: white on the palette's red is
     * under 7:1 (5.8:1 in xterm, whose TERM=xterm has 8 colours), except
     * on the Linux console (bold white on its red, 7.7:1). Elsewhere black
     * on white, as without colour (16.7:1 in xterm). */
    if (COLORS < 256 && strncmp(termname(), "linux", 5) != 0)
        attrs[ROLE_URGENT] = COLOR_PAIR(7);
    bkgd(COLOR_PAIR(6));
}

attr_t theme_attr(enum role role)
{
    return (unsigned)role < ROLE_COUNT ? attrs[role] : A_NORMAL;
}

enum role theme_band_role(size_t b, size_t band_count)
{
    if (b == 0)
        return ROLE_BAND_LOW;
    return b + 1 >= band_count ? ROLE_BAND_HIGH : ROLE_BAND_MID;
}
