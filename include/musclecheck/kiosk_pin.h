/* SPDX-License-Identifier: MIT */
/* kiosk_pin: the staff PIN that ends kiosk mode from the keyboard. It comes
 * from the environment (MUSCLECHECK_STAFF_PIN) or from a file that only its
 * owner (root or the kiosk user) can change and that others cannot read;
 * never from the command line, where any user could see it with ps. */
#ifndef MUSCLECHECK_KIOSK_PIN_H
#define MUSCLECHECK_KIOSK_PIN_H

#include <stdbool.h>
#include <stddef.h>

#define KIOSK_PIN_ENV "MUSCLECHECK_STAFF_PIN"
#define KIOSK_PIN_MIN 4
#define KIOSK_PIN_MAX 32

/* Loads the PIN from FILE when it is not NULL, else from the environment
 * variable (which is then removed, so nothing started later inherits it).
 * Returns 1 with a new string in *PIN (free with kiosk_pin_free), 0 when no
 * PIN is configured, -1 with a message for staff in ERR, or -ENOMEM when
 * out of memory. */
int kiosk_pin_load(const char *file, char **pin, char *err, size_t err_size);

/* Compares in time that does not depend on where the texts differ. */
bool kiosk_pin_equal(const char *pin, const char *typed);

/* Wipes and frees a PIN; NULL is a no-op. */
void kiosk_pin_free(char *pin);

#endif
