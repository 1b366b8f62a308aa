/* SPDX-License-Identifier: MIT */
/* Tests for the arena allocator and the id index. */
#include "support.h"

#include "musclecheck/arena.h"
#include "musclecheck/idindex.h"

#include <errno.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void allocations_are_zeroed_aligned_and_separate(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    char *prev = NULL;
    for (int i = 0; i < 5000; i++) {
        char *p = arena_calloc(a, 1, (size_t)(i % 97) + 1);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % alignof(max_align_t), 0);
        for (int j = 0; j <= i % 97; j++)
            assert_int_equal(p[j], 0);
        memset(p, 0xAB, (size_t)(i % 97) + 1);
        assert_true(p != prev);
        prev = p;
    }
    void *big = arena_calloc(a, 1, 1 << 20);
    assert_non_null(big);
    assert_false(arena_failed(a));
    assert_null(arena_calloc(a, SIZE_MAX / 2, 4)); /* overflow refused */
    assert_true(arena_failed(a));                  /* and remembered */
    char *s = arena_strndup(a, "hello world", 5);
    assert_string_equal(s, "hello");
    assert_true(arena_used(a) > (1 << 20));
    arena_free(a);
    arena_free(NULL);
}

static void texts_are_packed(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    char *first = arena_strndup(a, "abc", 3), *second = arena_strndup(a, "de", 2);
    assert_ptr_equal(second, first + 4); /* right after "abc" and its NUL */
    unsigned char *small = arena_calloc_aligned(a, 3, 1, 1);
    assert_ptr_equal(small, (unsigned char *)second + 3);
    void *aligned = arena_calloc(a, 1, 8);
    assert_int_equal((uintptr_t)aligned % alignof(max_align_t), 0);
    size_t used = arena_used(a);
    for (int i = 0; i < 100; i++) /* several blocks */
        assert_non_null(arena_calloc(a, 1, 4096));
    assert_true(arena_used(a) >= used + 100 * 4096);
    assert_false(arena_failed(a));
    arena_free(a);
}

static void index_finds_and_refuses_duplicates(void **state)
{
    (void)state;
    struct idindex *ix = idindex_new(1000);
    char keys[1000][16];
    for (int i = 0; i < 1000; i++) {
        snprintf(keys[i], sizeof(keys[i]), "q%d", i);
        assert_int_equal(idindex_put(ix, keys[i], i), 0);
    }
    for (int i = 0; i < 1000; i++)
        assert_int_equal(idindex_get(ix, keys[i]), i);
    assert_int_equal(idindex_put(ix, "q17", 5), -EEXIST);
    assert_int_equal(idindex_get(ix, "q17"), 17); /* unchanged */
    assert_int_equal(idindex_get(ix, "nope"), -1);
    assert_int_equal(idindex_put(ix, "extra", 1), -ENOSPC); /* full */
    idindex_free(ix);
    idindex_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(allocations_are_zeroed_aligned_and_separate),
        cmocka_unit_test(texts_are_packed),
        cmocka_unit_test(index_finds_and_refuses_duplicates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
