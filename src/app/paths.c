/* paths: locates bundled data relative to the running binary. */
#include "musclecheck/paths.h"

#include <limits.h>
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

static int try_path(char *buf, size_t size, const char *dir, const char *lang)
{
    int n = snprintf(buf, size, "%s/%s.yaml", dir, lang);
    return n > 0 && (size_t)n < size && access(buf, R_OK) == 0 ? 0 : -1;
}

int paths_questions(const char *lang, char *buf, size_t size)
{
    char dir[PATH_MAX];
    char rel[PATH_MAX + 32];
    exe_dir(dir, sizeof(dir));
    char real_build[PATH_MAX];
    if (dir[0] != '\0' && realpath(MC_BUILD_BIN_DIR, real_build) != NULL &&
        strcmp(real_build, dir) == 0 && try_path(buf, size, MC_SOURCE_QUESTIONS_DIR, lang) == 0)
        return 0;
    if (dir[0] != '\0') {
        snprintf(rel, sizeof(rel), "%s/../%s", dir, MC_INSTALL_DATA_SUBDIR);
        if (try_path(buf, size, rel, lang) == 0)
            return 0;
    }
    return try_path(buf, size, MC_INSTALL_DATA_DIR, lang);
}
