/* SPDX-License-Identifier: MIT */
/* Tests for the staff PIN: sources, file permission checks, comparison. */
#include "support.h"

#include "musclecheck/kiosk_pin.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/mc-pin-XXXXXX";

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) != NULL ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static const char *write_pin_file(const char *name, const char *content, mode_t mode)
{
    static char path[256];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(content, fp);
    fclose(fp);
    assert_int_equal(chmod(path, mode), 0);
    return path;
}

static void from_the_environment_and_then_gone(void **state)
{
    (void)state;
    char *pin = NULL, err[256];
    setenv(KIOSK_PIN_ENV, "4321", 1);
    assert_int_equal(kiosk_pin_load(NULL, &pin, err, sizeof(err)), 1);
    assert_string_equal(pin, "4321");
    assert_null(getenv(KIOSK_PIN_ENV)); /* nothing started later inherits it */
    kiosk_pin_free(pin);
    assert_int_equal(kiosk_pin_load(NULL, &pin, err, sizeof(err)), 0);
    assert_null(pin);
}

static void too_short_or_with_spaces_is_refused(void **state)
{
    (void)state;
    char *pin = NULL, err[256];
    setenv(KIOSK_PIN_ENV, "12", 1);
    assert_int_equal(kiosk_pin_load(NULL, &pin, err, sizeof(err)), -1);
    assert_non_null(strstr(err, "4 to 32"));
    setenv(KIOSK_PIN_ENV, "12 34", 1);
    assert_int_equal(kiosk_pin_load(NULL, &pin, err, sizeof(err)), -1);
    assert_non_null(strstr(err, "no spaces"));
    unsetenv(KIOSK_PIN_ENV);
}

static void private_file_is_read(void **state)
{
    (void)state;
    char *pin = NULL, err[256];
    const char *path = write_pin_file("pin", "987654  \n# comment\n", 0600);
    assert_int_equal(kiosk_pin_load(path, &pin, err, sizeof(err)), 1);
    assert_string_equal(pin, "987654");
    kiosk_pin_free(pin);
    path = write_pin_file("pin640", "987654\n", 0640);
    /* A PIN also in the environment is removed from it all the same, so
     * that no command the kiosk starts can read it. */
    setenv(KIOSK_PIN_ENV, "1111", 1);
    assert_int_equal(kiosk_pin_load(path, &pin, err, sizeof(err)), 1);
    assert_string_equal(pin, "987654");
    assert_null(getenv(KIOSK_PIN_ENV));
    kiosk_pin_free(pin);
}

static void readable_by_others_is_refused(void **state)
{
    (void)state;
    char *pin = NULL, err[256];
    const char *path = write_pin_file("open", "987654\n", 0644);
    assert_int_equal(kiosk_pin_load(path, &pin, err, sizeof(err)), -1);
    assert_non_null(strstr(err, "make it private"));
    path = write_pin_file("groupw", "987654\n", 0660);
    assert_int_equal(kiosk_pin_load(path, &pin, err, sizeof(err)), -1);
    char missing[300];
    snprintf(missing, sizeof(missing), "%s/nope", dir);
    assert_int_equal(kiosk_pin_load(missing, &pin, err, sizeof(err)), -1);
    assert_non_null(strstr(err, "cannot open"));
    assert_int_equal(kiosk_pin_load(dir, &pin, err, sizeof(err)), -1);
}

static void named_pipe_is_refused_at_once(void **state)
{
    (void)state;
    char *pin = NULL, err[256], fifo[300];
    snprintf(fifo, sizeof(fifo), "%s/fifo", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    /* Nobody writes to it: opening it without O_NONBLOCK would never return. */
    assert_int_equal(kiosk_pin_load(fifo, &pin, err, sizeof(err)), -1);
    assert_non_null(strstr(err, "must be a regular file"));
    assert_null(pin);
    unlink(fifo);
    assert_int_equal(kiosk_pin_load("/dev/null", &pin, err, sizeof(err)), -1);
    assert_non_null(strstr(err, "must be a regular file"));
}

static void comparison(void **state)
{
    (void)state;
    assert_true(kiosk_pin_equal("4321", "4321"));
    assert_false(kiosk_pin_equal("4321", "4322"));
    assert_false(kiosk_pin_equal("4321", "432"));
    assert_false(kiosk_pin_equal("4321", "43210"));
    assert_false(kiosk_pin_equal("4321", ""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(from_the_environment_and_then_gone),
        cmocka_unit_test(too_short_or_with_spaces_is_refused),
        cmocka_unit_test(private_file_is_read),
        cmocka_unit_test(readable_by_others_is_refused),
        cmocka_unit_test(named_pipe_is_refused_at_once),
        cmocka_unit_test(comparison),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
