/* SPDX-License-Identifier: MIT */
/* vt_lock: refusing console switches on a Linux virtual console. With
 * VT_SETMODE VT_PROCESS the kernel no longer switches away by itself: it
 * sends the owner a signal and waits for VT_RELDISP, where 0 means "stay".
 * The owner's death gives switching back to the kernel, so a crashed kiosk
 * never leaves the console stuck. */
#include "musclecheck/vt_lock.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#ifdef __linux__
#include <linux/vt.h>
#include <signal.h>
#include <sys/ioctl.h>

static volatile int lock_fd = -1;
static struct vt_mode saved_mode;

/* Another console was asked for: refuse. ioctl is a plain system call,
 * safe in a handler; errno is kept for the code the signal interrupted. */
static void on_release(int sig)
{
    (void)sig;
    int e = errno;
    if (lock_fd >= 0)
        ioctl(lock_fd, VT_RELDISP, 0);
    errno = e;
}

/* The console came back to the kiosk (a switch forced while unlocked, or
 * before the lock): acknowledge it, as VT_PROCESS requires. */
static void on_acquire(int sig)
{
    (void)sig;
    int e = errno;
    if (lock_fd >= 0)
        ioctl(lock_fd, VT_RELDISP, VT_ACKACQ);
    errno = e;
}

static void set_handler(int sig, void (*fn)(int))
{
    struct sigaction sa = {.sa_handler = fn, .sa_flags = SA_RESTART};
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

int vt_lock_start(int fd)
{
    const char *want = getenv("MUSCLECHECK_VT_LOCK");
    if (want == NULL || strcmp(want, "1") != 0 || lock_fd >= 0)
        return 0;
    struct vt_mode mode;
    if (ioctl(fd, VT_GETMODE, &mode) != 0)
        return 0; /* not a virtual console: nothing to lock */
    saved_mode = mode;
    lock_fd = fd;
    set_handler(SIGUSR1, on_release);
    set_handler(SIGUSR2, on_acquire);
    mode.mode = VT_PROCESS;
    mode.waitv = 0;
    mode.relsig = SIGUSR1;
    mode.acqsig = SIGUSR2;
    mode.frsig = 0;
    if (ioctl(fd, VT_SETMODE, &mode) != 0) {
        int e = errno;
        lock_fd = -1;
        set_handler(SIGUSR1, SIG_DFL);
        set_handler(SIGUSR2, SIG_DFL);
        errno = e;
        return -1;
    }
    return 1;
}

void vt_lock_stop(void)
{
    if (lock_fd < 0)
        return;
    struct vt_mode mode = saved_mode;
    if (mode.mode == VT_PROCESS)
        mode.mode = VT_AUTO; /* never hand a console to a process that has gone */
    ioctl(lock_fd, VT_SETMODE, &mode);
    /* A request already under way may still signal: ignore it, never die of
     * SIGUSR1's default action. */
    set_handler(SIGUSR1, SIG_IGN);
    set_handler(SIGUSR2, SIG_IGN);
    lock_fd = -1;
}

#else

int vt_lock_start(int fd)
{
    (void)fd;
    return 0;
}

void vt_lock_stop(void)
{
}

#endif
