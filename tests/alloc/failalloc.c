/* SPDX-License-Identifier: MIT */
/* failalloc: an LD_PRELOAD shim that makes one allocation fail, as SQLite's
 * fault injection does, so that a test can run a command with each of its
 * allocations failing in turn.
 *
 *   MC_FAILALLOC_AT=N     the Nth call (1-based) of malloc, calloc, realloc,
 *                         reallocarray, posix_memalign, aligned_alloc or
 *                         memalign returns NULL (ENOMEM); every other
 *                         succeeds. For a debugger: one plain run.
 *   MC_FAILALLOC_RUN=DIR  the whole test, as one process tree: the shim runs
 *                         the program once as it is (the reference), then
 *                         once more (the driver), which forks at each of its
 *                         allocations: the child sees that allocation fail
 *                         and runs on to its end, the driver waits for it and
 *                         goes on with the allocation made. Each run is then
 *                         only what follows its failure, not the whole
 *                         program again. The shim checks every outcome (see
 *                         judge) and exits 0 when all are honest, 1
 *                         otherwise, with the failures on stderr. The files
 *                         go in DIR; stdin comes from MC_FAILALLOC_STDIN
 *                         (default /dev/null).
 *   MC_FAILALLOC_ONLY=N   with MC_FAILALLOC_RUN: only allocation N fails
 *   MC_FAILALLOC_DENSE=N  with MC_FAILALLOC_RUN: allocations 1 to N-1 are
 *   MC_FAILALLOC_STRIDE=S tried only every Sth (the first, the S+1th, ...),
 *                         every one from N on: a run that shares its first
 *                         allocations with another command tried whole (the
 *                         loading of the question file) takes less time
 *   MC_FAILALLOC_TIMEOUT=S a run that takes longer than S seconds (default
 *                         60) is killed, and counts as a hang
 *
 * Calls are counted from the shim's constructor on (before it, the dynamic
 * loader and the sanitizer runtime start up), libc's and the libraries' own
 * included: a failure anywhere must be handled. The real functions are found
 * with dlsym(RTLD_NEXT), which works under AddressSanitizer too
 * (ASAN_OPTIONS=verify_asan_link_order=0). The shim itself is built without
 * sanitizers.
 *
 * A child gets its own copy of the driver's output so far and its own open
 * files (at the same offsets), so that what it reads or writes never moves
 * the driver; the reference run proves that the driver was not disturbed:
 * their outcomes must be the same. */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <malloc.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
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

/* What this process is. */
static enum {
    ROLE_OFF,    /* not counting yet, or a test's supervisor */
    ROLE_PLAIN,  /* MC_FAILALLOC_AT: counts, fails allocation fail_at */
    ROLE_DRIVER, /* counts, forks a child at each allocation tried */
    ROLE_CHILD,  /* its one allocation has failed: every other succeeds */
} role;
static unsigned long calls;
static unsigned long fail_at; /* ROLE_PLAIN: 0 for never; ROLE_DRIVER: 0 for each, else only */
static unsigned long dense = 1, stride = 1;
static unsigned timeout = 60;
static int busy; /* the driver is between fork and record: its own calls go through */
/* Inside setlocale, newlocale or duplocale, which hold glibc's locale lock
 * for writing: that lock records its owner's thread id, which a child does
 * not have, so a child forked there would never release it (and hang at the
 * next setlocale). Such allocations get a run of their own from the start. */
static int unsafe;
static int resolving;
static char dir[PATH_MAX - 32];
static int records = -1; /* the driver's outcome file */

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

/* One child's outcome, as the driver records it for the supervisor. */
struct record {
    unsigned long at; /* the allocation that failed */
    int status;       /* from waitpid */
    int err_flags;    /* ERR_* */
    uint64_t out_hash;
    uint64_t out_len;
    char err[240]; /* the start of its stderr */
};

enum { ERR_OOM = 1, ERR_SANITIZER = 2 };

/* FNV-1a of the file at PATH (its length in *LEN): no allocation, so that
 * the driver can call it from inside malloc. */
static uint64_t hash_file(const char *path, uint64_t *len)
{
    uint64_t h = 14695981039346656037ULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    unsigned char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof(buf))) > 0) {
        for (ssize_t i = 0; i < n; i++)
            h = (h ^ buf[i]) * 1099511628211ULL;
        *len += (uint64_t)n;
    }
    close(fd);
    return h;
}

