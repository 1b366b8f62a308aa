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
#include "scratch.h"

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

static int teardown(void **state)
{
    vt_free(*state);
    return scratch_remove(state);
}

static mode_t mode_of(const char *name)
{
    return scratch_mode(name) & 07777;
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
    assert_int_equal(chdir(scratch_path("")), 0);
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

/* Saves over an existing summary.txt, 0644 with TEXT, answering yes to
 * "Replace it?"; SHELL_PREFIX as for start_at_results. */
static struct vt *replace_summary(void **state, const char *text, const char *shell_prefix)
{
    scratch_put("summary.txt", text, 0644);
    struct vt *vt = start_at_results(state, shell_prefix);
    save_as(vt, "summary.txt");
    VT_ASSERT_TEXT(vt, "Replace it?", T);
    vt_send(vt, "y");
    return vt;
}

static void readable_file_is_replaced_by_a_private_one(void **state)
{
    struct vt *vt = replace_summary(state, "an older summary that everyone could read\n", "");
    VT_ASSERT_TEXT(vt, "Saved to", T);
    VT_ASSERT(vt, mode_of("summary.txt") == 0600);
    VT_ASSERT(vt, strstr(scratch_text("summary.txt"), "Summary for your doctor") != NULL);
    VT_ASSERT(vt, strstr(scratch_text("summary.txt"), "older") == NULL);
    VT_ASSERT(vt, strcmp(scratch_listing(), "summary.txt") == 0);
}

static void symbolic_link_is_refused(void **state)
{
    scratch_put("notes.txt", "the clinic's own notes\n", 0644);
    assert_int_equal(symlink("notes.txt", scratch_path("summary.txt")), 0);
    struct vt *vt = start_at_results(state, "");
    save_as(vt, "summary.txt");
    VT_ASSERT_TEXT(vt, "Could not save the summary", T);
    VT_ASSERT_TEXT(vt, "link to another file", T);
    VT_ASSERT(vt, !vt_find(vt, "Replace it?", NULL, NULL));
    VT_ASSERT(vt, strcmp(scratch_text("notes.txt"), "the clinic's own notes\n") == 0);
    VT_ASSERT(vt, mode_of("notes.txt") == 0644);
    VT_ASSERT(vt, S_ISLNK(scratch_mode("summary.txt")));
    VT_ASSERT(vt, strcmp(scratch_listing(), "notes.txt summary.txt") == 0);
}

/* No byte may be written (as on a full disk): the save fails after the
 * temporary file was made. */
static void failed_save_leaves_no_temporary_file(void **state)
{
    struct vt *vt = replace_summary(state, "the old summary\n", "trap '' XFSZ; ulimit -f 0;");
    VT_ASSERT_TEXT(vt, "Could not save the summary", T);
    VT_ASSERT_TEXT(vt, "File too large", T);
    VT_ASSERT(vt, strcmp(scratch_text("summary.txt"), "the old summary\n") == 0);
    VT_ASSERT(vt, strcmp(scratch_listing(), "summary.txt") == 0);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(readable_file_is_replaced_by_a_private_one, scratch_make,
                                        teardown),
        cmocka_unit_test_setup_teardown(symbolic_link_is_refused, scratch_make, teardown),
        cmocka_unit_test_setup_teardown(failed_save_leaves_no_temporary_file, scratch_make,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
