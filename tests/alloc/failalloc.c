/* SPDX-License-Identifier: MIT */
/* failalloc: an LD_PRELOAD shim that makes one allocation fail, as SQLite's
 * fault injection does, so that a test can run a command with each of its
 * allocations failing in turn.
 *
 *   MC_FAILALLOC_AT=N     the Nth call (1-based) of malloc, calloc, realloc,
 *                         reallocarray, posix_memalign, aligned_alloc or
 *                         memalign returns NULL (ENOMEM); every other succeeds
 *   MC_FAILALLOC_COUNT=F  at exit, the number of calls is written to file F
 *   MC_FAILALLOC_RUN=DIR  the whole test in one process: the shim runs the
 *                         program once as it is, then once with each of its
 *                         allocations failing in turn, each in a child forked
 *                         before main (far cheaper than a new process under a
 *                         sanitizer), and checks every outcome (see judge);
 *                         the files go in DIR, stdin is reopened from
 *                         MC_FAILALLOC_STDIN (default /dev/null) for each run,
 *                         and the exit status is 0 when every outcome is
 *                         honest, 1 otherwise, with the failures on stderr
 *
 * Calls are counted from the shim's constructor on (before it, the dynamic
 * loader and the sanitizer runtime start up), libc's and the libraries' own
 * included: a failure anywhere must be handled. The real
 * functions are found with dlsym(RTLD_NEXT), which works under AddressSanitizer
 * too (ASAN_OPTIONS=verify_asan_link_order=0). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void *(*real_reallocarray)(void *, size_t, size_t);
static int (*real_posix_memalign)(void **, size_t, size_t);
static void *(*real_aligned_alloc)(size_t, size_t);
static void *(*real_memalign)(size_t, size_t);
static void (*real_free)(void *);

static atomic_ulong calls;
static unsigned long fail_at; /* 0: never */
static const char *count_file;
static int resolving;

/* dlsym may allocate (calloc) before the real functions are known: such
 * early calls are served from this buffer and never freed. */
static _Alignas(16) unsigned char early[8192];
static size_t early_used;

static void *early_alloc(size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (size > sizeof(early) - early_used)
        return NULL;
    void *p = early + early_used;
    early_used += size;
    return p;
}

static int is_early(const void *p)
{
    return (const unsigned char *)p >= early && (const unsigned char *)p < early + sizeof(early);
}

static void write_count(void)
{
    if (count_file == NULL)
        return;
    int fd = open(count_file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return;
    char buf[32];
    int n = snprintf(buf, sizeof(buf), "%lu\n", (unsigned long)atomic_load(&calls));
    if (n > 0 && write(fd, buf, (size_t)n) != n) {
        /* nothing to do: the test sees a missing count */
    }
    close(fd);
}

static void resolve(void)
{
    if (real_malloc != NULL || resolving)
        return;
    resolving = 1;
    real_free = (void (*)(void *))dlsym(RTLD_NEXT, "free");
    real_calloc = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "calloc");
    real_malloc = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
    real_realloc = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
    real_reallocarray = (void *(*)(void *, size_t, size_t))dlsym(RTLD_NEXT, "reallocarray");
    real_posix_memalign = (int (*)(void **, size_t, size_t))dlsym(RTLD_NEXT, "posix_memalign");
    real_aligned_alloc = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "aligned_alloc");
    real_memalign = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "memalign");
    resolving = 0;
}

static int armed;

/* The text of file PATH (malloc'ed, NUL-terminated), or NULL. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf != NULL && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 2) {
            char *bigger = realloc(buf, cap *= 2);
            if (bigger == NULL)
                free(buf);
            buf = bigger;
        }
    }
    fclose(f);
    if (buf != NULL)
        buf[len] = '\0';
    return buf;
}

/* In a child about to run the program: fail allocation AT, stdin from
 * INPUT, stdout and stderr to files in DIR. */
static void become_run(unsigned long at, const char *dir, const char *input)
{
    char path[4096];
    fail_at = at;
    int in = open(input, O_RDONLY);
    snprintf(path, sizeof(path), "%s/out", dir);
    int out = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    snprintf(path, sizeof(path), "%s/err", dir);
    int err = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0 || err < 0)
        _exit(125);
    dup2(in, 0), dup2(out, 1), dup2(err, 2);
    close(in), close(out), close(err);
}

/* Whether a run that ended with STATUS, OUT and ERR is honest, given the
 * reference run's REF_STATUS and REF_OUT: either the failure was absorbed
 * (the same exit and the same output as without it), or the program said it
 * ran out of memory and exited 71 (EX_OSERR). Never a crash, a sanitizer
 * report, a partial result with the reference's exit, or a message that
 * blames the input. WHY says what was wrong. */
static int judge(int status, const char *out, const char *err, int ref_status, const char *ref_out,
                 const char **why)
{
    if (WIFSIGNALED(status))
        return *why = "killed by a signal (a crash)", 0;
    int code = WEXITSTATUS(status);
    if (err != NULL && (strstr(err, "Sanitizer") != NULL || strstr(err, "runtime error") != NULL))
        return *why = "a sanitizer report", 0;
    if (code == 71)
        return err != NULL && strstr(err, "out of memory") != NULL
                   ? 1
                   : (*why = "exit 71 without saying \"out of memory\"", 0);
    if (WIFEXITED(ref_status) && code == WEXITSTATUS(ref_status) && out != NULL &&
        ref_out != NULL && strcmp(out, ref_out) == 0)
        return 1;
    return *why = code == WEXITSTATUS(ref_status) ? "a different result with the normal exit code"
                                                  : "an exit code other than 71",
           0;
}

