/* SPDX-License-Identifier: MIT */
/* ytree: a YAML document as a small tree of located nodes, built from
 * libyaml's event stream.
 *
 * We build our own tree instead of using libyaml's document loader so that
 * the limits are ours: nesting depth, node count and scalar size are checked
 * as events arrive, and aliases (the "billion laughs" trick) are refused, so
 * a hostile file cannot exhaust memory or time. Every node keeps its line
 * and column for messages. The loader checks the whole tree, then builds the
 * survey from it, then frees it. */
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

/* Parses LEN bytes of BUF (UTF-8, or UTF-16 with a BOM) into a tree, or
 * returns NULL after a located message in DIAGS (a syntax error, an alias, a
 * broken limit, no memory). The tree's root is NULL for an empty document.
 * A text (scalar) holding a control character other than a line feed or a
 * tab (a carriage return, escape, DEL, C1) gets a located message in DIAGS,
 * yet the tree is still returned so that the rest can be checked: callers
 * must look at DIAGS as well as the result. The caller owns the tree
 * (ytree_free), and the tree owns every node and text in it but one: when
 * VALUES is not NULL, the texts of the scalars that are not keys go there
 * and live as long as it does (so that a caller that keeps most of them, as
 * the loader does, copies none). BUF is not kept. */
struct arena;
struct ytree *ytree_parse(const char *buf, size_t len, const struct ytree_limits *limits,
                          struct arena *values, struct diag_list *diags);

/* The document's root node (owned by TREE), or NULL when the document is empty. */
const struct ynode *ytree_root(const struct ytree *tree);

/* Frees TREE and every node and text in it; ytree_free(NULL) does nothing. */
void ytree_free(struct ytree *tree);

#endif
