/* SPDX-License-Identifier: MIT */
/* process: the process state the program sets for itself at start, whatever
 * it inherited from whoever started it (a shell, systemd, a careless
 * launcher). No pointers cross this interface. */
#ifndef MUSCLECHECK_PROCESS_H
#define MUSCLECHECK_PROCESS_H

/* Keeps the process's memory to itself: no core dump (it would hold the
 * staff PIN and a patient's answers), and not dumpable, so that no other
 * process of the same user (the print command included) can read it through
 * /proc/PID/mem or ptrace. Returns 0, or -1 (errno set) when the system
 * refuses. Called first thing in main. */
int process_protect(void);

/* Puts back the signal state the screens rely on: no signal blocked, and
 * the default action for the signals the terminal and the print job use
 * (SIGCHLD ignored would make every child vanish unreaped and printing never
 * end; SIGTERM blocked would make "systemctl stop" wait and then kill the
 * kiosk with the screen unwiped). The terminal module installs its own
 * handlers after this. Returns 0, or -1 (errno set). */
int process_reset_signals(void);

#endif
