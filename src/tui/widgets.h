/* SPDX-License-Identifier: MIT */
/* widgets: the pieces every screen is drawn with (frame, wrapped text,
 * buttons, progress and score bars, key hints). They draw on stdscr and
 * record clickable buttons in the frame's hitboxes. */
#ifndef MUSCLECHECK_TUI_WIDGETS_H
#define MUSCLECHECK_TUI_WIDGETS_H

#include "state.h"
#include "theme.h"

#include <stddef.h>

/* On a terminal without UTF-8, every text is drawn as ASCII of the same
 * width (translit.h) and marks use ASCII. */
void widget_set_ascii(bool ascii);

/* Draws LEN bytes of TEXT at Y, X as they are, or as ASCII on such a terminal. */
void widget_put(int y, int x, const char *text, size_t len);

/* Draws TEXT wrapped to WIDTH columns from row Y, column X, using at most
 * MAX_LINES rows (the last one ends with "..." when the text is cut).
 * Returns the number of rows used. */
int widget_text(int y, int x, int width, int max_lines, const char *text, enum role role);

/* Draws the rows of TEXT wrapped to WIDTH from its row SKIP on (nothing is
 * cut: the screen says there is more), at most MAX_LINES of them, from row
 * Y, column X. Returns the number of rows used. */
int widget_text_from(int y, int x, int width, int skip, int max_lines, const char *text,
                     enum role role);

/* A paragraph of a paged text (widget_pages). */
struct text_block {
    const char *text; /* "" for none */
    enum role role;
};

/* The N BLOCKS (a blank row between them) in ROWS rows of WIDTH columns
 * from row Y, column X. When they fit, all are drawn; else the page that
 * holds row SCROLL of them, with BELOW or ABOVE (which keys turn the page)
 * on its last row; a tap on that row turns the page too (a hitbox in HITS:
 * a touch screen has no PgDn key). A page begins with the first sentence the page before
 * did not show whole, so that every sentence can be read whole on one page
 * (unless a sentence alone is longer than a page). Returns the rows used. */
int widget_pages(struct hits *hits, int y, int x, int width, int rows,
                 const struct text_block *blocks, int n, int scroll, const char *below,
                 const char *above);

/* The "more below" or "more above" HINT on row Y, from column X, WIDTH wide,
 * and a hitbox over it that turns the page (CMD_PAGE_DOWN when BELOW). */
void widget_page_hint(struct hits *hits, int y, int x, int width, const char *hint, bool below);

struct button;

/* A clickable area of H rows and W columns at row Y, column X that gives
 * button B's command (text that is not drawn as a button, such as a hint). */
void widget_hitbox(struct hits *hits, int y, int x, int h, int w, const struct button *b);

/* Rows the N BLOCKS take at WIDTH, the blank rows between them included. */
int widget_blocks_height(const struct text_block *blocks, int n, int width);

/* The first row of the page after (DIR > 0) or before (DIR < 0) the one
 * that holds row SCROLL, as widget_pages lays them out; the first or last
 * page's own first row when there is none further. */
int widget_page_turn(const struct text_block *blocks, int n, int width, int rows, int scroll,
                     int dir);

/* Rows TEXT takes when wrapped to WIDTH. */
int widget_text_height(const char *text, int width);

/* Draws TEXT on row Y, centred in the screen width (cut if too long), and
 * returns the column it starts at. */
int widget_centered(int y, const char *text, enum role role);

/* The title on the top row, a rule under it, and RIGHT (may be NULL) at the
 * right end of the title row. Content starts on row 2. */
void widget_header(const char *title, const char *right);

/* The column and width of the reading area: the window less margins, at
 * most 80 columns wide and centred, since long lines are hard to read. */
void widget_content(int *x, int *width);

struct button {
    const char *label;
    enum command cmd; /* the command a click gives */
    int language;     /* a language button: 1 + its index (cmd CMD_NONE); else 0 */
    bool chosen;      /* marks the recorded answer */
};

/* Records (Y, X) as where the frame's attention is (struct hits): the
 * loop puts the cursor there. A later call wins, so a box drawn over a
 * screen takes the attention from it. */
void widget_attention(struct hits *hits, int y, int x);

/* Lays out N buttons in centred rows from row Y (each HEIGHT rows: 1, or
 * 3 for boxed buttons that are easy to hit on a touch screen), as many to a
 * row as the width allows, the FOCUS-th highlighted (none when FOCUS is
 * out of range), wider labels when BIG; records them in HITS, and the
 * focused button's label as where the attention is. Returns the screen rows
 * used. */
int widget_buttons(struct hits *hits, bool big, int y, const struct button *buttons, int n,
                   int focus, int height);

/* How many rows of buttons widget_buttons makes of BUTTONS at this width:
 * a screen reserves that many times the button height. */
int widget_button_rows(const struct button *buttons, int n, bool big);

/* Rows for a button on this screen: boxed (3) when there is room or touch-
 * sized buttons are wanted, else 1. */
int widget_button_height(const struct tui *ui);

/* "LABEL [#####.....]" style progress from POS of TOTAL in WIDTH columns. */
void widget_progress(int y, int x, int width, const char *label, size_t pos, size_t total);

/* A bar of WIDTH columns filled to SCORE percent. */
void widget_score_bar(int y, int x, int width, int score, enum role role);

/* The key hints on the bottom row. */
void widget_keys(const char *text);

/* The key hints on the bottom rows, as many as they need so that nothing
 * of them is cut (a screen that reserves widget_keys_height rows). */
void widget_keys_wrapped(const char *text);

/* Rows widget_keys_wrapped takes for TEXT. */
int widget_keys_height(const char *text);

/* Clears a centred, framed box for INNER_H rows of text (less when the
 * window is short) and returns where its text goes. */
void widget_box(int inner_h, int *y, int *x, int *w);

/* The width of the text area widget_box will give (to measure text first). */
int widget_box_text_width(void);

/* The hitbox under (Y, X), or NULL. */
const struct hitbox *widget_hit(const struct hits *hits, int y, int x);

#endif
