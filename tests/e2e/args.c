/* SPDX-License-Identifier: MIT */
/* args: command-line arguments of the end-to-end test programs. */
#include "args.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

void e2e_args(int argc, char **argv, const char **binary, const char **source_dir)
{
    static char binary_path[PATH_MAX], source_path[PATH_MAX];
    if (argc != 3) {
        fprintf(stderr, "usage: %s MUSCLECHECK_BINARY SOURCE_DIR\n", argv[0]);
        exit(2);
    }
    if (realpath(argv[1], binary_path) == NULL || realpath(argv[2], source_path) == NULL) {
        perror(argv[1]);
        exit(2);
    }
    *binary = binary_path;
    *source_dir = source_path;
}
