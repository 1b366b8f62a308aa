/* SPDX-License-Identifier: MIT */
/* tui_widgets: shared drawing helpers; layout comes from the core's wrap. */
#include "widgets.h"

#include "musclecheck/translit.h"
#include "musclecheck/tui.h"
#include "musclecheck/utf8.h"
#include "musclecheck/wrap.h"

#include <stdlib.h>
#include <string.h>

static const char chosen_mark[] = " \xE2\x9C\x93"; /* " ✓" */
static bool ascii_mode;

void widget_set_ascii(bool ascii)
{
    ascii_mode = ascii;
}

void widget_put(int y, int x, const char *text, size_t len)
{
    if (!ascii_mode) {
        mvaddnstr(y, x, text, (int)len);
        return;
    }
    char buf[1024];
    size_t done = 0;
    move(y, x);
    while (done < len) { /* in slices that end on whole characters */
        size_t slice = len - done < 512 ? len - done : 512;
        if (slice < len - done)
            slice = utf8_back(text + done, slice);
        translit_ascii(text + done, slice, buf, sizeof(buf));
        addstr(buf);
        done += slice;
    }
}

int widget_text(int y, int x, int width, int max_lines, const char *text, enum role role)
{
    if (width < 1 || max_lines < 1)
        return 0;
    struct wrap_line *lines = NULL;
    size_t n = wrap_text(text, width, &lines);
    int used = 0;
    attr_t attr = theme_attr(role);
    attron(attr);
    for (size_t i = 0; i < n && used < max_lines; i++, used++) {
        bool cut = used == max_lines - 1 && i + 1 < n;
        if (!cut) {
            widget_put(y + used, x, text + lines[i].start, lines[i].len);
            continue;
        }
        /* Shorten the last visible line so that "..." fits. */
        size_t len = lines[i].len;
        while (len > 0 && wrap_width(text + lines[i].start, len) > width - 3)
            len--;
        len = utf8_back(text + lines[i].start, len);
        widget_put(y + used, x, text + lines[i].start, len);
        addstr("...");
    }
    attroff(attr);
    free(lines);
    return used;
}

int widget_text_from(int y, int x, int width, int skip, int max_lines, const char *text,
                     enum role role)
{
    if (width < 1 || max_lines < 1)
        return 0;
    struct wrap_line *lines = NULL;
    size_t n = wrap_text(text, width, &lines);
    int used = 0;
    attr_t attr = theme_attr(role);
    attron(attr);
    for (size_t i = skip > 0 ? (size_t)skip : 0; i < n && used < max_lines; i++, used++)
        widget_put(y + used, x, text + lines[i].start, lines[i].len);
    attroff(attr);
    free(lines);
    return used;
}

int widget_text_height(const char *text, int width)
{
    struct wrap_line *lines = NULL;
    size_t n = wrap_text(text, width < 1 ? 1 : width, &lines);
    free(lines);
    return (int)n;
}

/* The rows of paged blocks: which block and wrapped line each row shows
 * (block -1: the blank row between two blocks), and each sentence's first
 * and last row. */
struct paged {
    struct pag_row {
        int block;
        size_t start, len;
    } * row;
    int rows;
    struct pag_sentence {
        int first, last;
    } * sentence;
    int sentences;
};

static void paged_free(struct paged *p)
{
    free(p->row);
    free(p->sentence);
}

/* The end of the sentence of TEXT that starts at I: after a full stop,
 * question or exclamation mark that a space and no small letter follow
 * ("e.g. the" goes on), or at the end. */
static size_t sentence_end(const char *text, size_t i)
{
    for (; text[i] != '\0'; i++) {
        if (strchr(".!?", text[i]) == NULL || (text[i + 1] != ' ' && text[i + 1] != '\n'))
            continue;
        size_t j = i + 1;
        while (text[j] == ' ' || text[j] == '\n')
            j++;
        if (text[j] == '\0' || !(text[j] >= 'a' && text[j] <= 'z'))
            return i + 1;
    }
    return i;
}

/* The wrapped line of LINES (N) that holds byte OFF. */
static int line_of(const struct wrap_line *lines, size_t n, size_t off)
{
    size_t i = 0;
    while (i + 1 < n && lines[i + 1].start <= off)
        i++;
    return (int)i;
}

