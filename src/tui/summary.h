/* SPDX-License-Identifier: MIT */
/* summary: what the Save and Print actions do: write the summary for a
 * doctor to a file the person names (never replacing a file without
 * asking), or, in a kiosk, hand it to the clinic's print command so that
 * nothing is kept on disk. Called by the loop (apply.c) only. */
#ifndef MUSCLECHECK_TUI_SUMMARY_H
#define MUSCLECHECK_TUI_SUMMARY_H

#include "state.h"

#include <stdbool.h>

/* Opens the file-name box with a dated default name. */
void summary_save_start(struct tui *ui);

/* Saves under ui->save_path (replacing it only when REPLACE); asks about
 * replacing, or shows the outcome in the message box. */
void summary_save(struct tui *ui, bool replace);

/* Starts sending the summary to the print command, without waiting: the
 * "Printing" box shows until summary_print_poll sees the outcome. */
void summary_print(struct tui *ui);

/* Moves a print job on; when it has ended, frees it and shows the outcome.
 * Returns true when the screen changed. */
bool summary_print_poll(struct tui *ui);

#endif
