/* SPDX-License-Identifier: MIT */
/* screens: one draw function and one key handler per screen and overlay.
 * Draw functions only draw: they read the state, draw on stdscr and record
 * the buttons they draw, with their commands, in HITS (the terminal's modes,
 * the cursor included, are terminal.c's, set by the loop). Key handlers
 * (*_key) take a whole key event, borrowed for the call, ask keymap_command
 * what it means once and return the action it asks for; the text boxes
 * (Save, staff PIN) take whole characters from it. *_command gives the
 * action of a command (a key's, or a clicked button's) and *_button that of
 * the FOCUS-th button (Enter). None changes the state: the loop (tui.c)
 * applies the action they return (apply.h). */
#ifndef MUSCLECHECK_TUI_SCREENS_H
#define MUSCLECHECK_TUI_SCREENS_H

#include "action.h"
#include "keydec.h"
#include "state.h"

void screen_welcome_draw(const struct tui *ui, struct hits *hits);
struct action screen_welcome_key(const struct tui *ui, const struct keydec_event *ev);
struct action screen_welcome_command(const struct tui *ui, enum command cmd);

void screen_question_draw(const struct tui *ui, struct hits *hits);
struct action screen_question_key(const struct tui *ui, const struct keydec_event *ev);
struct action screen_question_command(const struct tui *ui, enum command cmd);
/* What answer button FOCUS (0 yes, 1 no, 2 unsure) gives. */
struct action screen_question_button(const struct tui *ui, int focus);
/* The focus that shows the recorded answer of question Q (Yes when none). */
int screen_question_focus(const struct flow *f, size_t q);

void screen_red_flag_draw(const struct tui *ui, struct hits *hits);
struct action screen_red_flag_key(const struct tui *ui, const struct keydec_event *ev);
struct action screen_red_flag_command(const struct tui *ui, enum command cmd);

/* The results (SCREEN_RESULTS) and the comparison table (SCREEN_TABLE),
 * drawn from the laid-out view (view.h). */
void screen_results_draw(const struct tui *ui, struct hits *hits);
/* Where the scrolling area of the results sits in this window: its first
 * row, how many rows it has, and the rows the buttons under it take (more
 * than one button's height when a narrow window puts them on two rows). */
void screen_results_geometry(const struct tui *ui, int *top, int *rows, int *buttons_h);
/* The column and width the view of SCREEN is laid out in. */
void screen_results_area(enum screen_id screen, int *x, int *w);
/* How many buttons the results screen has (its focus indexes them). */
int screen_results_button_count(const struct tui *ui);
/* The label of the FOCUS-th button under the results (NULL: none), for speech. */
const char *screen_results_button_label(const struct tui *ui, int focus);
struct action screen_results_key(const struct tui *ui, const struct keydec_event *ev);
struct action screen_results_command(const struct tui *ui, enum command cmd);
/* What the FOCUS-th button under the results gives. */
struct action screen_results_button(const struct tui *ui, int focus);

void overlay_help_draw(const struct tui *ui, struct hits *hits);
void overlay_quit_draw(const struct tui *ui, struct hits *hits);
struct action overlay_quit_key(const struct tui *ui, const struct keydec_event *ev);
struct action overlay_quit_command(const struct tui *ui, enum command cmd);
/* What button FOCUS of the box (0 yes, 1 no) gives. */
struct action overlay_quit_button(const struct tui *ui, int focus);

/* Kiosk: the idle countdown and the staff PIN prompt. */
void overlay_idle_draw(const struct tui *ui, struct hits *hits);
void overlay_staff_draw(const struct tui *ui, struct hits *hits);
struct action overlay_staff_key(const struct tui *ui, const struct keydec_event *ev);

/* The summary's file name, and short messages (saved, printed, failed). */
void overlay_save_draw(const struct tui *ui, struct hits *hits);
struct action overlay_save_key(const struct tui *ui, const struct keydec_event *ev);
void overlay_message_draw(const struct tui *ui, struct hits *hits);
/* "Printing...": shown while the summary goes to the print command. */
void overlay_printing_draw(const struct tui *ui, struct hits *hits);

/* The "please enlarge the window" screen. */
void screen_small_draw(const struct tui *ui);

/* Whether the box on top is one that any key (or a tap) closes: help, a
 * message, "still there?". */
bool tui_any_key_closes(const struct tui *ui);

/* What key event EV asks for on whatever is on top (an overlay, or the
 * screen). */
struct action tui_key_action(const struct tui *ui, const struct keydec_event *ev);

/* What a left click asks for: HIT is the button under it (NULL: none).
 * A box that any key closes closes with a tap anywhere. */
struct action tui_click_action(const struct tui *ui, const struct hitbox *hit);

/* Action K carrying the whole character TEXT (NUL-terminated, at most 4
 * bytes of UTF-8) in its text and its code point in its arg. */
struct action action_text(enum action_kind k, const char *text);

#endif
