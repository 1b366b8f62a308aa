/* SPDX-License-Identifier: MIT */
/* ytree: builds a bounded, located node tree from libyaml events. */
#include "musclecheck/ytree.h"

#include "musclecheck/arena.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct ytree {
    struct arena *arena;   /* the nodes and texts kept, and every key's text */
    struct arena *scratch; /* one streamed list entry at a time */
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

enum { KEY_SLOTS = 128, KEY_MAX = 48 };

/* The keys seen so far, each stored once: a file repeats a few dozen keys
 * thousands of times. When the table is full, keys are simply copied. A
 * key is compared by length and bytes (it may hold a NUL from an escape). */
struct keys {
    const char *text[KEY_SLOTS];
    unsigned char len[KEY_SLOTS];
    size_t used;
};

struct builder {
    const struct ytree_limits *limits;
    const struct ytree_stream *stream; /* NULL, or the list handed over entry by entry */
    struct diag_list *diags;
    struct ytree *tree;
    struct arena *nodes; /* where nodes and values go now: the tree's arena or its scratch */
    struct keys keys;
    struct level *levels; /* max_depth entries */
    size_t depth;
    size_t nodes_seen;
    size_t streamed; /* entries of the streamed list handed over so far */
    bool stream_off; /* the callback kept an entry: the rest stays in the tree */
};

/* Key TEXT, stored once in the tree; NULL when out of memory. */
static const char *intern_key(struct builder *b, const char *text, size_t len)
{
    if (len > KEY_MAX)
        return arena_strndup(b->tree->arena, text, len);
    size_t h = 5381;
    for (size_t i = 0; i < len; i++)
        h = h * 33 + (unsigned char)text[i];
    size_t i = h % KEY_SLOTS;
    for (; b->keys.text[i] != NULL; i = (i + 1) % KEY_SLOTS)
        if (b->keys.len[i] == len && memcmp(b->keys.text[i], text, len) == 0)
            return b->keys.text[i];
    const char *copy = arena_strndup(b->tree->arena, text, len);
    if (copy != NULL && b->keys.used < KEY_SLOTS / 2) {
        b->keys.text[i] = copy;
        b->keys.len[i] = (unsigned char)len;
        b->keys.used++;
    }
    return copy;
}

static const char *const utf8_bom = "\xEF\xBB\xBF";