/* Whether NEEDLE is in the file at PATH (read in overlapping pieces). */
static int file_has(const char *path, const char *needle)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    char buf[8192 + 1];
    size_t keep = 0, nlen = strlen(needle);
    ssize_t n;
    int found = 0;
    while (!found && (n = read(fd, buf + keep, sizeof(buf) - 1 - keep)) > 0) {
        size_t have = keep + (size_t)n;
        buf[have] = '\0';
        found = memmem(buf, have, needle, nlen) != NULL;
        keep = have < nlen ? have : nlen - 1;
        memmove(buf, buf + have - keep, keep);
    }
    close(fd);
    return found;
}

static void path_in_dir(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", dir, name);
}

/* Makes FD a new file DIR/NAME holding what the file at FD holds up to its
 * offset, so that the child's output starts as the driver's did. */
static int fresh_copy(int fd, const char *name)
{
    char path[PATH_MAX];
    path_in_dir(path, sizeof(path), name);
    int copy = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (copy < 0)
        return -1;
    off_t end = lseek(fd, 0, SEEK_CUR), at = 0;
    char buf[4096];
    while (end > 0 && at < end) {
        ssize_t n =
            pread(fd, buf, (size_t)(end - at) < sizeof(buf) ? (size_t)(end - at) : sizeof(buf), at);
        if (n <= 0 || write(copy, buf, (size_t)n) != n)
            return -1;
        at += n;
    }
    int err = dup2(copy, fd) < 0 ? -1 : 0;
    close(copy);
    return err;
}

/* Gives open file FD (a file or a folder the driver reads) its own open
 * file description in this child, at the same offset. */
static void own_file(int fd)
{
    struct stat st;
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fstat(fd, &st) != 0 || !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) ||
        (flags & O_ACCMODE) != O_RDONLY)
        return;
    char link[64], path[PATH_MAX];
    snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof(path) - 1);
    if (n <= 0)
        return;
    path[n] = '\0';
    int fdflags = fcntl(fd, F_GETFD);
    int again = open(path, flags & (O_ACCMODE | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK));
    off_t at = lseek(fd, 0, SEEK_CUR);
    if (again < 0 || (at > 0 && lseek(again, at, SEEK_SET) != at))
        _exit(125);
    dup2(again, fd);
    close(again);
    if (fdflags >= 0)
        fcntl(fd, F_SETFD, fdflags);
}

/* Gives this child its own open file description for each file or folder
 * the driver has open (stdin included), at the same offset: reading would
 * otherwise move the driver's. The open files are listed with getdents64,
 * which needs no memory. */
static void own_files(void)
{
    int dir_fd = open("/proc/self/fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd < 0)
        _exit(125);
    int fds[256];
    size_t count = 0;
    char buf[4096];
    long n;
    while ((n = syscall(SYS_getdents64, dir_fd, buf, sizeof(buf))) > 0) {
        for (long at = 0; at < n;) {
            const struct dirent64 *e = (const struct dirent64 *)(buf + at);
            at += e->d_reclen;
            int fd = atoi(e->d_name);
            if (e->d_name[0] >= '0' && e->d_name[0] <= '9' && fd != 1 && fd != 2 && fd != dir_fd &&
                count < sizeof(fds) / sizeof(fds[0]))
                fds[count++] = fd;
        }
    }
    close(dir_fd);
    for (size_t i = 0; i < count; i++)
        own_file(fds[i]);
}

/* Waits for run PID, which saw allocation AT fail, and describes its
 * outcome in *R (no allocation: the driver calls it from inside malloc). */
static void collect(pid_t pid, unsigned long at, struct record *r)
{
    char path[PATH_MAX];
    *r = (struct record){.at = at};
    while (waitpid(pid, &r->status, 0) < 0 && errno == EINTR)
        ;
    path_in_dir(path, sizeof(path), "out");
    r->out_hash = hash_file(path, &r->out_len);
    path_in_dir(path, sizeof(path), "err");
    r->err_flags =
        (file_has(path, "out of memory") ? ERR_OOM : 0) |
        (file_has(path, "Sanitizer") || file_has(path, "runtime error") ? ERR_SANITIZER : 0);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ssize_t n = read(fd, r->err, sizeof(r->err) - 1);
        r->err[n > 0 ? n : 0] = '\0';
        close(fd);
    }
}

/* In the driver, at allocation AT: forks the child that sees it fail and
 * records its outcome. Returns 1 in the child, 0 in the driver. Inside a
 * call that holds a lock the child could not release (see unsafe), only
 * notes AT, for a run of its own from the start. */
