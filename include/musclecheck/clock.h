/* SPDX-License-Identifier: MIT */
/* clock: the one clock for timers (the idle wipe, the print job's time
 * limit, the Esc delay): monotonic, so that a change of the wall clock never
 * wipes a session early or keeps a print running. */
#ifndef MUSCLECHECK_CLOCK_H
#define MUSCLECHECK_CLOCK_H

/* Milliseconds on a clock that never jumps (CLOCK_MONOTONIC). */
long long clock_now_ms(void);

#endif