/* Line and column (1-based, in characters) of byte OFFSET in BUF. */
static void offset_position(const char *buf, size_t len, size_t offset, int *line, int *column)
{
    int l = 1, c = 1;
    size_t start = len >= 3 && memcmp(buf, utf8_bom, 3) == 0 ? 3 : 0;
    for (size_t i = start; i < offset && i < len; i++) {
        unsigned char ch = (unsigned char)buf[i];
        if (ch == '\n') {
            l++;
            c = 1;
        } else if ((ch & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *column = c;
}

/* The byte at 0-based LINE and character COLUMN, or '\0' past the end. */
static char char_at(const char *buf, size_t len, size_t line, size_t column)
{
    size_t i = len >= 3 && memcmp(buf, utf8_bom, 3) == 0 ? 3 : 0;
    for (size_t l = 0; l < line && i < len; i++)
        if (buf[i] == '\n')
            l++;
    for (size_t c = 0; c < column && i < len && buf[i] != '\n'; c++) {
        i++;
        while (i < len && ((unsigned char)buf[i] & 0xC0) == 0x80)
            i++;
    }
    return i < len ? buf[i] : '\0';
}

static void report_parser_error(const yaml_parser_t *parser, const char *buf, size_t len,
                                struct diag_list *diags)
{
    const char *problem = parser->problem != NULL ? parser->problem : "unknown problem";
    if (parser->error == YAML_MEMORY_ERROR) {
        diag_add(diags, 0, 0, "out of memory while reading the file");
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
        b->tree->has_root = true;
    } else {
        struct level *lv = &b->levels[b->depth - 1];
        if (lv->count == lv->cap) {
            size_t cap = lv->cap != 0 ? lv->cap * 2 : 16;
            struct ynode *items = realloc(lv->items, cap * sizeof(*items));
            if (items == NULL) {
                diag_add(b->diags, 0, 0, "out of memory while reading the file");
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

/* Whether an entry that opens or ends now, at depth 2, belongs to the
 * streamed list: the value of the top-level key the stream names. */
static bool in_stream(const struct builder *b)
{
    if (b->stream == NULL || b->stream_off || b->depth != 2)
        return false;
    const struct level *top = &b->levels[0], *list = &b->levels[1];
    /* The list must be a value (an even count: its key, then it), not a key. */
    if (top->node->kind != YNODE_MAP || list->node->kind != YNODE_SEQ || top->count < 2 ||
        top->count % 2 != 0)
        return false;
    const struct ynode *key = &top->items[top->count - 2];
    return key->kind == YNODE_SCALAR && strcmp(key->value, b->stream->key) == 0;
}

/* Hands the streamed list's last entry to the callback; when it is taken,
 * drops it and reuses the memory it took. */
static void hand_over(struct builder *b)
{
    struct level *top = &b->levels[0], *list = &b->levels[1];
    bool taken = b->stream->entry(b->stream->ctx, top->items, top->count - 2, list->node,
                                  &list->items[list->count - 1], b->streamed);
    if (taken) {
        list->count--;
        b->streamed++;
    } else {
        b->stream_off = true; /* what the scratch holds stays with the tree */
    }
    if (b->nodes == b->tree->scratch) {
        if (taken)
            arena_reset(b->tree->scratch);
        b->nodes = b->tree->arena;
    }
}

static bool open_container(struct builder *b, enum ynode_kind kind, yaml_mark_t mark)
{
    if (b->depth == b->limits->max_depth) {
        diag_add(b->diags, (int)mark.line + 1, (int)mark.column + 1,
                 "the lists and mappings are nested too deeply (more than %zu levels)",
                 b->limits->max_depth);
        return false;
    }
    /* A streamed entry is built in the scratch arena, which is reset once
     * the entry is handed over. */
    if (in_stream(b)) {
        if (b->tree->scratch == NULL && (b->tree->scratch = arena_new()) == NULL) {
            diag_add(b->diags, 0, 0, "out of memory while reading the file");
            return false;
        }
        b->nodes = b->tree->scratch;
    }
    struct ynode *node = add_node(b, kind, mark);
    if (node == NULL)
        return false;
    if (b->depth == 1)
        b->streamed = 0; /* a new top-level value: entries count from 0 */
    struct level *lv = &b->levels[b->depth++];
    lv->node = node;
    lv->count = 0;
    return true;
}

static bool close_container(struct builder *b)
{
    struct level *lv = &b->levels[--b->depth];
    lv->node->count = (uint32_t)lv->count;
    if (lv->count > 0) {
        struct ynode *items = arena_memdup(b->nodes, lv->items, lv->count * sizeof(*items));
        if (items == NULL) {
            diag_add(b->diags, 0, 0, "out of memory while reading the file");
            return false;
        }
        lv->node->items = items;
    }
    if (in_stream(b))
        hand_over(b);
    return true;
}

/* Whether the LEN bytes at P are all printable ASCII (0x20 to 0x7E), as
 * most texts are: eight bytes at a time, since every text is checked. */
static bool printable_ascii(const char *p, size_t len)
{
    const uint64_t ones = 0x0101010101010101u, highs = ones * 0x80;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t x, del;
        memcpy(&x, p + i, 8);
        del = x ^ (ones * 0x7F); /* a zero byte where x had DEL */
        /* a byte below 0x20, a DEL, or a byte from 0x80 up */
        if ((((x - ones * 0x20) & ~x) | ((del - ones) & ~del) | x) & highs)
            return false;
    }
    for (; i < len; i++)
        if ((unsigned char)p[i] < 0x20 || (unsigned char)p[i] >= 0x7F)
            return false;
    return true;
}

/* Reports the first control character in scalar VALUE (LEN bytes of valid
 * UTF-8): C0 but line feed and tab (which YAML allows in texts, and
 * which the writers turn into spaces), DEL and C1. A terminal would act on them (move
 * the cursor, clear the screen, start an escape sequence). NUL is left to
 * the loader, which names the key. The message goes at the scalar's start:
 * such characters come from escapes ("\e", "\x1b", "\u009b") in quoted
 * texts, whose place in the value is not that in the file. */
static void check_controls(struct builder *b, const yaml_event_t *ev, const char *value, size_t len)
{
    if (printable_ascii(value, len))
        return;
    size_t chars = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)value[i];
        if ((c & 0xC0) != 0x80)
            chars++;
        unsigned code = c;
        if (c == 0xC2 && i + 1 < len && (unsigned char)value[i + 1] <= 0x9F)
            code = (unsigned char)value[i + 1]; /* U+0080-U+009F */
        bool control = (code < 0x20 && code != '\n' && code != '\t' && code != '\0') ||
                       code == 0x7F || (code >= 0x80 && code <= 0x9F && c == 0xC2);
        if (!control)
            continue;
        diag_add(b->diags, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1,
                 code == '\r'
                     ? "this text contains a carriage return (character %zu); for a new line, "
                       "use a literal block (|) or \"\\n\""
                     : "this text contains a control character (character %zu, U+%04X); remove it",
                 chars, code);
        return;
    }
}

static bool add_scalar(struct builder *b, const yaml_event_t *ev)
{
    size_t len = ev->data.scalar.length;
    if (len > b->limits->max_scalar) {
        diag_add(b->diags, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1,
                 "this text is too long (%zu bytes; at most %zu)", len, b->limits->max_scalar);
        return false;
    }
    /* A key is an even entry of a mapping; its text stays with the tree. */
    const struct level *parent = b->depth > 0 ? &b->levels[b->depth - 1] : NULL;
    bool key = parent != NULL && parent->node->kind == YNODE_MAP && parent->count % 2 == 0;
    const char *text = (const char *)ev->data.scalar.value;
    const char *value = key ? intern_key(b, text, len) : arena_strndup(b->nodes, text, len);
    struct ynode *node = value != NULL ? add_node(b, YNODE_SCALAR, ev->start_mark) : NULL;
    if (value == NULL)
        diag_add(b->diags, 0, 0, "out of memory while reading the file");
    if (node == NULL)
        return false;
    node->value = value;
    node->len = (uint32_t)len;
    node->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    check_controls(b, ev, node->value, len);
    if (in_stream(b))
        hand_over(b);
    return true;
}

/* Handles one event; returns 1 to go on, 0 at the end of the stream, -1 on error. */
static int handle_event(struct builder *b, const yaml_event_t *ev, int *documents)
{
    int line = (int)ev->start_mark.line + 1, column = (int)ev->start_mark.column + 1;
    switch (ev->type) {
    case YAML_STREAM_END_EVENT: return 0;
    case YAML_DOCUMENT_START_EVENT:
        if (++*documents > 1) {
            diag_add(b->diags, line, column,
                     "a second YAML document starts here (\"---\"); keep the whole "
                     "questionnaire in one document");
            return -1;
        }
        return 1;
    case YAML_ALIAS_EVENT:
        diag_add(b->diags, line, column,
                 "aliases (*%s) are not supported in question files; write the text out in full",
                 (const char *)ev->data.alias.anchor);
        return -1;
    case YAML_SCALAR_EVENT: return add_scalar(b, ev) ? 1 : -1;
    case YAML_SEQUENCE_START_EVENT: return open_container(b, YNODE_SEQ, ev->start_mark) ? 1 : -1;
    case YAML_MAPPING_START_EVENT: return open_container(b, YNODE_MAP, ev->start_mark) ? 1 : -1;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: return close_container(b) ? 1 : -1;
    default: return 1;
    }
}

struct ytree *ytree_parse(const char *buf, size_t len, const struct ytree_limits *limits,
                          const struct ytree_stream *stream, struct diag_list *diags)
{
    struct ytree *tree = calloc(1, sizeof(*tree));
    struct builder b = {.limits = limits, .stream = stream, .diags = diags, .tree = tree};
    yaml_parser_t parser;
    bool parser_ready = false;
    if (tree == NULL || (tree->arena = arena_new()) == NULL ||
        (b.levels = calloc(limits->max_depth + 1, sizeof(*b.levels))) == NULL) {
        diag_add(diags, 0, 0, "out of memory while reading the file");
        goto err;
    }
    b.nodes = tree->arena;
    if (!yaml_parser_initialize(&parser)) {
        diag_add(diags, 0, 0, "out of memory while reading the file");
        goto err;
    }
    parser_ready = true;
    yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
    int documents = 0;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            report_parser_error(&parser, buf, len, diags);
            goto err;
        }
        int go_on = handle_event(&b, &ev, &documents);
        yaml_event_delete(&ev);
        if (go_on < 0)
            goto err;
        if (go_on == 0)
            break;
    }
    yaml_parser_delete(&parser);
    for (size_t i = 0; i <= limits->max_depth; i++)
        free(b.levels[i].items);
    free(b.levels);
    return tree;
err:
    if (parser_ready)
        yaml_parser_delete(&parser);
    if (b.levels != NULL)
        for (size_t i = 0; i <= limits->max_depth; i++)
            free(b.levels[i].items);
    free(b.levels);
    ytree_free(tree);
    return NULL;
}

/* Copies the entries of CONTAINER (and theirs) into A; false when out of memory. */
static bool copy_items(struct arena *a, struct ynode *container)
{
    if (container->kind == YNODE_SCALAR) {
        container->value = arena_strndup(a, container->value, container->len);
        return container->value != NULL;
    }
    if (container->count == 0)
        return true;
    struct ynode *items = arena_memdup(a, container->items, container->count * sizeof(*items));
    if (items == NULL)
        return false;
    container->items = items;
    for (uint32_t i = 0; i < container->count; i++)
        if (!copy_items(a, &items[i]))
            return false;
    return true;
}

const struct ynode *ynode_copy(struct arena *a, const struct ynode *node)
{
    struct ynode *copy = arena_memdup(a, node, sizeof(*node));
    return copy != NULL && copy_items(a, copy) ? copy : NULL;
}

const struct ynode *ytree_root(const struct ytree *tree)
{
    return tree->has_root ? &tree->root : NULL;
}

void ytree_free(struct ytree *tree)
{
    if (tree == NULL)
        return;
    arena_free(tree->arena);
    arena_free(tree->scratch);
    free(tree);
}
