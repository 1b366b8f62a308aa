/* SPDX-License-Identifier: MIT */
/* apply: the only code that changes the screens' state. The main loop
 * hands it the action a key asked for, and brings the laid-out results up
 * to date before each frame. */
#ifndef MUSCLECHECK_TUI_APPLY_H
#define MUSCLECHECK_TUI_APPLY_H

#include "action.h"
#include "state.h"

#include "musclecheck/session.h"

#include <stdbool.h>

/* Applies A to UI; returns true when the program should end. */
bool tui_apply(struct tui *ui, struct action a);

/* Shows the welcome screen with every answer forgotten. */
void tui_go_welcome(struct tui *ui);

/* Kiosk: wipes the answers, the results and the screen for the next patient. */
void tui_kiosk_reset(struct tui *ui);

/* Lays the results or the table out again when the document, the view or
 * the width changed since the last frame (not otherwise), and keeps the
 * scroll position and focus within range. */
void tui_view_sync(struct tui *ui);

/* Kiosk: what time NOW (ms) means when no key came: the "still there?"
 * countdown, the wipe of an idle session, a staff PIN box left open, a
 * red-flag screen left alone. Returns true when the screen changed. */
bool tui_idle_tick(struct tui *ui, long long now);

/* Kiosk: whether the "still there?" box, once shown, changes its number
 * when SECONDS are left: at each multiple of 5 and in the last 3 seconds,
 * never every second (a screen reader reads each change aloud). */
bool tui_countdown_step(int seconds);

/* Kiosk: whether the idle time has run out at NOW with something to wipe,
 * so that a key arriving now must not reach the old session. */
bool tui_idle_expired(const struct tui *ui, long long now);

/* Kiosk: the seconds the locked staff box shows at NOW: what is left of
 * the lock rounded up to a multiple of 15, so that the box changes four
 * times a minute, not every second (a screen reader reads each change);
 * 0 when the box is not locked. */
int tui_pin_lock_seconds(const struct tui *ui, long long now);

/* Kiosk: how long before an idle session is wiped the "still there?"
 * warning comes: a third of the idle time, at most 20 seconds. */
long long tui_idle_warning_ms(const struct tui *ui);

/* Kiosk: runs the alert command when the answers in SE (the patient's, on
 * the full screen or in line mode) call for an alert this patient has not
 * caused yet; the core decides which (desk_alert.h). */
void tui_alert_desk(struct tui *ui, const struct session *se);

/* Kiosk: moves the running alert commands on at NOW (print_job_poll),
 * ending those past their time and writing any failure for staff (the
 * journal), never on the screen. */
void tui_alerts_poll(struct tui *ui, long long now);

/* Frees what UI owns, wiping the answers; a print job still running is
 * ended. */
void tui_state_free(struct tui *ui);

#endif
