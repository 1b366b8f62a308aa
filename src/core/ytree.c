/* SPDX-License-Identifier: MIT */
/* ytree: builds a bounded, located node tree from libyaml events. */
#include "musclecheck/ytree.h"

#include "musclecheck/arena.h"
#include "musclecheck/utf8.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct ytree {
    struct arena *arena; /* every node and key, and the other texts unless the caller takes them */
    struct ynode root;
    bool has_root;
};

/* An open map or list and the entries gathered for it so far. The entries
 * are kept by value in a vector per depth, reused from one container to the
 * next, and copied into the arena in one piece when the container closes:
 * the tree then holds 24 bytes a node and no pointer per entry. */
struct level {
    struct ynode *node; /* the open container: the last entry one level up, or the root */
    struct ynode *items;
    size_t count;
    size_t cap;
};

struct builder {
    const struct ytree_limits *limits;
    struct diag_list *diags;
    struct ytree *tree;
    struct arena *values; /* the texts of scalars that are not keys */
    struct level *levels; /* max_depth + 1 entries */
    size_t depth;
    size_t nodes_seen;
};

/* The length of the UTF-8 byte order mark at the start of the LEN bytes at
 * BUF: 3, or 0 when there is none. libyaml skips it; positions do not count it. */
static size_t bom_length(const char *buf, size_t len)
{
    uint32_t code;
    return len > 0 && utf8_decode((const unsigned char *)buf, len, &code) == 3 && code == 0xFEFF
               ? 3
               : 0;
}

/* The length of the character at P (N >= 1 bytes left). The valid
 * beginning of a character that breaks off counts as one character (libyaml
 * reports the byte where it breaks), and so does any byte that begins none. */
static size_t char_length(const char *p, size_t n)
{
    const unsigned char *u = (const unsigned char *)p;
    uint32_t code;
    int len = utf8_decode(u, n, &code);
    if (len > 0)
        return (size_t)len;
    if (len == UTF8_SHORT)
        return n;
    size_t k = 1;
    while (k < n && utf8_decode(u, k, &code) == UTF8_SHORT)
        k++;
    return k > 1 ? k - 1 : 1;
}

/* Line and column (1-based, in characters) of byte OFFSET in BUF. */
static void offset_position(const char *buf, size_t len, size_t offset, int *line, int *column)
{
    int l = 1, c = 1;
    for (size_t i = bom_length(buf, len); i < offset && i < len;
         i += char_length(buf + i, len - i)) {
        if (buf[i] == '\n') {
            l++;
            c = 1;
        } else {
            c++;
        }
    }
    *line = l;
    *column = c;
}

/* The byte at 0-based LINE and character COLUMN, or '\0' past the end. */
static char char_at(const char *buf, size_t len, size_t line, size_t column)
{
    size_t i = bom_length(buf, len);
    for (size_t l = 0; l < line && i < len; i++)
        if (buf[i] == '\n')
            l++;
    for (size_t c = 0; c < column && i < len && buf[i] != '\n'; c++)
        i += char_length(buf + i, len - i);
    return i < len ? buf[i] : '\0';
}

static void report_parser_error(const yaml_parser_t *parser, const char *buf, size_t len,
                                struct diag_list *diags)
{
    const char *problem = parser->problem != NULL ? parser->problem : "unknown problem";
    if (parser->error == YAML_MEMORY_ERROR) {
        diag_no_memory(diags);
        return;
    }
    if (parser->error == YAML_READER_ERROR) {
        int line, column;
        offset_position(buf, len, parser->problem_offset, &line, &column);
        if (strstr(problem, "UTF-8") != NULL || strstr(problem, "Unicode") != NULL)
            diag_add(diags, line, column,
                     "the text here is not valid UTF-8; the file was probably saved in another "
                     "encoding (such as Windows-1252): save it as UTF-8");
        else
            diag_add(diags, line, column, "the file cannot be read as text (%s); save it as UTF-8",
                     problem);
        return;
    }
    int line = (int)parser->problem_mark.line + 1;
    int column = (int)parser->problem_mark.column + 1;
    const char *hint = "check the indentation and the quoting around this point";
    if (char_at(buf, len, parser->problem_mark.line, parser->problem_mark.column) == '\t')
        hint = "a tab is here: indent with spaces only";
    if (parser->context != NULL)
        diag_add(diags, line, column, "YAML syntax error: %s %s (line %d); %s", problem,
                 parser->context, (int)parser->context_mark.line + 1, hint);
    else
        diag_add(diags, line, column, "YAML syntax error: %s; %s", problem, hint);
}

