/* SPDX-License-Identifier: MIT */
/* Tests for private_file: a patient's file ends 0600 with the whole new
 * text whatever was there, a link or anything but a regular file is
 * refused with the thing it points to untouched, and no failure leaves a
 * temporary file behind or the old file changed. */
#include <setjmp.h> /* cmocka needs these first */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "musclecheck/private_file.h"
#include "scratch.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int write_text(FILE *out, void *arg)
{
    fputs(arg, out);
    return 0;
}

static int write_then_fail(FILE *out, void *arg)
{
    fputs(arg, out);
    return -1;
}

static mode_t mode_of(const char *name)
{
    return scratch_mode(name) & 07777;
}

enum { WHY_SIZE = 160 };

/* Writes TEXT to PATH through private_file_write; the reason in WHY. */
static int save(const char *path, bool replace, const char *text, char why[WHY_SIZE])
{
    why[0] = '\0';
    errno = 0;
    return private_file_write(path, replace, write_text, (void *)text, why, WHY_SIZE);
}

/* summary.txt holds TEXT, is private, and is alone in the folder. */
static void expect_private_summary(const char *text)
{
    assert_string_equal(scratch_text("summary.txt"), text);
    assert_int_equal(mode_of("summary.txt"), 0600);
    assert_string_equal(scratch_listing(), "summary.txt");
}

static void new_file_is_private_whatever_the_umask(void **state)
{
    (void)state;
    char why[WHY_SIZE];
    mode_t old = umask(0277); /* would leave 0400 */
    int r = save(scratch_path("summary.txt"), false, "answers\n", why);
    umask(old);
    assert_int_equal(r, 0);
    expect_private_summary("answers\n");
}

static void open_file_is_replaced_and_made_private(void **state)
{
    (void)state;
    scratch_put("summary.txt", "an older, longer summary\n", 0644);
    char why[WHY_SIZE];
    assert_int_equal(save(scratch_path("summary.txt"), true, "new\n", why), 0);
    expect_private_summary("new\n");
}

static void existing_file_is_kept_unless_replacing(void **state)
{
    (void)state;
    scratch_put("summary.txt", "keep me\n", 0644);
    char why[WHY_SIZE];
    assert_int_equal(save(scratch_path("summary.txt"), false, "new\n", why), -1);
    assert_int_equal(errno, EEXIST);
    assert_string_equal(why, "that file exists already");
    assert_string_equal(scratch_text("summary.txt"), "keep me\n");
    assert_int_equal(mode_of("summary.txt"), 0644);
    assert_string_equal(scratch_listing(), "summary.txt");
}

static void link_is_refused_and_its_file_untouched(void **state)
{
    (void)state;
    scratch_put("other.txt", "someone else's file\n", 0644);
    assert_int_equal(symlink("other.txt", scratch_path("summary.txt")), 0);
    for (int replace = 0; replace <= 1; replace++) {
        char why[WHY_SIZE];
        assert_int_equal(save(scratch_path("summary.txt"), replace, "new\n", why), -1);
        assert_int_not_equal(errno, EEXIST); /* no "Replace it?" for a link */
        assert_non_null(strstr(why, "link"));
        assert_string_equal(scratch_text("other.txt"), "someone else's file\n");
        assert_int_equal(mode_of("other.txt"), 0644);
        assert_true(S_ISLNK(scratch_mode("summary.txt")));
        assert_string_equal(scratch_listing(), "other.txt summary.txt");
    }
    /* A dangling link would create the file it points to. */
    assert_int_equal(symlink("nowhere.txt", scratch_path("dangling.txt")), 0);
    char why[WHY_SIZE];
    assert_int_equal(save(scratch_path("dangling.txt"), true, "new\n", why), -1);
    assert_non_null(strstr(why, "link"));
    assert_string_equal(scratch_listing(), "dangling.txt other.txt summary.txt");
}

static void pipe_and_folder_are_refused(void **state)
{
    (void)state;
    assert_int_equal(mkfifo(scratch_path("pipe"), 0600), 0); /* nobody reads it: must not hang */
    assert_int_equal(mkdir(scratch_path("folder"), 0700), 0);
    const char *names[] = {"pipe", "folder"};
    for (size_t i = 0; i < 2; i++) {
        char why[WHY_SIZE];
        assert_int_equal(save(scratch_path(names[i]), true, "new\n", why), -1);
        assert_string_equal(why, "that name is not an ordinary file");
    }
    assert_string_equal(scratch_listing(), "folder pipe");
}

static void failed_writer_leaves_the_old_file(void **state)
{
    (void)state;
    scratch_put("summary.txt", "old\n", 0600);
    char why[WHY_SIZE];
    assert_int_equal(private_file_write(scratch_path("summary.txt"), true, write_then_fail, "half",
                                        why, sizeof(why)),
                     -1);
    assert_true(why[0] != '\0');
    assert_string_equal(scratch_text("summary.txt"), "old\n");
    assert_string_equal(scratch_listing(), "summary.txt");
}

/* A full disk, as the file size limit: the write fails part way. Run in a
 * child so that the limit stays there. */
static void full_disk_leaves_no_temporary_file(void **state)
{
    (void)state;
    scratch_put("summary.txt", "old\n", 0600);
    static char big[64 * 1024];
    memset(big, 'x', sizeof(big) - 1);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit lim = {4096, 4096};
        char why[WHY_SIZE];
        if (setrlimit(RLIMIT_FSIZE, &lim) != 0)
            _exit(2);
        int r = save(scratch_path("summary.txt"), true, big, why);
        _exit(r == -1 && errno == EFBIG && strcmp(why, strerror(EFBIG)) == 0 ? 0 : 1);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_string_equal(scratch_text("summary.txt"), "old\n");
    assert_string_equal(scratch_listing(), "summary.txt");
}

static void missing_folder_is_reported(void **state)
{
    (void)state;
    char why[WHY_SIZE];
    assert_int_equal(save(scratch_path("no/such/summary.txt"), false, "x", why), -1);
    assert_int_equal(errno, ENOENT);
    assert_string_equal(why, strerror(ENOENT));
    assert_string_equal(scratch_listing(), "");
}

static void bare_name_goes_to_the_current_folder(void **state)
{
    (void)state;
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof(cwd)));
    assert_int_equal(chdir(scratch_path("")), 0);
    scratch_put("summary.txt", "old\n", 0644);
    char why[WHY_SIZE];
    int r = save("summary.txt", true, "new\n", why);
    assert_int_equal(chdir(cwd), 0);
    assert_int_equal(r, 0);
    expect_private_summary("new\n");
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, scratch_make, scratch_remove)
    const struct CMUnitTest tests[] = {
        T(new_file_is_private_whatever_the_umask),
        T(open_file_is_replaced_and_made_private),
        T(existing_file_is_kept_unless_replacing),
        T(link_is_refused_and_its_file_untouched),
        T(pipe_and_folder_are_refused),
        T(failed_writer_leaves_the_old_file),
        T(full_disk_leaves_no_temporary_file),
        T(missing_folder_is_reported),
        T(bare_name_goes_to_the_current_folder),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
