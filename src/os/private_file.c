/* SPDX-License-Identifier: MIT */
/* private_file: a patient's file written whole, mode 0600, never through a
 * link. */
#include "musclecheck/private_file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Random temporary names collide only when something is very wrong. */
enum { TEMP_TRIES = 64 };

/* Sets errno to ERR and WHY to REASON (or ERR's text); returns -1. */
static int fail(int err, const char *reason, char *why, size_t why_size)
{
    if (why_size > 0)
        snprintf(why, why_size, "%s", reason != NULL ? reason : strerror(err));
    errno = err;
    return -1;
}

/* Refuses what is at PATH when it must not be replaced: anything but a
 * regular file (lstat: a link is seen, not followed), and an existing file
 * unless REPLACE. */
static int check_target(const char *path, bool replace, char *why, size_t why_size)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return errno == ENOENT ? 0 : fail(errno, NULL, why, why_size);
    if (S_ISLNK(st.st_mode))
        return fail(ELOOP, "that name is a link to another file; please choose another name", why,
                    why_size);
    if (!S_ISREG(st.st_mode))
        return fail(EINVAL, "that name is not an ordinary file", why, why_size);
    if (!replace)
        return fail(EEXIST, "that file exists already", why, why_size);
    return 0;
}

/* The folder of PATH ("." when it names none) in DIR. */
static int folder_of(const char *path, char *dir, size_t size)
{
    const char *slash = strrchr(path, '/');
    int n = slash == NULL
                ? snprintf(dir, size, ".")
                : snprintf(dir, size, "%.*s", slash == path ? 1 : (int)(slash - path), path);
    return n >= 0 && (size_t)n < size ? 0 : -1;
}

/* Creates a new, empty temporary file in DIR, its name in TEMP; returns its
 * descriptor, or -1 with errno set. */
static int open_temp(const char *dir, char *temp, size_t size)
{
    static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (int i = 0; i < TEMP_TRIES; i++) {
        unsigned char r[10];
        char tag[sizeof(r) + 1];
        if (getentropy(r, sizeof(r)) != 0)
            return -1;
        for (size_t k = 0; k < sizeof(r); k++)
            tag[k] = letters[r[k] % (sizeof(letters) - 1)];
        tag[sizeof(r)] = '\0';
        int n = snprintf(temp, size, "%s/.musclecheck-%s.tmp", dir, tag);
        if (n < 0 || (size_t)n >= size) {
            errno = ENAMETOOLONG;
            return -1;
        }
        int fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    errno = EBUSY; /* not EEXIST, which means the target exists */
    return -1;
}

/* Writes WRITER's text to FD, mode 0600 whatever the umask, synced to disk;
 * closes FD. Returns 0 or -1 with errno set. */
static int write_synced(int fd, private_file_writer writer, void *arg)
{
    FILE *fp = fchmod(fd, 0600) == 0 ? fdopen(fd, "w") : NULL;
    if (fp == NULL) {
        int err = errno;
        close(fd);
        errno = err;
        return -1;
    }
    char buf[BUFSIZ]; /* ours, so that the patient's text can be wiped */
    setvbuf(fp, buf, _IOFBF, sizeof(buf));
    errno = 0;
    int r = writer(fp, arg) == 0 ? 0 : -1;
    int err = errno;
    if (r == 0 && (fflush(fp) != 0 || ferror(fp))) {
        r = -1;
        err = errno;
    }
    if (r == 0 && fsync(fd) != 0) {
        r = -1;
        err = errno;
    }
    if (fclose(fp) != 0 && r == 0) {
        r = -1;
        err = errno;
    }
    explicit_bzero(buf, sizeof(buf));
    errno = r == 0 ? 0 : err != 0 ? err : EIO;
    return r;
}

/* Moves TEMP to PATH: over it when REPLACE, else only while PATH is free. */
static int put_in_place(const char *temp, const char *path, bool replace)
{
    if (replace)
        return rename(temp, path);
    if (renameat2(AT_FDCWD, temp, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return -1;
    /* No RENAME_NOREPLACE here: a hard link fails just as well when PATH
     * exists. */
    if (link(temp, path) != 0)
        return -1;
    unlink(temp);
    return 0;
}

/* Makes the rename itself survive a power cut; the file is in place
 * already, so a failure here is not reported. */
static void sync_folder(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

int private_file_write(const char *path, bool replace, private_file_writer writer, void *arg,
                       char *why, size_t why_size)
{
    char dir[PATH_MAX], temp[PATH_MAX];
    if (check_target(path, replace, why, why_size) != 0)
        return -1;
    if (folder_of(path, dir, sizeof(dir)) != 0)
        return fail(ENAMETOOLONG, NULL, why, why_size);
    int fd = open_temp(dir, temp, sizeof(temp));
    if (fd < 0)
        return fail(errno, NULL, why, why_size);
    if (write_synced(fd, writer, arg) != 0 || put_in_place(temp, path, replace) != 0) {
        int err = errno;
        unlink(temp);
        return fail(err, err == EEXIST ? "that file exists already" : NULL, why, why_size);
    }
    sync_folder(dir);
    return 0;
}
