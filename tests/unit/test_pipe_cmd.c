/* SPDX-License-Identifier: MIT */
/* Tests for handing text to a command (the kiosk's print command). */
#include "support.h"

#include "musclecheck/pipe_cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void write_hello(FILE *stream, void *ctx)
{
    fprintf(stream, "hello %s\n", (const char *)ctx);
}

static void write_lots(FILE *stream, void *ctx)
{
    (void)ctx;
    for (int i = 0; i < 100000; i++)
        fputs("a line of the summary that nobody reads\n", stream);
}

static void the_command_gets_the_text(void **state)
{
    (void)state;
    char path[] = "/tmp/mc-print-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "cat > %s; echo 'noise on stdout'; echo 'noise' >&2", path);
    assert_int_equal(pipe_cmd(cmd, write_hello, "printer", 5000), 0);
    FILE *fp = fopen(path, "r");
    char line[64] = "";
    assert_non_null(fgets(line, sizeof(line), fp));
    fclose(fp);
    unlink(path);
    assert_string_equal(line, "hello printer\n");
}

static void failures_are_reported(void **state)
{
    (void)state;
    assert_int_equal(pipe_cmd("exit 3", write_hello, "x", 5000), -1);
    assert_int_equal(pipe_cmd("/nonexistent/lp", write_hello, "x", 5000), -1);
    /* Stops reading at once: no SIGPIPE for us, and a failure. */
    assert_int_equal(pipe_cmd("exec 0<&-; exit 1", write_lots, NULL, 5000), -1);
}

static void a_hanging_command_is_stopped(void **state)
{
    (void)state;
    time_t start = time(NULL);
    assert_int_equal(pipe_cmd("sleep 30", write_hello, "x", 300), -1);
    assert_true(time(NULL) - start < 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_command_gets_the_text),
        cmocka_unit_test(failures_are_reported),
        cmocka_unit_test(a_hanging_command_is_stopped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