static int try_failing(unsigned long at)
{
    int saved_errno = errno;
    struct record r = {.at = at, .status = -1};
    busy = 1;
    pid_t pid = unsafe > 0 ? -1 : fork(); /* the child inherits the stdio buffers unwritten */
    if (pid == 0) {
        busy = 0;
        role = ROLE_CHILD;
        if (fresh_copy(1, "out") != 0 || fresh_copy(2, "err") != 0)
            _exit(125);
        own_files();
        alarm(timeout);
        return 1;
    }
    if (pid > 0)
        collect(pid, at, &r);
    if (write(records, &r, sizeof(r)) != (ssize_t)sizeof(r))
        _exit(125);
    busy = 0;
    errno = saved_errno;
    return 0;
}

/* Whether this call is the one that fails. */
static int fails(void)
{
    if (role == ROLE_OFF || role == ROLE_CHILD || busy)
        return 0;
    unsigned long n = ++calls;
    if (role == ROLE_PLAIN) {
        if (fail_at == 0 || n != fail_at)
            return 0;
    } else if (fail_at != 0 ? n != fail_at : n < dense && (n - 1) % stride != 0) {
        return 0;
    } else if (!try_failing(n)) {
        return 0;
    }
    errno = ENOMEM;
    return 1;
}

/* The text of file PATH (malloc'ed, NUL-terminated), or NULL. Only the
 * supervisor, which counts nothing, calls it. */
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

/* In a new process about to run the program: stdin from INPUT, stdout and
 * stderr to DIR/OUT and DIR/ERR. */
static void become_run(const char *input, const char *out, const char *err)
{
    char path[PATH_MAX];
    int in = open(input, O_RDONLY);
    path_in_dir(path, sizeof(path), out);
    int o = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600); /* read back by fresh_copy */
    path_in_dir(path, sizeof(path), err);
    int e = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || o < 0 || e < 0)
        _exit(125);
    dup2(in, 0), dup2(o, 1), dup2(e, 2);
    close(in), close(o), close(e);
}

static int wait_for(pid_t pid)
{
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    return status;
}

static const char *describe(int status, char *buf, size_t size)
{
    if (WIFSIGNALED(status))
        snprintf(buf, size, "signal %d", WTERMSIG(status));
    else
        snprintf(buf, size, "exit %d", WEXITSTATUS(status));
    return buf;
}

/* Whether outcome R is honest, given the reference run's REF_STATUS and its
 * output's hash and length: either the failure was absorbed (the same exit
 * and the same output as without it), or the program said it ran out of
 * memory and exited 71 (EX_OSERR). Never a crash, a hang, a sanitizer
 * report, a partial result with the reference's exit, or another exit (which
 * would blame the input). WHY says what was wrong. */
static int judge(const struct record *r, int ref_status, uint64_t ref_hash, uint64_t ref_len,
                 const char **why)
{
    if (WIFSIGNALED(r->status))
        return *why = WTERMSIG(r->status) == SIGALRM ? "a hang (killed after the time-out)"
                                                     : "killed by a signal (a crash)",
               0;
    int code = WEXITSTATUS(r->status);
    if (r->err_flags & ERR_SANITIZER)
        return *why = "a sanitizer report", 0;
    if (code == 125)
        return *why = "the shim could not set the run up", 0;
    if (code == 71)
        return (r->err_flags & ERR_OOM) ? 1
                                        : (*why = "exit 71 without saying \"out of memory\"", 0);
    if (code == WEXITSTATUS(ref_status) && r->out_hash == ref_hash && r->out_len == ref_len)
        return 1;
    return *why = code == WEXITSTATUS(ref_status) ? "a different result with the normal exit code"
                                                  : "an exit code other than 71",
           0;
}

/* MC_FAILALLOC_RUN: runs the whole test and exits; returns only in the two
 * processes that run the program. */
