/* SPDX-License-Identifier: MIT */
/* launch_inherited: starts a program the way a careless launcher would, for
 * the tests of what the kiosk does with the process state it inherits.
 *   MC_LAUNCH_PROGRAM=PROGRAM launch_inherited [ARG]...
 * runs PROGRAM with the ARGs (its argv[0] is this launcher's). Environment:
 * MC_LAUNCH_IGNORE_CHLD=1 ignores SIGCHLD, MC_LAUNCH_BLOCK_TERM=1
 * blocks SIGTERM (both survive exec), MC_LAUNCH_UID=N switches to user and
 * group N first (when run as root). */
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    const char *program = getenv("MC_LAUNCH_PROGRAM");
    if (program == NULL || argc < 1) {
        fputs("usage: MC_LAUNCH_PROGRAM=PROGRAM launch_inherited [ARG]...\n", stderr);
        return 64;
    }
    if (getenv("MC_LAUNCH_IGNORE_CHLD") != NULL)
        signal(SIGCHLD, SIG_IGN);
    if (getenv("MC_LAUNCH_BLOCK_TERM") != NULL) {
        sigset_t term;
        sigemptyset(&term);
        sigaddset(&term, SIGTERM);
        sigprocmask(SIG_BLOCK, &term, NULL);
    }
    const char *uid = getenv("MC_LAUNCH_UID");
    if (uid != NULL) {
        unsigned long id = strtoul(uid, NULL, 10);
        if (setgroups(0, NULL) != 0 || setgid((gid_t)id) != 0 || setuid((uid_t)id) != 0) {
            perror("launch_inherited: cannot switch user");
            return 71;
        }
    }
    execv(program, argv);
    perror("launch_inherited: cannot start the program");
    return 127;
}
