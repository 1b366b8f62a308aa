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

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[64];

static int make_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof(dir), "/tmp/mc-private-XXXXXX");
    return mkdtemp(dir) != NULL ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static const char *in_dir(const char *name)
{
    static char buf[4][128];
    static int next;
    char *p = buf[next++ % 4];
    snprintf(p, 128, "%s/%s", dir, name);
    return p;
}

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

static void put(const char *path, const char *text, mode_t mode)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    assert_int_equal(fclose(fp), 0);
    assert_int_equal(chmod(path, mode), 0);
}

static void expect_text(const char *path, const char *text)
{
    char buf[256] = "";
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    buf[fread(buf, 1, sizeof(buf) - 1, fp)] = '\0';
    fclose(fp);
    assert_string_equal(buf, text);
}

static mode_t mode_of(const char *path)
{
    struct stat st;
    assert_int_equal(lstat(path, &st), 0);
    return st.st_mode & 07777;
}

/* The names in the folder, sorted, joined by spaces: a left-over
 * temporary file shows up here. */
static const char *listing(void)
{
    static char names[512];
    struct dirent **list;
    int n = scandir(dir, &list, NULL, alphasort);
    assert_true(n >= 0);
    names[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (strcmp(list[i]->d_name, ".") != 0 && strcmp(list[i]->d_name, "..") != 0) {
            if (names[0] != '\0')
                strcat(names, " ");
            strncat(names, list[i]->d_name, sizeof(names) - strlen(names) - 2);
        }
        free(list[i]);
    }
    free(list);
    return names;
}

static void new_file_is_private_whatever_the_umask(void **state)
{
    (void)state;
    char why[160] = "";
    mode_t old = umask(0277); /* would leave 0400 */
    int r =
        private_file_write(in_dir("summary.txt"), false, write_text, "answers\n", why, sizeof(why));
    umask(old);
    assert_int_equal(r, 0);
    expect_text(in_dir("summary.txt"), "answers\n");
    assert_int_equal(mode_of(in_dir("summary.txt")), 0600);
    assert_string_equal(listing(), "summary.txt");
}

static void open_file_is_replaced_and_made_private(void **state)
{
    (void)state;
    put(in_dir("summary.txt"), "an older, longer summary\n", 0644);
    char why[160] = "";
    assert_int_equal(
        private_file_write(in_dir("summary.txt"), true, write_text, "new\n", why, sizeof(why)), 0);
    expect_text(in_dir("summary.txt"), "new\n");
    assert_int_equal(mode_of(in_dir("summary.txt")), 0600);
    assert_string_equal(listing(), "summary.txt");
}

static void existing_file_is_kept_unless_replacing(void **state)
{
    (void)state;
    put(in_dir("summary.txt"), "keep me\n", 0644);
    char why[160] = "";
    errno = 0;
    assert_int_equal(
        private_file_write(in_dir("summary.txt"), false, write_text, "new\n", why, sizeof(why)),
        -1);
    assert_int_equal(errno, EEXIST);
    assert_string_equal(why, "that file exists already");
    expect_text(in_dir("summary.txt"), "keep me\n");
    assert_int_equal(mode_of(in_dir("summary.txt")), 0644);
    assert_string_equal(listing(), "summary.txt");
}

static void link_is_refused_and_its_file_untouched(void **state)
{
    (void)state;
    put(in_dir("other.txt"), "someone else's file\n", 0644);
    assert_int_equal(symlink("other.txt", in_dir("summary.txt")), 0);
    for (int replace = 0; replace <= 1; replace++) {
        char why[160] = "";
        errno = 0;
        assert_int_equal(private_file_write(in_dir("summary.txt"), replace, write_text, "new\n",
                                            why, sizeof(why)),
                         -1);
        assert_int_not_equal(errno, EEXIST); /* no "Replace it?" for a link */
        assert_non_null(strstr(why, "link"));
        expect_text(in_dir("other.txt"), "someone else's file\n");
        assert_int_equal(mode_of(in_dir("other.txt")), 0644);
        struct stat st;
        assert_int_equal(lstat(in_dir("summary.txt"), &st), 0);
        assert_true(S_ISLNK(st.st_mode));
        assert_string_equal(listing(), "other.txt summary.txt");
    }
    /* A dangling link would create the file it points to. */
    assert_int_equal(symlink("nowhere.txt", in_dir("dangling.txt")), 0);
    char why[160] = "";
    assert_int_equal(
        private_file_write(in_dir("dangling.txt"), true, write_text, "new\n", why, sizeof(why)),
        -1);
    assert_non_null(strstr(why, "link"));
    assert_string_equal(listing(), "dangling.txt other.txt summary.txt");
}

static void pipe_and_folder_are_refused(void **state)
{
    (void)state;
    assert_int_equal(mkfifo(in_dir("pipe"), 0600), 0); /* nobody reads it: must not hang */
    assert_int_equal(mkdir(in_dir("folder"), 0700), 0);
    const char *names[] = {"pipe", "folder"};
    for (size_t i = 0; i < 2; i++) {
        char why[160] = "";
        assert_int_equal(
            private_file_write(in_dir(names[i]), true, write_text, "new\n", why, sizeof(why)), -1);
        assert_string_equal(why, "that name is not an ordinary file");
    }
    assert_string_equal(listing(), "folder pipe");
}

static void failed_writer_leaves_the_old_file(void **state)
{
    (void)state;
    put(in_dir("summary.txt"), "old\n", 0600);
    char why[160] = "";
    assert_int_equal(
        private_file_write(in_dir("summary.txt"), true, write_then_fail, "half", why, sizeof(why)),
        -1);
    assert_true(why[0] != '\0');
    expect_text(in_dir("summary.txt"), "old\n");
    assert_string_equal(listing(), "summary.txt");
}

/* A full disk, as the file size limit: the write fails part way. Run in a
 * child so that the limit stays there. */
static void full_disk_leaves_no_temporary_file(void **state)
{
    (void)state;
    put(in_dir("summary.txt"), "old\n", 0600);
    static char big[64 * 1024];
    memset(big, 'x', sizeof(big) - 1);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit lim = {4096, 4096};
        char why[160] = "";
        if (setrlimit(RLIMIT_FSIZE, &lim) != 0)
            _exit(2);
        int r = private_file_write(in_dir("summary.txt"), true, write_text, big, why, sizeof(why));
        _exit(r == -1 && errno == EFBIG && strcmp(why, strerror(EFBIG)) == 0 ? 0 : 1);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    expect_text(in_dir("summary.txt"), "old\n");
    assert_string_equal(listing(), "summary.txt");
}

static void missing_folder_is_reported(void **state)
{
    (void)state;
    char why[160] = "";
    errno = 0;
    assert_int_equal(
        private_file_write(in_dir("no/such/summary.txt"), false, write_text, "x", why, sizeof(why)),
        -1);
    assert_int_equal(errno, ENOENT);
    assert_string_equal(why, strerror(ENOENT));
    assert_string_equal(listing(), "");
}

static void bare_name_goes_to_the_current_folder(void **state)
{
    (void)state;
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof(cwd)));
    assert_int_equal(chdir(dir), 0);
    put("summary.txt", "old\n", 0644);
    char why[160] = "";
    int r = private_file_write("summary.txt", true, write_text, "new\n", why, sizeof(why));
    assert_int_equal(chdir(cwd), 0);
    assert_int_equal(r, 0);
    expect_text(in_dir("summary.txt"), "new\n");
    assert_int_equal(mode_of(in_dir("summary.txt")), 0600);
    assert_string_equal(listing(), "summary.txt");
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, make_dir, remove_dir)
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