/* Lays BLOCKS out in P; false when out of memory (P is then empty). */
static bool paged_layout(struct paged *p, const struct text_block *blocks, int n, int width)
{
    memset(p, 0, sizeof(*p));
    size_t row_cap = 0, sentence_cap = 0;
    for (int b = 0; b < n; b++) {
        const char *text = blocks[b].text;
        if (text[0] == '\0')
            continue;
        struct wrap_line *lines = NULL;
        size_t count = wrap_text(text, width < 1 ? 1 : width, &lines);
        size_t sentences = 0;
        for (size_t i = 0; text[i] != '\0'; i = sentence_end(text, i), sentences++)
            while (text[i] == ' ' || text[i] == '\n')
                i++;
        size_t need = (size_t)p->rows + count + 1;
        if (need > row_cap) {
            row_cap = need * 2;
            void *grown = realloc(p->row, row_cap * sizeof(*p->row));
            if (grown == NULL)
                goto oom;
            p->row = grown;
        }
        if ((size_t)p->sentences + sentences > sentence_cap) {
            sentence_cap = ((size_t)p->sentences + sentences) * 2;
            void *grown = realloc(p->sentence, sentence_cap * sizeof(*p->sentence));
            if (grown == NULL)
                goto oom;
            p->sentence = grown;
        }
        if (p->rows > 0)
            p->row[p->rows++] = (struct pag_row){-1, 0, 0};
        int base = p->rows;
        for (size_t i = 0; i < count; i++)
            p->row[p->rows++] = (struct pag_row){b, lines[i].start, lines[i].len};
        for (size_t i = 0; text[i] != '\0';) {
            while (text[i] == ' ' || text[i] == '\n')
                i++;
            if (text[i] == '\0')
                break;
            size_t end = sentence_end(text, i);
            p->sentence[p->sentences++] = (struct pag_sentence){
                base + line_of(lines, count, i), base + line_of(lines, count, end - 1)};
            i = end;
        }
        free(lines);
        continue;
    oom:
        free(lines);
        paged_free(p);
        memset(p, 0, sizeof(*p));
        return false;
    }
    return true;
}

/* The first row of the page after the one that starts at TOP, SHOWN rows
 * long: where the first sentence it does not show whole begins. */
static int page_next(const struct paged *p, int top, int shown)
{
    for (int i = 0; i < p->sentences; i++)
        if (p->sentence[i].last >= top + shown)
            return p->sentence[i].first > top ? p->sentence[i].first : top + shown;
    return top + shown;
}

/* The first row of the page that holds row SCROLL (the first page's for
 * less, the last page's for more) and of the pages either side of it. */
static void page_find(const struct paged *p, int rows, int scroll, int *prev, int *top, int *next)
{
    int shown = rows - 1;
    *prev = *top = 0;
    *next = page_next(p, 0, shown);
    while (*top + shown < p->rows && *next <= scroll) {
        *prev = *top;
        *top = *next;
        *next = page_next(p, *top, shown);
    }
}

int widget_blocks_height(const struct text_block *blocks, int n, int width)
{
    int rows = 0;
    for (int b = 0; b < n; b++)
        if (blocks[b].text[0] != '\0')
            rows += (rows > 0 ? 1 : 0) + widget_text_height(blocks[b].text, width);
    return rows;
}

int widget_page_turn(const struct text_block *blocks, int n, int width, int rows, int scroll,
                     int dir)
{
    struct paged p;
    if (rows < 2 || !paged_layout(&p, blocks, n, width))
        return 0;
    int prev, top, next;
    page_find(&p, rows, scroll, &prev, &top, &next);
    bool last = p.rows <= rows || top + rows - 1 >= p.rows;
    paged_free(&p);
    return dir < 0 ? prev : last ? top : next;
}

void widget_page_hint(struct hits *hits, int y, int x, int width, const char *hint, bool below)
{
    widget_text(y, x, width, 1, hint, ROLE_KEYS);
    const struct button page = {.label = hint, .cmd = below ? CMD_PAGE_DOWN : CMD_PAGE_UP};
    widget_hitbox(hits, y, x, 1, width, &page);
}

int widget_pages(struct hits *hits, int y, int x, int width, int rows,
                 const struct text_block *blocks, int n, int scroll, const char *below,
                 const char *above)
{
    struct paged p;
    if (rows < 1 || width < 1 || !paged_layout(&p, blocks, n, width))
        return 0;
    int top = 0, shown = p.rows, prev, next;
    if (p.rows > rows && rows >= 2) {
        page_find(&p, rows, scroll, &prev, &top, &next);
        shown = rows - 1;
    } else if (p.rows > rows) {
        shown = rows; /* no room for a hint: the window is below its minimum */
    }
    int used = 0;
    for (int r = top; r < p.rows && used < shown; r++, used++) {
        const struct pag_row *row = &p.row[r];
        if (row->block < 0)
            continue;
        attr_t attr = theme_attr(blocks[row->block].role);
        attron(attr);
        widget_put(y + used, x, blocks[row->block].text + row->start, row->len);
        attroff(attr);
    }
    if (shown < p.rows && rows >= 2) {
        /* The hint stays on the last row, under a short last page too. */
        bool more = top + shown < p.rows;
        widget_page_hint(hits, y + rows - 1, x, width, more ? below : above, more);
        used = rows;
    }
    paged_free(&p);
    return used;
}

