/* SPDX-License-Identifier: MIT */
/* kiosk_start: starting the kiosk for an end-to-end test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "kiosk_start.h"
#include "vt_assert.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct vt *kiosk_start(void **state, const char *binary, const char *source_dir,
                       const char *const *extra, char *const env[])
{
    static char questions[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    char *argv[16] = {(char *)binary, "--kiosk", "--questions", questions};
    int argc = 4;
    for (; extra != NULL && *extra != NULL && argc < 15; extra++)
        argv[argc++] = (char *)*extra;
    argv[argc] = NULL;
    struct vt *vt = vt_spawn(argv, env, 24, 80);
    assert_non_null(vt);
    *state = vt;
    VT_ASSERT_TEXT(vt, "Press Enter to start", 5000);
    VT_ASSERT(vt, vt_wait_quiet(vt, 30, 5000));
    return vt;
}

void kiosk_answer_until_results(struct vt *vt, const char *key)
{
    vt_send(vt, VT_ENTER);
    for (int n = 0; n < 80; n++) {
        VT_ASSERT(vt, vt_wait_quiet(vt, 30, 5000));
        if (vt_find(vt, "Your results", NULL, NULL))
            return;
        VT_ASSERT_TEXT(vt, "Question ", 5000);
        vt_send(vt, key);
    }
    fail_msg("no results after 80 answers");
}

int kiosk_memory_count(int pid, const char *needle)
{
    char path[64], line[512];
    snprintf(path, sizeof(path), "/proc/%d/maps", pid);
    FILE *maps = fopen(path, "r");
    snprintf(path, sizeof(path), "/proc/%d/mem", pid);
    int mem = open(path, O_RDONLY);
    if (maps == NULL || mem < 0) {
        if (maps != NULL)
            fclose(maps);
        if (mem >= 0)
            close(mem);
        return -1;
    }
    int count = 0;
    size_t nlen = strlen(needle);
    while (fgets(line, sizeof(line), maps) != NULL) {
        unsigned long start, end;
        char perms[8], name[256] = "";
        if (sscanf(line, "%lx-%lx %7s %*s %*s %*s %255[^\n]", &start, &end, perms, name) < 3)
            continue;
        /* Writable memory that no file backs: where the program's data lives. */
        bool anon = name[0] == '\0' || strcmp(name, "[heap]") == 0 ||
                    strcmp(name, "[stack]") == 0 || strncmp(name, "[anon", 5) == 0;
        if (perms[0] != 'r' || perms[1] != 'w' || !anon || end - start > (64ul << 20))
            continue;
        char *buf = malloc(end - start);
        ssize_t got = buf != NULL ? pread(mem, buf, end - start, (off_t)start) : -1;
        for (ssize_t i = 0; got > 0 && i + (ssize_t)nlen <= got; i++)
            count += memcmp(buf + i, needle, nlen) == 0;
        free(buf);
    }
    fclose(maps);
    close(mem);
    return count;
}
