/* SPDX-License-Identifier: MIT */
/* paths: locates bundled data relative to the running binary. */
#include "musclecheck/paths.h"

#include "musclecheck/lang.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef MC_BUILD_BIN_DIR
#error "MC_BUILD_BIN_DIR must be set by the build"
#endif

/* The folder holding the running binary, or "" when unknown. */
static void exe_dir(char *buf, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    if (n <= 0) {
        buf[0] = '\0';
        return;
    }
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (slash != NULL)
        *slash = '\0';
}

/* Copies DIR into BUF when it holds the reference file. */
static int try_dir(char *buf, size_t size, const char *dir)
{
    char file[PATH_MAX];
    snprintf(buf, size, "%s", dir);
    int n = snprintf(file, sizeof(file), "%.*s/%s.yaml", PATH_MAX - 16, dir, LANG_DEFAULT);
    return n > 0 && (size_t)n < sizeof(file) && access(file, R_OK) == 0 ? 0 : -1;
}

int paths_data_dir(char *buf, size_t size)
{
    char dir[PATH_MAX], real_build[PATH_MAX], rel[PATH_MAX];
    exe_dir(dir, sizeof(dir));
    bool in_build = false;
    if (dir[0] != '\0') {
        if (realpath(MC_BUILD_BIN_DIR, real_build) != NULL)
            in_build = strcmp(real_build, dir) == 0;
        else if (errno == ENOMEM)
            return -ENOMEM;
    }
    if (in_build && try_dir(buf, size, MC_SOURCE_QUESTIONS_DIR) == 0)
        return 0;
    if (dir[0] != '\0') {
        snprintf(rel, sizeof(rel), "%.*s/../%s", PATH_MAX - 64, dir, MC_INSTALL_DATA_SUBDIR);
        if (try_dir(buf, size, rel) == 0)
            return 0;
    }
    return try_dir(buf, size, MC_INSTALL_DATA_DIR);
}

static int by_code(const void *a, const void *b)
{
    const char *x = a, *y = b;
    if (strcmp(x, LANG_DEFAULT) == 0 || strcmp(y, LANG_DEFAULT) == 0)
        return strcmp(x, LANG_DEFAULT) == 0 ? (strcmp(y, LANG_DEFAULT) == 0 ? 0 : -1) : 1;
    return strcmp(x, y);
}

int paths_languages(const char *dir, char (*codes)[16], size_t max, size_t *count)
{
    *count = 0;
    DIR *d = opendir(dir);
    if (d == NULL)
        return -errno;
    size_t n = 0;
    struct dirent *e;
    while (n < max && (e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 6 || len - 5 >= 16 || strcmp(e->d_name + len - 5, ".yaml") != 0)
            continue;
        memcpy(codes[n], e->d_name, len - 5);
        codes[n][len - 5] = '\0';
        if (lang_valid_code(codes[n]))
            n++;
    }
    closedir(d);
    qsort(codes, n, sizeof(*codes), by_code);
    *count = n;
    return 0;
}
