/* SPDX-License-Identifier: MIT */
/* process: no core dumps, not dumpable, and a known signal state. */
#include "musclecheck/process.h"

#include <signal.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/resource.h>

int process_protect(void)
{
    const struct rlimit none = {0, 0};
    int status = setrlimit(RLIMIT_CORE, &none);
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        status = -1;
    return status;
}

int process_reset_signals(void)
{
    /* What the terminal (signals that end or suspend the program, resizes),
     * the print job (SIGCHLD, SIGPIPE) and the idle clock rely on. */
    static const int used[] = {SIGCHLD, SIGTERM, SIGHUP,  SIGINT,  SIGQUIT, SIGPIPE, SIGWINCH,
                               SIGTSTP, SIGCONT, SIGTTIN, SIGTTOU, SIGALRM, SIGUSR1, SIGUSR2};
    struct sigaction dfl = {.sa_handler = SIG_DFL};
    sigemptyset(&dfl.sa_mask);
    int status = 0;
    for (size_t i = 0; i < sizeof(used) / sizeof(used[0]); i++)
        if (sigaction(used[i], &dfl, NULL) != 0)
            status = -1;
    sigset_t none;
    sigemptyset(&none);
    if (sigprocmask(SIG_SETMASK, &none, NULL) != 0)
        status = -1;
    return status;
}
