/* SPDX-License-Identifier: MIT */
/* wipe: the one way to compose a text (printf-style into new memory), and
 * the wiping free for texts that can reveal a patient's answers (composed
 * results, the laid-out lines of the results screen).
 *
 * A text is formatted straight into a buffer of its exact size: asprintf
 * grows a buffer and frees its smaller copies with the text still in them
 * (a kiosk's next patient must find nothing of the last one in the
 * process's memory), and glibc 2.36's vasprintf gets a failed realloc
 * wrong. So nothing in src/ calls asprintf or vasprintf: every composed
 * text, a message's included, comes from here. */
#ifndef MUSCLECHECK_WIPE_H
#define MUSCLECHECK_WIPE_H

#include <stdarg.h>

/* A new text formatted as by printf, in memory of its exact size; NULL when
 * out of memory. The caller owns it: wipe_free when it can reveal answers,
 * else wipe_free or free. */
char *wipe_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* wipe_printf with the arguments in AP (which it leaves to the caller to
 * va_end). */
char *wipe_vprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Overwrites TEXT and frees it; wipe_free(NULL) does nothing. */
void wipe_free(char *text);

#endif
