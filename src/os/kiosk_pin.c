/* SPDX-License-Identifier: MIT */
/* kiosk_pin: loading and checking the staff PIN. */
#include "musclecheck/kiosk_pin.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Checks TEXT (LEN bytes, already trimmed) and copies it into *PIN. */
static int accept(const char *text, size_t len, char **pin, char *err, size_t err_size)
{
    if (len < KIOSK_PIN_MIN || len > KIOSK_PIN_MAX) {
        snprintf(err, err_size, "the staff PIN must have %d to %d characters", KIOSK_PIN_MIN,
                 KIOSK_PIN_MAX);
        return -1;
    }
    for (size_t i = 0; i < len; i++) {
        if (text[i] < '!' || text[i] > '~') {
            snprintf(err, err_size,
                     "the staff PIN may only use letters, digits and punctuation (no spaces)");
            return -1;
        }
    }
    *pin = strndup(text, len);
    if (*pin == NULL) {
        snprintf(err, err_size, "out of memory");
        return -ENOMEM;
    }
    return 1;
}

static int load_file(const char *file, char **pin, char *err, size_t err_size)
{
    /* O_NONBLOCK: a named pipe (or a device) must not hang the start-up
     * before fstat finds that it is no regular file. */
    int fd = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        snprintf(err, err_size, "%s: cannot open the staff PIN file: %s", file, strerror(errno));
        return -1;
    }
    struct stat st;
    int r = -1;
    char buf[KIOSK_PIN_MAX + 64];
    ssize_t n = 0;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, err_size, "%s: the staff PIN file must be a regular file", file);
    } else if (st.st_uid != 0 && st.st_uid != geteuid()) {
        snprintf(err, err_size, "%s: the staff PIN file must belong to root or to this user", file);
    } else if (st.st_mode & (S_IWGRP | S_IWOTH | S_IROTH)) {
        snprintf(err, err_size,
                 "%s: others can read or change the staff PIN file; make it private "
                 "(chmod 600, or 640 with a group for the kiosk user)",
                 file);
    } else if ((n = read(fd, buf, sizeof(buf) - 1)) < 0) {
        snprintf(err, err_size, "%s: cannot read the staff PIN file: %s", file, strerror(errno));
    } else {
        buf[n] = '\0';
        size_t len = strcspn(buf, "\r\n");
        while (len > 0 && (buf[len - 1] == ' ' || buf[len - 1] == '\t'))
            len--;
        r = accept(buf, len, pin, err, err_size);
        if (r == -1)
            snprintf(err + strlen(err), err_size - strlen(err), " (in %s)", file);
    }
    explicit_bzero(buf, sizeof(buf));
    close(fd);
    return r;
}

int kiosk_pin_load(const char *file, char **pin, char *err, size_t err_size)
{
    *pin = NULL;
    char *value = getenv(KIOSK_PIN_ENV);
    int r = 0;
    if (file != NULL)
        r = load_file(file, pin, err, err_size);
    else if (value != NULL && *value != '\0')
        r = accept(value, strlen(value), pin, err, err_size);
    /* Gone from the environment in every case, so that no command the kiosk
     * starts (the print command) can read it. */
    if (value != NULL) {
        explicit_bzero(value, strlen(value));
        unsetenv(KIOSK_PIN_ENV);
    }
    return r;
}

bool kiosk_pin_equal(const char *pin, const char *typed)
{
    size_t a = strlen(pin), b = strlen(typed);
    unsigned char diff = (unsigned char)(a != b);
    for (size_t i = 0; i < KIOSK_PIN_MAX; i++) {
        unsigned char x = i < a ? (unsigned char)pin[i] : 0;
        unsigned char y = i < b ? (unsigned char)typed[i] : 0;
        diff |= x ^ y;
    }
    return diff == 0 && a <= KIOSK_PIN_MAX;
}

void kiosk_pin_free(char *pin)
{
    if (pin == NULL)
        return;
    explicit_bzero(pin, strlen(pin));
    free(pin);
}