/* MC_FAILALLOC_RUN: runs the whole test and exits; never returns in the
 * parent. Children return, to run main. */
static void serve(const char *dir)
{
    const char *input = getenv("MC_FAILALLOC_STDIN");
    if (input == NULL)
        input = "/dev/null";
    const char *only = getenv("MC_FAILALLOC_ONLY"); /* one run, to debug it */
    char path[4096], ref_out_path[4096];
    int saved_err = dup(2);
    FILE *report = fdopen(saved_err, "w");
    snprintf(ref_out_path, sizeof(ref_out_path), "%s/count", dir);
    pid_t pid = fork();
    if (pid == 0) {
        count_file = strdup(ref_out_path);
        atexit(write_count);
        become_run(0, dir, input);
        return;
    }
    int ref_status = 0;
    waitpid(pid, &ref_status, 0);
    char *count_text = slurp(ref_out_path);
    unsigned long count = count_text != NULL ? strtoul(count_text, NULL, 10) : 0;
    free(count_text);
    snprintf(ref_out_path, sizeof(ref_out_path), "%s/ref.out", dir);
    snprintf(path, sizeof(path), "%s/out", dir);
    rename(path, ref_out_path);
    char *ref_out = slurp(ref_out_path);
    if (count == 0 || ref_out == NULL) {
        fprintf(report, "failalloc: the reference run counted no allocation\n");
        _exit(1);
    }
    unsigned long first = only != NULL ? strtoul(only, NULL, 10) : 1;
    unsigned long last = only != NULL ? first : count;
    unsigned long bad = 0, absorbed = 0;
    for (unsigned long at = first; at <= last; at++) {
        pid = fork();
        if (pid == 0) {
            become_run(at, dir, input);
            return;
        }
        int status = 0;
        waitpid(pid, &status, 0);
        snprintf(path, sizeof(path), "%s/out", dir);
        char *out = slurp(path);
        snprintf(path, sizeof(path), "%s/err", dir);
        char *err = slurp(path);
        const char *why = NULL;
        if (!judge(status, out, err, ref_status, ref_out, &why)) {
            if (bad++ < 10) {
                fprintf(report, "failalloc: allocation %lu of %lu failing: %s (exit %d)\n", at,
                        count, why, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
                fprintf(report, "  stderr: %.300s\n", err != NULL ? err : "");
            }
        } else if (WIFEXITED(status) && WEXITSTATUS(status) != 71) {
            absorbed++;
        }
        free(out);
        free(err);
    }
    fprintf(report, "failalloc: %lu allocations, %lu runs, %lu absorbed, %lu wrong\n", count,
            last - first + 1, absorbed, bad);
    fflush(report);
    _exit(bad > 0 ? 1 : 0);
}

__attribute__((constructor)) static void arm(void)
{
    resolve();
    const char *at = getenv("MC_FAILALLOC_AT");
    fail_at = at != NULL ? strtoul(at, NULL, 10) : 0;
    count_file = getenv("MC_FAILALLOC_COUNT");
    if (count_file != NULL)
        atexit(write_count);
    const char *dir = getenv("MC_FAILALLOC_RUN");
    if (dir != NULL)
        serve(dir); /* returns only in a child, which runs the program */
    armed = 1;
}

/* Whether this call is the one that fails. */
static int fails(void)
{
    if (!armed)
        return 0;
    unsigned long n = atomic_fetch_add(&calls, 1) + 1;
    if (fail_at != 0 && n == fail_at) {
        errno = ENOMEM;
        return 1;
    }
    return 0;
}

void *malloc(size_t size)
{
    resolve();
    if (real_malloc == NULL)
        return early_alloc(size);
    return fails() ? NULL : real_malloc(size);
}

void *calloc(size_t n, size_t size)
{
    resolve();
    if (real_calloc == NULL)
        return n != 0 && size > (size_t)-1 / n ? NULL : early_alloc(n * size); /* zeroed: static */
    return fails() ? NULL : real_calloc(n, size);
}

void *realloc(void *p, size_t size)
{
    resolve();
    if (is_early(p)) { /* moved out of the early buffer, never given back to it */
        void *q = malloc(size);
        if (q != NULL)
            memcpy(q, p, size < sizeof(early) ? size : sizeof(early));
        return q;
    }
    return fails() ? NULL : real_realloc(p, size);
}

void *reallocarray(void *p, size_t n, size_t size)
{
    resolve();
    return fails() ? NULL : real_reallocarray(p, n, size);
}

int posix_memalign(void **out, size_t align, size_t size)
{
    resolve();
    return fails() ? ENOMEM : real_posix_memalign(out, align, size);
}

void *aligned_alloc(size_t align, size_t size)
{
    resolve();
    return fails() ? NULL : real_aligned_alloc(align, size);
}

void *memalign(size_t align, size_t size)
{
    resolve();
    return fails() ? NULL : real_memalign(align, size);
}

void free(void *p)
{
    resolve();
    /* What is freed while the real functions are being found is leaked:
     * it was allocated before them, or by dlsym itself. */
    if (p == NULL || is_early(p) || real_free == NULL || resolving)
        return;
    real_free(p);
}