static void supervise(void)
{
    const char *input = getenv("MC_FAILALLOC_STDIN");
    if (input == NULL)
        input = "/dev/null";
    FILE *report = fdopen(dup(2), "w");
    char path[PATH_MAX];
    if (report == NULL)
        _exit(125);
    /* The reference: the program as it is. */
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        become_run(input, "ref.out", "ref.err");
        return;
    }
    int ref_status = wait_for(pid);
    /* The driver: the same run, forking a child at each allocation. */
    path_in_dir(path, sizeof(path), "records");
    records = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (records < 0)
        _exit(125);
    pid = fork();
    if (pid == 0) {
        become_run(input, "driver.out", "driver.err");
        role = ROLE_DRIVER;
        return;
    }
    int driver_status = wait_for(pid);
    uint64_t ref_len, driver_len, ref_hash, driver_hash;
    path_in_dir(path, sizeof(path), "ref.out");
    ref_hash = hash_file(path, &ref_len);
    path_in_dir(path, sizeof(path), "driver.out");
    driver_hash = hash_file(path, &driver_len);
    unsigned long bad = 0, absorbed = 0, runs = 0, last = 0;
    char how[32], ref_how[32];
    if (driver_status != ref_status || driver_hash != ref_hash || driver_len != ref_len) {
        path_in_dir(path, sizeof(path), "driver.err");
        char *err = slurp(path);
        fprintf(report,
                "failalloc: the driver run (%s) ended unlike the reference (%s): the forked runs "
                "disturbed it\n  stderr: %.300s\n",
                describe(driver_status, how, sizeof(how)),
                describe(ref_status, ref_how, sizeof(ref_how)), err != NULL ? err : "");
        free(err);
        bad++;
    }
    lseek(records, 0, SEEK_SET);
    struct record r;
    unsigned long fresh = 0;
    while (read(records, &r, sizeof(r)) == (ssize_t)sizeof(r)) {
        const char *why = NULL;
        runs++;
        last = r.at;
        if (r.status == -1) { /* inside a locale call: a run from the start */
            fresh++;
            off_t next = lseek(records, 0, SEEK_CUR);
            fflush(report);
            pid = fork();
            if (pid == 0) {
                close(records);
                become_run(input, "out", "err");
                role = ROLE_PLAIN;
                fail_at = r.at;
                alarm(timeout);
                return;
            }
            collect(pid, r.at, &r);
            lseek(records, next, SEEK_SET);
        }
        if (!judge(&r, ref_status, ref_hash, ref_len, &why)) {
            if (bad++ < 10)
                fprintf(report, "failalloc: allocation %lu failing: %s (%s)\n  stderr: %.240s\n",
                        r.at, why, describe(r.status, how, sizeof(how)), r.err);
        } else if (!WIFEXITED(r.status) || WEXITSTATUS(r.status) != 71) {
            absorbed++;
        }
    }
    close(records);
    if (runs == 0 || last == 0) {
        fprintf(report, "failalloc: no allocation was tried\n");
        bad++;
    }
    fprintf(report,
            "failalloc: %lu runs (allocations 1 to %lu%s; %lu from the start), %lu absorbed, %lu "
            "wrong; the reference run: %s\n",
            runs, last, stride > 1 && dense > 1 ? ", some skipped" : "", fresh, absorbed, bad,
            describe(ref_status, ref_how, sizeof(ref_how)));
    fflush(report);
    _exit(bad > 0 ? 1 : 0);
}

static unsigned long env_number(const char *name, unsigned long fallback)
{
    const char *text = getenv(name);
    return text != NULL && *text != '\0' ? strtoul(text, NULL, 10) : fallback;
}

__attribute__((constructor)) static void arm(void)
{
    resolve();
    const char *run = getenv("MC_FAILALLOC_RUN");
    if (run == NULL) {
        fail_at = env_number("MC_FAILALLOC_AT", 0);
        role = ROLE_PLAIN;
        return;
    }
    snprintf(dir, sizeof(dir), "%s", run);
    fail_at = env_number("MC_FAILALLOC_ONLY", 0);
    dense = env_number("MC_FAILALLOC_DENSE", 1);
    stride = env_number("MC_FAILALLOC_STRIDE", 1);
    timeout = (unsigned)env_number("MC_FAILALLOC_TIMEOUT", 60);
    if (stride == 0)
        stride = 1;
    supervise(); /* returns in the reference run (ROLE_OFF) and in the driver */
}

/* The locale calls that hold glibc's locale lock while they allocate. */
#define LOCALE_CALL(type, name, params, args)                                                      \
    type name params                                                                               \
    {                                                                                              \
        static type(*real) params;                                                                 \
        if (real == NULL)                                                                          \
            real = (type(*) params)dlsym(RTLD_NEXT, #name);                                        \
        unsafe++;                                                                                  \
        type result = real args;                                                                   \
        unsafe--;                                                                                  \
        return result;                                                                             \
    }
LOCALE_CALL(char *, setlocale, (int category, const char *name), (category, name))
LOCALE_CALL(locale_t, newlocale, (int mask, const char *name, locale_t base), (mask, name, base))
LOCALE_CALL(locale_t, duplocale, (locale_t locale), (locale))

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
