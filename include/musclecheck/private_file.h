/* SPDX-License-Identifier: MIT */
/* private_file: writes a file that holds a patient's answers (the summary
 * for a doctor) so that only its owner can read it, whatever was there
 * before. Every writer of such a file goes through here.
 *
 * The text goes to a new temporary file beside the target, created with
 * O_CREAT|O_EXCL|O_NOFOLLOW and mode 0600, synced to disk, then renamed
 * over the target: a reader sees the old file or the whole new one, and the
 * mode never comes from the file replaced. A symbolic link, named pipe,
 * folder or device at the target is refused, never followed or written
 * through. On any failure the temporary file is removed and the target is
 * as it was.
 *
 * Ownership: the caller owns PATH, WHY and whatever ARG points to. This
 * module owns the temporary file, the stream the writer is given and that
 * stream's buffer, which it wipes; the writer writes to the stream and
 * never closes it. */
#ifndef MUSCLECHECK_PRIVATE_FILE_H
#define MUSCLECHECK_PRIVATE_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Writes the file's text to OUT; returns 0, or -1 when it cannot (a write
 * error on OUT is found by the caller anyway). */
typedef int (*private_file_writer)(FILE *out, void *arg);

/* Writes what WRITER(out, ARG) produces to PATH, mode 0600, replacing an
 * existing regular file only when REPLACE is true. Returns 0, or -1 with
 * errno set and a short reason for the person in WHY (WHY_SIZE bytes, may
 * be 0). errno is EEXIST only when PATH exists and REPLACE is false: then
 * nothing was written, so the caller can ask before replacing. */
int private_file_write(const char *path, bool replace, private_file_writer writer, void *arg,
                       char *why, size_t why_size);

#endif
