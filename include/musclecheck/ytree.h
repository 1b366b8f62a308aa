/* SPDX-License-Identifier: MIT */
/* ytree: a YAML document as a small tree of located nodes, built from
 * libyaml's event stream.
 *
 * We build our own tree instead of using libyaml's document loader so that
 * the limits are ours: nesting depth, node count and scalar size are checked
 * as events arrive, and aliases (the "billion laughs" trick) are refused, so
 * a hostile file cannot exhaust memory or time. A tree owns all its nodes. */
#ifndef MUSCLECHECK_YTREE_H
#define MUSCLECHECK_YTREE_H

#include "musclecheck/diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum ynode_kind { YNODE_SCALAR, YNODE_MAP, YNODE_SEQ };

/* 24 bytes: a large file has hundreds of thousands of nodes, and the memory
 * they take is most of the time it takes to load. */
struct ynode {
    unsigned char kind; /* enum ynode_kind */
    bool plain;         /* scalars: written without quotes or block indicator */
    int line;           /* 1-based position of the node's first character */
    int column;         /* 1-based, in characters */
    union {
        uint32_t len;   /* scalars: bytes in value */
        uint32_t count; /* maps and lists: entries in items */
    };
    union {
        const char *value; /* scalars: NUL-terminated UTF-8 */
        /* Maps (keys and values alternate: item 2k is a key, 2k+1 its value)
         * and lists, in order. */
        const struct ynode *items;
    };
};

struct ytree_limits {
    size_t max_depth;  /* nesting of maps and lists */
    size_t max_nodes;  /* nodes in the whole document */
    size_t max_scalar; /* bytes in one scalar */
};

struct ytree;

/* A list handed to the caller entry by entry while the file is read, so that
 * the tree never holds all of it: the list that is the value of the
 * top-level key KEY. */
struct ytree_stream {
    const char *key;
    /* Called with each entry of the list as soon as it is complete, its
     * 0-based INDEX, the LIST node (still open: only its position means
     * anything) and the top-level entries read before KEY (TOP_COUNT nodes,
     * keys and values alternating). Returns true when it has taken what it
     * needs: the tree then drops the entry and reuses its memory (texts
     * included). Returns false to keep it: that entry and every later one
     * stay in the tree. */
    bool (*entry)(void *ctx, const struct ynode *top, size_t top_count, const struct ynode *list,
                  const struct ynode *entry, size_t index);
    void *ctx;
};

/* Parses LEN bytes of BUF (UTF-8, or UTF-16 with a BOM). On success returns a
 * tree whose root may be NULL for an empty document. On a syntax error or a
 * broken limit, adds a located message to DIAGS and returns NULL. A text
 * (scalar) holding a control character other than a line feed or a tab
 * (a carriage return, escape, DEL, C1) gets a located message in DIAGS, yet the
 * tree is still returned so that the rest can be checked: callers must
 * look at DIAGS as well as the result.
 *
 * STREAM, when not NULL, names a list handed over entry by entry (above).
 * The tree owns every node and text. */
struct ytree *ytree_parse(const char *buf, size_t len, const struct ytree_limits *limits,
                          const struct ytree_stream *stream, struct diag_list *diags);

/* A copy of NODE, its entries and their texts in arena A, or NULL when out
 * of memory: what a stream's callback keeps of an entry outlives it. The
 * depth is that of the tree's limits. */
struct arena;
const struct ynode *ynode_copy(struct arena *a, const struct ynode *node);

/* The document's root node, or NULL when the document is empty. */
const struct ynode *ytree_root(const struct ytree *tree);

void ytree_free(struct ytree *tree);

#endif
