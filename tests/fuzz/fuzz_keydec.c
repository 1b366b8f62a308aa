/* SPDX-License-Identifier: MIT */
/* Fuzz target: the key decoder, fed any bytes in pieces of varying size,
 * with the Esc delay passing and long silences at places the input picks.
 * Checks that every event is well formed and nothing stays pending. */
#include "keydec.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const struct keydec_event *ev)
{
    switch (ev->type) {
    case KEYDEC_CHAR:
        if (ev->code < 0x20 || ev->code == 0x7F || ev->code > 0x10FFFF || ev->text[0] == '\0')
            __builtin_trap();
        break;
    case KEYDEC_CTRL:
        if (ev->code >= 0x20 && ev->code != 0x7F)
            __builtin_trap();
        break;
    case KEYDEC_KEY:
        if (ev->key > KEYDEC_F20)
            __builtin_trap();
        break;
    case KEYDEC_MOUSE:
        if (ev->row < 0 || ev->col < 0 || ev->button < 0 || ev->button > 11)
            __builtin_trap();
        break;
    case KEYDEC_NONE: __builtin_trap();
    default: break;
    }
}

static void drain(struct keydec *kd)
{
    struct keydec_event ev;
    while (keydec_next(kd, &ev))
        check(&ev);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    struct keydec *kd = keydec_new(data[0] & 1);
    if (kd == NULL)
        return 0;
    unsigned chunk = 1 + (data[0] >> 1 & 0x1F);
    size_t off = 1;
    while (off < size) {
        size_t n = size - off < chunk ? size - off : chunk;
        off += keydec_feed(kd, data + off, n);
        drain(kd);
        /* A byte 0xFE after a piece stands for the Esc delay passing. */
        if (off < size && data[off - 1] == 0xFE) {
            keydec_timeout(kd);
            drain(kd);
        }
    }
    keydec_flush(kd);
    drain(kd);
    if (keydec_pending(kd) || keydec_in_paste(kd))
        __builtin_trap();
    keydec_free(kd);
    return 0;
}
