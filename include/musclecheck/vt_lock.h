/* SPDX-License-Identifier: MIT */
/* vt_lock: a kiosk on a Linux console refuses console switches while it
 * runs (Ctrl-Alt-F1..F12, Alt-F1..F12, chvt), when the console lock-down
 * asks for it (MUSCLECHECK_VT_LOCK=1, set by "musclecheck-lockdown on").
 * Elsewhere (a terminal emulator, another system) it does nothing. */
#ifndef MUSCLECHECK_VT_LOCK_H
#define MUSCLECHECK_VT_LOCK_H

/* Takes over console switching on FD, the kiosk's terminal, when
 * MUSCLECHECK_VT_LOCK is 1 and FD is a Linux virtual console: the kernel
 * then asks the kiosk (SIGUSR1) before leaving its console, and the answer
 * is no. Returns 1 when locked, 0 when there is nothing to lock, -1 (errno
 * set) when the console refused; the kiosk runs on either way. Call before
 * the screen starts, once. */
int vt_lock_start(int fd);

/* Gives console switching back to the kernel (VT_AUTO); does nothing when
 * vt_lock_start did not lock. Call after the screen has stopped. */
void vt_lock_stop(void);

#endif