int widget_centered(int y, const char *text, enum role role)
{
    int w = wrap_width(text, strlen(text));
    int x = w < COLS ? (COLS - w) / 2 : 0;
    widget_text(y, x, COLS - x, 1, text, role);
    return x;
}

void widget_header(const char *title, const char *right)
{
    int right_w = right != NULL ? wrap_width(right, strlen(right)) : 0;
    widget_text(0, 1, COLS - 2 - (right_w > 0 ? right_w + 2 : 0), 1, title, ROLE_TITLE);
    if (right_w > 0 && right_w < COLS - 10)
        widget_text(0, COLS - 1 - right_w, right_w, 1, right, ROLE_DIM);
    attron(theme_attr(ROLE_DIM));
    /* The alternate character set here: curses sends a whole-width run of
     * it as one repeat sequence, where the Unicode line would cost 3 bytes a
     * column. */
    mvhline(1, 0, ACS_HLINE, COLS);
    attroff(theme_attr(ROLE_DIM));
}

void widget_content(int *x, int *width)
{
    int w = COLS - 4;
    if (w > 80)
        w = 80;
    *width = w;
    *x = (COLS - w) / 2;
}

/* A frame of H rows and W columns at Y, X. Unicode line characters rather
 * than the terminal's alternate character set: no charset switching around
 * every border character, so redraws next to a frame stay small. */
static void draw_frame(int y, int x, int h, int w)
{
    if (ascii_mode) { /* the terminal's own line set: it has no UTF-8 */
        mvaddch(y, x, ACS_ULCORNER);
        mvhline(y, x + 1, ACS_HLINE, w - 2);
        mvaddch(y, x + w - 1, ACS_URCORNER);
        mvvline(y + 1, x, ACS_VLINE, h - 2);
        mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
        mvaddch(y + h - 1, x, ACS_LLCORNER);
        mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
        mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
        return;
    }
    mvadd_wch(y, x, WACS_ULCORNER);
    mvhline_set(y, x + 1, WACS_HLINE, w - 2);
    mvadd_wch(y, x + w - 1, WACS_URCORNER);
    mvvline_set(y + 1, x, WACS_VLINE, h - 2);
    mvvline_set(y + 1, x + w - 1, WACS_VLINE, h - 2);
    mvadd_wch(y + h - 1, x, WACS_LLCORNER);
    mvhline_set(y + h - 1, x + 1, WACS_HLINE, w - 2);
    mvadd_wch(y + h - 1, x + w - 1, WACS_LRCORNER);
}

/* Touch-sized (BIG) buttons get more room around the label. */
static int button_width(const struct button *b, bool big)
{
    return wrap_width(b->label, strlen(b->label)) + (big ? 8 : 4) + (b->chosen ? 2 : 0);
}

static int buttons_width(const struct button *buttons, int n, bool big)
{
    int w = 0;
    for (int i = 0; i < n; i++)
        w += button_width(&buttons[i], big) + (i > 0 ? 2 : 0);
    return w;
}

int widget_button_height(const struct tui *ui)
{
    return LINES >= 20 || (ui->big_buttons && LINES >= TUI_MIN_ROWS) ? 3 : 1;
}

void widget_hitbox(struct hits *hits, int y, int x, int h, int w, const struct button *b)
{
    if (hits->count < TUI_MAX_HITS)
        hits->box[hits->count++] = (struct hitbox){y, x, h, w, b->cmd, b->language};
}

/* Draws a button; the focused one's label start is where the attention is. */
static void draw_button(struct hits *hits, int y, int x, int w, int h, const struct button *b,
                        bool focused, bool big)
{
    /* Only the label row changes with the focus, so moving it between
     * buttons redraws two short rows and not the boxes around them. */
    attr_t frame = theme_attr(ROLE_BUTTON);
    attr_t fill = theme_attr(focused ? ROLE_FOCUS : ROLE_BUTTON);
    int label_y = y + (h >= 3 ? 1 : 0);
    attron(fill);
    mvhline(label_y, x + (h >= 3 ? 1 : 0), ' ', w - (h >= 3 ? 2 : 0));
    attroff(fill);
    if (h >= 3) {
        attron(frame);
        draw_frame(y, x, 3, w);
        attroff(frame);
    } else {
        attron(fill);
        mvaddch(label_y, x, focused ? '>' : '[');
        mvaddch(label_y, x + w - 1, focused ? '<' : ']');
        attroff(fill);
    }
    attron(fill);
    if (focused)
        widget_attention(hits, label_y, x + (big ? 4 : 2));
    widget_put(label_y, x + (big ? 4 : 2), b->label, strlen(b->label));
    if (b->chosen)
        addstr(ascii_mode ? " *" : chosen_mark);
    attroff(fill);
}