/* Adds a node of KIND at MARK under the innermost open container (or as the
 * root) and returns it, or NULL after a message. The node stays where it is
 * until its container closes; an open container is always its parent's last
 * entry, so it does not move while it is open. */
static struct ynode *add_node(struct builder *b, enum ynode_kind kind, yaml_mark_t mark)
{
    if (++b->nodes_seen > b->limits->max_nodes) {
        diag_add(b->diags, (int)mark.line + 1, (int)mark.column + 1,
                 "the file has too many entries (more than %zu); split or shorten it",
                 b->limits->max_nodes);
        return NULL;
    }
    struct ynode *node = &b->tree->root;
    if (b->depth == 0) {
        assert(!b->tree->has_root); /* libyaml ends the document after its root */
        b->tree->has_root = true;
    } else {
        struct level *lv = &b->levels[b->depth - 1];
        if (lv->count == lv->cap) {
            size_t cap = lv->cap != 0 ? lv->cap * 2 : 16;
            struct ynode *items = realloc(lv->items, cap * sizeof(*items));
            if (items == NULL) {
                diag_no_memory(b->diags);
                return NULL;
            }
            lv->items = items;
            lv->cap = cap;
        }
        node = &lv->items[lv->count++];
    }
    *node = (struct ynode){
        .kind = (unsigned char)kind, .line = (int)mark.line + 1, .column = (int)mark.column + 1};
    return node;
}

static int open_container(struct builder *b, enum ynode_kind kind, yaml_mark_t mark)
{
    if (b->depth == b->limits->max_depth) {
        diag_add(b->diags, (int)mark.line + 1, (int)mark.column + 1,
                 "the lists and mappings are nested too deeply (more than %zu levels)",
                 b->limits->max_depth);
        return -1;
    }
    struct ynode *node = add_node(b, kind, mark);
    if (node == NULL)
        return -1;
    struct level *lv = &b->levels[b->depth++];
    lv->node = node;
    lv->count = 0;
    return 0;
}

static int close_container(struct builder *b)
{
    assert(b->depth > 0); /* libyaml pairs every end with its start */
    struct level *lv = &b->levels[--b->depth];
    lv->node->count = (uint32_t)lv->count;
    if (lv->count == 0)
        return 0;
    struct ynode *items = arena_memdup(b->tree->arena, lv->items, lv->count * sizeof(*items));
    if (items == NULL) {
        diag_no_memory(b->diags);
        return -1;
    }
    lv->node->items = items;
    return 0;
}

/* Whether CODE is a control character a text must not hold: C0 but line
 * feed and tab (which YAML allows in texts, and which the writers turn into
 * spaces), DEL and C1. A terminal would act on them (move the cursor, clear
 * the screen, start an escape sequence). NUL is left to the loader, which
 * names the key. */
static bool is_control(uint32_t code)
{
    return (code < 0x20 && code != '\n' && code != '\t' && code != '\0') ||
           (code >= 0x7F && code <= 0x9F);
}

/* Reports the first control character in scalar VALUE (LEN bytes of valid
 * UTF-8, as libyaml hands them over). The message goes at the scalar's
 * start: such characters come from escapes ("\e", "\x1b", "\u009b") in
 * quoted texts, whose place in the value is not that in the file. */
static void check_controls(struct builder *b, const yaml_event_t *ev, const char *value, size_t len)
{
    const unsigned char *p = (const unsigned char *)value;
    size_t chars = 0;
    for (size_t i = 0; i < len;) {
        uint32_t code = p[i];
        int n = 1;
        /* Printable ASCII, most of every text, needs no decoding. */
        if (code < 0x20 || code >= 0x7F)
            n = utf8_decode(p + i, len - i, &code);
        assert(n > 0); /* libyaml hands over valid UTF-8 only */
        if (n <= 0)
            return;
        chars++;
        i += (size_t)n;
        if (!is_control(code))
            continue;
        diag_add(b->diags, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1,
                 code == '\r'
                     ? "this text contains a carriage return (character %zu); for a new line, "
                       "use a literal block (|) or \"\\n\""
                     : "this text contains a control character (character %zu, U+%04X); remove it",
                 chars, (unsigned)code);
        return;
    }
}

