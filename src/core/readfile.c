/* SPDX-License-Identifier: MIT */
/* readfile: bounded whole-file reads with plain-language errors. */
#include "musclecheck/readfile.h"

#include "musclecheck/utf8.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

bool readfile_utf16(const char *buf, size_t len)
{
    const unsigned char *b = (const unsigned char *)buf;
    return len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF));
}

int readfile_check_nul(const char *buf, size_t len, struct diag_list *diags)
{
    const char *nul = memchr(buf, '\0', len);
    if (nul == NULL)
        return 0;
    int line = 1, column = 1;
    const char *p = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? buf + 3 : buf;
    for (; p < nul; p++) {
        if (*p == '\n') {
            line++;
            column = 1;
        } else if (!utf8_continues((unsigned char)*p)) { /* a character, not a byte of one */
            column++;
        }
    }
    diag_add(diags, line, column,
             "the file has a NUL byte (a zero byte) here; remove it, or check that this is the "
             "right file: it may not be a text file");
    return -1;
}

static enum read_result read_stream(FILE *fp, size_t max_bytes, char **buf, size_t *len,
                                    struct diag_list *diags)
{
    size_t cap = 8192, used = 0;
    char *data = malloc(cap);
    if (data == NULL) {
        diag_no_memory(diags);
        return READ_NO_MEMORY;
    }
    for (;;) {
        if (used + 1 == cap) {
            if (cap > max_bytes + 1) {
                free(data);
                diag_add(diags, 0, 0, "the file is too large (more than %zu bytes)", max_bytes);
                return READ_BAD_DATA;
            }
            char *bigger = realloc(data, cap * 2);
            if (bigger == NULL) {
                free(data);
                diag_no_memory(diags);
                return READ_NO_MEMORY;
            }
            data = bigger;
            cap *= 2;
        }
        size_t n = fread(data + used, 1, cap - 1 - used, fp);
        used += n;
        if (n == 0)
            break;
    }
    if (ferror(fp)) {
        int err = errno;
        free(data);
        diag_add(diags, 0, 0, "cannot read the file: %s", strerror(err));
        return READ_NO_INPUT;
    }
    if (used > max_bytes) {
        free(data);
        diag_add(diags, 0, 0, "the file is too large (more than %zu bytes)", max_bytes);
        return READ_BAD_DATA;
    }
    data[used] = '\0';
    if (!readfile_utf16(data, used) && readfile_check_nul(data, used, diags) != 0) {
        free(data);
        return READ_BAD_DATA;
    }
    *buf = data;
    *len = used;
    return READ_OK;
}

enum read_result readfile(const char *path, size_t max_bytes, char **buf, size_t *len,
                          struct diag_list *diags)
{
    if (strcmp(path, "-") == 0)
        return read_stream(stdin, max_bytes, buf, len, diags);
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        int err = errno;
        if (err == ENOMEM) {
            diag_no_memory(diags);
            return READ_NO_MEMORY;
        }
        if (err == ENOENT)
            diag_add(diags, 0, 0, "no such file; check the name and the folder");
        else if (err == EACCES)
            diag_add(diags, 0, 0, "permission denied; the file must be readable by this user");
        else
            diag_add(diags, 0, 0, "cannot open the file: %s", strerror(err));
        return READ_NO_INPUT;
    }
    struct stat st;
    bool known = fstat(fileno(fp), &st) == 0;
    if (known && S_ISDIR(st.st_mode)) {
        fclose(fp);
        diag_add(diags, 0, 0, "this is a folder, not a file; give the path of a file");
        return READ_NO_INPUT;
    }
    if (known && S_ISREG(st.st_mode) && (size_t)st.st_size > max_bytes) {
        fclose(fp);
        diag_add(diags, 0, 0, "the file is too large (%lld bytes; at most %zu)",
                 (long long)st.st_size, max_bytes);
        return READ_BAD_DATA;
    }
    enum read_result r = read_stream(fp, max_bytes, buf, len, diags);
    fclose(fp);
    return r;
}