/* The end of the row of buttons that starts with button I of N: as many as
 * fit in the window's width, and at least one. */
static int row_end(const struct button *buttons, int n, int i, bool big)
{
    int w = button_width(&buttons[i], big), j = i + 1;
    while (j < n && w + 2 + button_width(&buttons[j], big) <= COLS - 2)
        w += 2 + button_width(&buttons[j++], big);
    return j;
}

int widget_button_rows(const struct button *buttons, int n, bool big)
{
    int rows = 0;
    for (int i = 0; i < n; i = row_end(buttons, n, i, big))
        rows++;
    return rows;
}

void widget_attention(struct hits *hits, int y, int x)
{
    hits->focus_y = y;
    hits->focus_x = x;
}

int widget_buttons(struct hits *hits, bool big, int y, const struct button *buttons, int n,
                   int focus, int height)
{
    int rows = 0;
    for (int i = 0; i < n; rows++, y += height) {
        int end = row_end(buttons, n, i, big);
        int total = buttons_width(buttons + i, end - i, big);
        int x = total < COLS ? (COLS - total) / 2 : 0;
        for (; i < end; i++) {
            int w = button_width(&buttons[i], big);
            draw_button(hits, y, x, w, height, &buttons[i], i == focus, big);
            widget_hitbox(hits, y, x, height, w, &buttons[i]);
            x += w + 2;
        }
    }
    return rows * height;
}

void widget_progress(int y, int x, int width, const char *label, size_t pos, size_t total)
{
    int label_w = wrap_width(label, strlen(label));
    widget_text(y, x, width, 1, label, ROLE_NORMAL);
    int bar_x = x + label_w + 2, bar_w = width - label_w - 4;
    if (bar_w < 5)
        return;
    int filled = total > 0 ? (int)((long)bar_w * (long)pos / (long)total) : 0;
    attr_t attr = theme_attr(ROLE_TITLE);
    mvaddch(y, bar_x, '[');
    attron(attr);
    for (int i = 0; i < bar_w; i++)
        addch(i < filled ? '#' : '.');
    attroff(attr);
    addch(']');
}

void widget_score_bar(int y, int x, int width, int score, enum role role)
{
    if (width < 3)
        return;
    int inner = width - 2;
    int filled = (inner * score + 50) / 100;
    mvaddch(y, x, '[');
    attron(theme_attr(role));
    for (int i = 0; i < inner; i++)
        addch(i < filled ? '#' : '.');
    attroff(theme_attr(role));
    addch(']');
}

int widget_keys_height(const char *text)
{
    int h = widget_text_height(text, COLS - 2);
    return h < 1 ? 1 : h > 3 ? 3 : h;
}

void widget_keys(const char *text)
{
    widget_text(LINES - 1, 1, COLS - 2, 1, text, ROLE_KEYS);
}

void widget_keys_wrapped(const char *text)
{
    int h = widget_keys_height(text);
    widget_text(LINES - h, 1, COLS - 2, h, text, ROLE_KEYS);
}

/* Boxes are at most this wide, so that their text stays easy to read. */
static int box_width(void)
{
    return COLS - 4 < 70 ? COLS - 4 : 70;
}

int widget_box_text_width(void)
{
    return box_width() - 4;
}

void widget_box(int inner_h, int *y, int *x, int *w)
{
    int bw = box_width();
    int bh = inner_h + 2 < LINES - 2 ? inner_h + 2 : LINES - 2;
    int by = (LINES - bh) / 2, bx = (COLS - bw) / 2;
    attr_t attr = theme_attr(ROLE_NORMAL);
    attron(attr);
    for (int row = 0; row < bh; row++)
        mvhline(by + row, bx, ' ', bw);
    draw_frame(by, bx, bh, bw);
    attroff(attr);
    *y = by + 1;
    *x = bx + 2;
    *w = bw - 4;
}

const struct hitbox *widget_hit(const struct hits *hits, int y, int x)
{
    for (size_t i = 0; i < hits->count; i++) {
        const struct hitbox *h = &hits->box[i];
        if (y >= h->y && y < h->y + h->h && x >= h->x && x < h->x + h->w)
            return h;
    }
    return NULL;
}