static int add_scalar(struct builder *b, const yaml_event_t *ev)
{
    size_t len = ev->data.scalar.length;
    if (len > b->limits->max_scalar) {
        diag_add(b->diags, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1,
                 "this text is too long (%zu bytes; at most %zu)", len, b->limits->max_scalar);
        return -1;
    }
    /* A key is an even entry of a mapping; its text stays with the tree. */
    const struct level *parent = b->depth > 0 ? &b->levels[b->depth - 1] : NULL;
    bool key = parent != NULL && parent->node->kind == YNODE_MAP && parent->count % 2 == 0;
    const char *value =
        arena_strndup(key ? b->tree->arena : b->values, (const char *)ev->data.scalar.value, len);
    if (value == NULL) {
        diag_no_memory(b->diags);
        return -1;
    }
    struct ynode *node = add_node(b, YNODE_SCALAR, ev->start_mark);
    if (node == NULL)
        return -1;
    node->value = value;
    node->len = (uint32_t)len;
    node->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    check_controls(b, ev, value, len);
    return 0;
}

/* Adds what event EV brings to the tree; -1 after a message. */
static int handle_event(struct builder *b, const yaml_event_t *ev, int *documents)
{
    int line = (int)ev->start_mark.line + 1, column = (int)ev->start_mark.column + 1;
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++*documents > 1) {
            diag_add(b->diags, line, column,
                     "a second YAML document starts here (\"---\"); keep the whole "
                     "questionnaire in one document");
            return -1;
        }
        return 0;
    case YAML_ALIAS_EVENT:
        diag_add(b->diags, line, column,
                 "aliases (*%s) are not supported in question files; write the text out in full",
                 (const char *)ev->data.alias.anchor);
        return -1;
    case YAML_SCALAR_EVENT: return add_scalar(b, ev);
    case YAML_SEQUENCE_START_EVENT: return open_container(b, YNODE_SEQ, ev->start_mark);
    case YAML_MAPPING_START_EVENT: return open_container(b, YNODE_MAP, ev->start_mark);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: return close_container(b);
    default: return 0;
    }
}

/* Reads every event of BUF into B's tree; -1 after a message. */
static int build(struct builder *b, yaml_parser_t *parser, const char *buf, size_t len)
{
    int documents = 0;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(parser, &ev)) {
            report_parser_error(parser, buf, len, b->diags);
            return -1;
        }
        bool end = ev.type == YAML_STREAM_END_EVENT;
        int err = handle_event(b, &ev, &documents);
        yaml_event_delete(&ev);
        if (err < 0)
            return err;
        if (end)
            return 0;
    }
}

struct ytree *ytree_parse(const char *buf, size_t len, const struct ytree_limits *limits,
                          struct arena *values, struct diag_list *diags)
{
    assert(buf != NULL || len == 0);
    struct ytree *tree = calloc(1, sizeof(*tree));
    struct builder b = {.limits = limits, .diags = diags, .tree = tree, .values = values};
    yaml_parser_t parser;
    int err = -1;
    if (tree == NULL || (tree->arena = arena_new()) == NULL ||
        (b.levels = calloc(limits->max_depth + 1, sizeof(*b.levels))) == NULL ||
        !yaml_parser_initialize(&parser)) {
        diag_no_memory(diags);
    } else {
        if (b.values == NULL)
            b.values = tree->arena;
        yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
        err = build(&b, &parser, buf, len);
        yaml_parser_delete(&parser);
    }
    if (b.levels != NULL)
        for (size_t i = 0; i <= limits->max_depth; i++)
            free(b.levels[i].items);
    free(b.levels);
    if (err < 0) {
        ytree_free(tree);
        return NULL;
    }
    return tree;
}

const struct ynode *ytree_root(const struct ytree *tree)
{
    assert(tree != NULL);
    return tree->has_root ? &tree->root : NULL;
}

void ytree_free(struct ytree *tree)
{
    if (tree == NULL)
        return;
    arena_free(tree->arena);
    free(tree);
}
