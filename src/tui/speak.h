/* SPDX-License-Identifier: MIT */
/* speak: the loop's side of reading aloud. After each frame the loop asks
 * tui_speak, which describes the screen to the core (speech_text.h), asks
 * it what should be said now and hands that to the engine (speech.h); the
 * engine speaks beside the loop and never holds it up. The state owns the
 * engine (tui.speech); tui_speech_free releases it. */
#ifndef MUSCLECHECK_TUI_SPEAK_H
#define MUSCLECHECK_TUI_SPEAK_H

#include "state.h"

#include <stdbool.h>

/* Starts the engine if it is not running. ASKED: the person pressed the
 * key, so a failure is also shown on the screen (a message box); either
 * way it is written once to standard error (the journal under the kiosk's
 * service) when no terminal is there, else when the program ends. Returns
 * whether there is speech. */
bool tui_speech_start(struct tui *ui, bool asked);

/* The speech key: on (starting the engine) or off (silent at once). */
void tui_speech_toggle(struct tui *ui);

/* Says what the frame just drawn shows that was not said yet (or all of it
 * after the repeat key). */
void tui_speak(struct tui *ui);

/* Silences speech at once and forgets what was said about (kiosk wipe,
 * red-flag screen gone stale); a kiosk's next patient starts with the
 * configured setting. */
void tui_speech_wipe(struct tui *ui);

/* Writes why there is no speech to standard error, if not done yet (after
 * the terminal is restored), and frees the engine. */
void tui_speech_free(struct tui *ui);

#endif
