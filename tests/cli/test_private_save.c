/* SPDX-License-Identifier: MIT */
/* End-to-end tests of the Save box in the real program (in a pseudo-
 * terminal, through libvterm): the summary holds a patient's answers, so
 * an existing readable file is replaced by a private one, a symbolic link
 * is refused with the file it points to untouched, and a failed save
 * leaves the old file as it was and no temporary file behind. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "args.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vt.h"
#include "vt_assert.h"

enum { T = 5000 };

static const char *binary;
static const char *source_dir;
static char dir[64];

static int setup(void **state)
{
    *state = NULL;
    snprintf(dir, sizeof(dir), "/tmp/mc-save-XXXXXX");
    return mkdtemp(dir) != NULL ? 0 : -1;
}

static int teardown(void **state)
{
    vt_free(*state);
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

static void put(const char *name, const char *text, mode_t mode)
{
    FILE *fp = fopen(in_dir(name), "w");
    assert_non_null(fp);
    fputs(text, fp);
    assert_int_equal(fclose(fp), 0);
    assert_int_equal(chmod(in_dir(name), mode), 0);
}

static char *text_of(const char *name)
{
    static char buf[8192];
    FILE *fp = fopen(in_dir(name), "r");
    assert_non_null(fp);
    buf[fread(buf, 1, sizeof(buf) - 1, fp)] = '\0';
    fclose(fp);
    return buf;
}

static mode_t mode_of(const char *name)
{
    struct stat st;
    assert_int_equal(lstat(in_dir(name), &st), 0);
    return st.st_mode;
}

/* The folder's names, sorted, joined by spaces (a temporary file left
 * behind shows up here). */
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

/* Starts the program in the folder (the Save box's default place) on the
 * two-question test file, through "/bin/sh -c SHELL_PREFIX exec ...", and
 * answers no twice to reach the results. */
static struct vt *start_at_results(void **state, const char *shell_prefix)
{
    char cmd[8192];
    snprintf(cmd, sizeof(cmd), "%s exec '%s' --questions '%s/tests/data/good/base.yaml'",
             shell_prefix, binary, source_dir);
    char *argv[] = {"/bin/sh", "-c", cmd, NULL};
    char *env[] = {"ESCDELAY=25", NULL};
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof(cwd)));
    assert_int_equal(chdir(dir), 0);
    struct vt *vt = vt_spawn(argv, env, 24, 80);
    assert_int_equal(chdir(cwd), 0);
    assert_non_null(vt);
    *state = vt;
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    vt_send(vt, VT_ENTER);
    VT_ASSERT_TEXT(vt, "Question 1 of 2", T);
    vt_send(vt, "n");
    VT_ASSERT_TEXT(vt, "Question 2 of 2", T);
    vt_send(vt, "n");
    VT_ASSERT_TEXT(vt, "Save summary", T);
    return vt;
}

/* Opens the Save box and saves under NAME. */
static void save_as(struct vt *vt, const char *name)
{
    vt_send(vt, "s");
    VT_ASSERT_TEXT(vt, "musclecheck-summary-", T);
    for (int i = 0; i < 40; i++)
        vt_send(vt, VT_BACKSPACE);
    VT_ASSERT_GONE(vt, "musclecheck-summary-", T);
    vt_send(vt, name);
    vt_send(vt, "\r");
}

static void readable_file_is_replaced_by_a_private_one(void **state)
{
    put("summary.txt", "an older summary that everyone could read\n", 0644);
    struct vt *vt = start_at_results(state, "");
    save_as(vt, "summary.txt");
    VT_ASSERT_TEXT(vt, "Replace it?", T);
    vt_send(vt, "y");
    VT_ASSERT_TEXT(vt, "Saved to", T);
    VT_ASSERT(vt, (mode_of("summary.txt") & 07777) == 0600);
    VT_ASSERT(vt, strstr(text_of("summary.txt"), "Summary for your doctor") != NULL);
    VT_ASSERT(vt, strstr(text_of("summary.txt"), "older") == NULL);
    VT_ASSERT(vt, strcmp(listing(), "summary.txt") == 0);
}

static void symbolic_link_is_refused(void **state)
{
    put("notes.txt", "the clinic's own notes\n", 0644);
    assert_int_equal(symlink("notes.txt", in_dir("summary.txt")), 0);
    struct vt *vt = start_at_results(state, "");
    save_as(vt, "summary.txt");
    VT_ASSERT_TEXT(vt, "Could not save the summary", T);
    VT_ASSERT_TEXT(vt, "link to another file", T);
    VT_ASSERT(vt, !vt_find(vt, "Replace it?", NULL, NULL));
    VT_ASSERT(vt, strcmp(text_of("notes.txt"), "the clinic's own notes\n") == 0);
    VT_ASSERT(vt, (mode_of("notes.txt") & 07777) == 0644);
    VT_ASSERT(vt, S_ISLNK(mode_of("summary.txt")));
    VT_ASSERT(vt, strcmp(listing(), "notes.txt summary.txt") == 0);
}

/* No byte may be written (as on a full disk): the save fails after the
 * temporary file was made. */
static void failed_save_leaves_no_temporary_file(void **state)
{
    put("summary.txt", "the old summary\n", 0644);
    struct vt *vt = start_at_results(state, "trap '' XFSZ; ulimit -f 0;");
    save_as(vt, "summary.txt");
    VT_ASSERT_TEXT(vt, "Replace it?", T);
    vt_send(vt, "y");
    VT_ASSERT_TEXT(vt, "Could not save the summary", T);
    VT_ASSERT_TEXT(vt, "File too large", T);
    VT_ASSERT(vt, strcmp(text_of("summary.txt"), "the old summary\n") == 0);
    VT_ASSERT(vt, strcmp(listing(), "summary.txt") == 0);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(readable_file_is_replaced_by_a_private_one, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(symbolic_link_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(failed_save_leaves_no_temporary_file, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
