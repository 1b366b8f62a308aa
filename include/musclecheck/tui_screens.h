/* SPDX-License-Identifier: MIT */
/* tui_screens: one draw function and one key handler per screen and
 * overlay. Draw functions only read the state (and record hitboxes); key
 * handlers change the state and return what the loop should do next. */
#ifndef MUSCLECHECK_TUI_SCREENS_H
#define MUSCLECHECK_TUI_SCREENS_H

#include "musclecheck/tui.h"
#include "musclecheck/tui_state.h"

void screen_welcome_draw(struct tui *ui);
enum step screen_welcome_key(struct tui *ui, int key);

void screen_question_draw(struct tui *ui);
enum step screen_question_key(struct tui *ui, int key);

void screen_red_flag_draw(struct tui *ui);
enum step screen_red_flag_key(struct tui *ui, int key);

/* The results (SCREEN_RESULTS) and the comparison table (SCREEN_TABLE). */
void screen_results_draw(struct tui *ui);
enum step screen_results_key(struct tui *ui, int key);

void overlay_help_draw(struct tui *ui);
enum step overlay_help_key(struct tui *ui, int key);

void overlay_quit_draw(struct tui *ui);
enum step overlay_quit_key(struct tui *ui, int key);

/* Kiosk: the idle countdown and the staff PIN prompt. */
void overlay_idle_draw(struct tui *ui);
void overlay_staff_draw(struct tui *ui);
enum step overlay_staff_key(struct tui *ui, int key);

/* The summary: saving it (outside kiosk mode) and printing it (kiosk). */
void tui_save_start(struct tui *ui);
void overlay_save_draw(struct tui *ui);
enum step overlay_save_key(struct tui *ui, int key);
void tui_print(struct tui *ui);
void overlay_message_draw(struct tui *ui);

/* Switches to language I of the surveys, with a fresh session. */
void tui_set_language(struct tui *ui, size_t i);

/* Kiosk: wipes the session and the screen and shows the welcome again. */
void tui_kiosk_reset(struct tui *ui);

/* The "please enlarge the window" screen. */
void screen_small_draw(struct tui *ui);

/* Shared moves between screens. */
void tui_go_welcome(struct tui *ui);
void tui_go_question(struct tui *ui, size_t q);
/* Opens the quit confirmation with "No" focused, so a stray Enter is harmless. */
void tui_ask_quit(struct tui *ui);
/* Builds the report and shows the results; false when out of memory. */
bool tui_go_results(struct tui *ui);

/* Keys that every screen treats alike. */
#define KEY_CTRL(c) ((c)&0x1f)
#define KEY_ESC 27
#define IS_ENTER(k) ((k) == '\r' || (k) == '\n' || (k) == KEY_ENTER || (k) == ' ')
#define IS_HELP(k) ((k) == '?' || (k) == KEY_F(1))
#define IS_QUIT(k) ((k) == 'q' || (k) == 'Q' || (k) == KEY_ESC)
/* Kiosk: the first half of the staff exit (then the PIN). */
#define KEY_STAFF KEY_CTRL('x')

#endif
