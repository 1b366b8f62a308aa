/* SPDX-License-Identifier: MIT */
/* wipe: texts that can reveal a patient's answers (composed results, the
 * laid-out lines of the results screen), made so that no copy outlives
 * them: formatted straight into a buffer of their exact size (asprintf grows
 * a buffer and frees its smaller copies with the text still in them), and
 * overwritten before they are freed. A kiosk's next patient must find
 * nothing of the last one in the process's memory. */
#ifndef MUSCLECHECK_WIPE_H
#define MUSCLECHECK_WIPE_H

/* A new text formatted as by printf, in memory of its exact size; NULL when
 * out of memory. The caller owns it and releases it with wipe_free. */
char *wipe_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Overwrites TEXT and frees it; wipe_free(NULL) does nothing. */
void wipe_free(char *text);

#endif
