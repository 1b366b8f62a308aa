/* SPDX-License-Identifier: MIT */
/* scratch: a test's own folder of files. */
#include <setjmp.h> /* cmocka needs these first */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "scratch.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char folder[64];

int scratch_make(void **state)
{
    (void)state;
    snprintf(folder, sizeof(folder), "/tmp/mc-scratch-XXXXXX");
    return mkdtemp(folder) != NULL ? 0 : -1;
}

int scratch_remove(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", folder);
    return system(cmd) == 0 ? 0 : -1;
}

const char *scratch_path(const char *name)
{
    static char buf[4][256];
    static int next;
    char *p = buf[next++ % 4];
    snprintf(p, sizeof(buf[0]), "%s/%s", folder, name);
    return p;
}

void scratch_put(const char *name, const char *text, mode_t mode)
{
    FILE *fp = fopen(scratch_path(name), "w");
    assert_non_null(fp);
    fputs(text, fp);
    assert_int_equal(fclose(fp), 0);
    assert_int_equal(chmod(scratch_path(name), mode), 0);
}

const char *scratch_text(const char *name)
{
    static char buf[8192];
    FILE *fp = fopen(scratch_path(name), "r");
    assert_non_null(fp);
    buf[fread(buf, 1, sizeof(buf) - 1, fp)] = '\0';
    fclose(fp);
    return buf;
}

mode_t scratch_mode(const char *name)
{
    struct stat st;
    assert_int_equal(lstat(scratch_path(name), &st), 0);
    return st.st_mode;
}

const char *scratch_listing(void)
{
    static char names[1024];
    struct dirent **list;
    int n = scandir(folder, &list, NULL, alphasort);
    assert_true(n >= 0);
    names[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (strcmp(list[i]->d_name, ".") != 0 && strcmp(list[i]->d_name, "..") != 0) {
            if (names[0] != '\0')
                strncat(names, " ", sizeof(names) - strlen(names) - 1);
            strncat(names, list[i]->d_name, sizeof(names) - strlen(names) - 1);
        }
        free(list[i]);
    }
    free(list);
    return names;
}
