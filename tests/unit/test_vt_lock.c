/* SPDX-License-Identifier: MIT */
/* Tests for the console switch lock: it only acts on a Linux virtual
 * console and only when the lock-down asks for it; anywhere else (a pipe,
 * a pseudo-terminal) it does nothing and leaves SIGUSR1 alone. A real
 * console cannot be tested here (no VT in a test). */
#include "support.h"

#include "musclecheck/vt_lock.h"

#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

static void is_a_no_op_off_a_console(void **state)
{
    (void)state;
    int p[2];
    assert_int_equal(pipe(p), 0);
    assert_int_equal(unsetenv("MUSCLECHECK_VT_LOCK"), 0);
    assert_int_equal(vt_lock_start(p[0]), 0);
    assert_int_equal(setenv("MUSCLECHECK_VT_LOCK", "1", 1), 0);
    assert_int_equal(vt_lock_start(p[0]), 0); /* asked, but not a console */
    struct sigaction sa;
    assert_int_equal(sigaction(SIGUSR1, NULL, &sa), 0);
    assert_true(sa.sa_handler == SIG_DFL);
    vt_lock_stop(); /* nothing locked: nothing to undo */
    assert_int_equal(sigaction(SIGUSR1, NULL, &sa), 0);
    assert_true(sa.sa_handler == SIG_DFL);
    close(p[0]);
    close(p[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(is_a_no_op_off_a_console),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
