/* SPDX-License-Identifier: MIT */
/* measure: the WCAG contrast of the text in a screenshot of a terminal.
 *
 * usage: measure NAME IMAGE.ppm SCREEN.txt CELLWxCELLH BORDER MIN [FOCUS]
 *
 * IMAGE is the terminal's window (xwd, then xwdtopnm: a binary PPM);
 * SCREEN is what xterm says is on it (its print-immediate dump: one line
 * per row, SGR sequences between the characters, which are skipped). Each
 * cell with a character that draws something is cut out of the picture at
 * BORDER + column * CELLW, BORDER + row * CELLH; its background is the
 * colour of most of its pixels, its text the colour of most of the others.
 * Every such cell must reach MIN:1 between the two (a cell with no other
 * colour, text drawn in its background's colour, is 1:1). FOCUS, when
 * given, is the label of the focused button: it must be on the screen as a
 * word, and one of its places must stand out: its background (that of
 * most of its cells and the cell on each side) at 3:1 or more against
 * that of the rest of its row (WCAG's non-text contrast); its text must
 * reach MIN too.
 *
 * Prints a line per pair of colours (text on background: ratio, number of
 * cells, an example), the lowest and the focused button's; exits 0 when
 * all is met, 1 when not, 2 on a bad argument or file. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ROWS_MAX = 200, COLS_MAX = 400, PAIRS_MAX = 256 };

static const char *name;

struct image {
    int w, h;
    unsigned char *rgb;
};

/* What xterm says is in each cell: a Unicode code point, 0 for none. */
static unsigned screen[ROWS_MAX][COLS_MAX];
static int rows, cols;

struct measured {
    bool text;        /* a character that draws something */
    unsigned bg, ink; /* 0xRRGGBB */
    double ratio;
};
static struct measured cell[ROWS_MAX][COLS_MAX];

static void die(const char *fmt, const char *what)
{
    fprintf(stderr, "measure: %s: ", name);
    fprintf(stderr, fmt, what);
    fputc('\n', stderr);
    exit(2);
}

static int ppm_number(FILE *f)
{
    int c = fgetc(f);
    while (c == '#' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (c == '#')
            while (c != '\n' && c != EOF)
                c = fgetc(f);
        c = fgetc(f);
    }
    int n = 0, digits = 0;
    while (c >= '0' && c <= '9' && n < 100000) {
        n = n * 10 + (c - '0');
        digits++;
        c = fgetc(f);
    }
    return digits > 0 ? n : -1; /* the one whitespace after it is read */
}

static struct image read_ppm(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        die("cannot open %s", path);
    struct image im = {0, 0, NULL};
    if (fgetc(f) != 'P' || fgetc(f) != '6')
        die("%s is not a binary PPM (P6)", path);
    im.w = ppm_number(f);
    im.h = ppm_number(f);
    int maxval = ppm_number(f);
    if (im.w <= 0 || im.h <= 0 || maxval != 255)
        die("%s: not a PPM of 8 bits a channel", path);
    size_t size = (size_t)im.w * (size_t)im.h * 3;
    im.rgb = malloc(size);
    if (im.rgb == NULL || fread(im.rgb, 1, size, f) != size)
        die("%s: short picture", path);
    fclose(f);
    return im;
}

/* The next UTF-8 character of *P (advanced past it); 0xfffd when bad. */
static unsigned utf8_next(const unsigned char **p)
{
    const unsigned char *s = *p;
    unsigned c = *s++;
    int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
    if (c >= 0x80 && more == 0) {
        *p = s;
        return 0xfffd;
    }
    if (more > 0)
        c &= 0x3fu >> more;
    for (; more > 0; more--) {
        if ((*s & 0xc0) != 0x80) {
            *p = s;
            return 0xfffd;
        }
        c = c << 6 | (*s++ & 0x3fu);
    }
    *p = s;
    return c;
}

/* xterm's print-immediate dump: "ESC # 5" starts a line, "ESC [ ... m"
 * sets attributes, CR LF ends it; trailing blanks are left out. */
static void read_screen(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        die("cannot open %s", path);
    static char line[65536];
    while (fgets(line, sizeof(line), f) != NULL) {
        if (rows == ROWS_MAX)
            die("%s: too many rows", path);
        int col = 0;
        const unsigned char *p = (const unsigned char *)line;
        while (*p != '\0' && *p != '\r' && *p != '\n') {
            if (*p == 0x1b) {
                p++;
                if (*p == '#' && p[1] != '\0') {
                    p += 2;
                } else if (*p == '[') {
                    p++;
                    while (*p != '\0' && (*p < 0x40 || *p > 0x7e))
                        p++;
                    if (*p != '\0')
                        p++;
                } else if (*p != '\0') {
                    p++;
                }
                continue;
            }
            unsigned c = utf8_next(&p);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0))
                continue; /* shift in and out, and other controls */
            if (col == COLS_MAX)
                die("%s: a row too long", path);
            screen[rows][col++] = c;
        }
        if (col > cols)
            cols = col;
        rows++;
    }
    fclose(f);
}

static double channel(unsigned c)
{
    double v = c / 255.0;
    return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double luminance(unsigned rgb)
{
    return 0.2126 * channel(rgb >> 16 & 0xff) + 0.7152 * channel(rgb >> 8 & 0xff) +
           0.0722 * channel(rgb & 0xff);
}

static double ratio(unsigned a, unsigned b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* Whether C draws nothing of its own (blank). */
static bool blank(unsigned c)
{
    return c == 0 || c == ' ' || c == 0xa0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200b);
}

/* The background (most pixels) and the text colour (most of the others)
 * of the rectangle at X, Y of W x H; *INK is *BG when there is no other. */
static void colours(const struct image *im, int x, int y, int w, int h, unsigned *bg, unsigned *ink)
{
    enum { MAX = 64 };
    unsigned colour[MAX];
    int count[MAX], n = 0;
    for (int j = y; j < y + h; j++)
        for (int i = x; i < x + w; i++) {
            const unsigned char *px = im->rgb + ((size_t)j * (size_t)im->w + (size_t)i) * 3;
            unsigned c = (unsigned)px[0] << 16 | (unsigned)px[1] << 8 | px[2];
            int k = 0;
            while (k < n && colour[k] != c)
                k++;
            if (k == n) {
                if (n == MAX)
                    continue;
                colour[n] = c;
                count[n++] = 0;
            }
            count[k]++;
        }
    int b = 0;
    for (int k = 1; k < n; k++)
        if (count[k] > count[b])
            b = k;
    int t = -1;
    for (int k = 0; k < n; k++)
        if (k != b && (t < 0 || count[k] > count[t]))
            t = k;
    *bg = colour[b];
    *ink = t < 0 ? colour[b] : colour[t];
}

/* The cells of the word LABEL at row R from column C, if it is there as a
 * word (no letter or digit just before or after it). */
static bool label_at(const unsigned *label, int len, int r, int c)
{
    if (c + len > cols)
        return false;
    for (int k = 0; k < len; k++)
        if (screen[r][c + k] != label[k])
            return false;
    unsigned before = c > 0 ? screen[r][c - 1] : ' ',
             after = c + len < cols ? screen[r][c + len] : ' ';
    bool word_before = (before >= '0' && before <= '9') || (before | 0x20) - 'a' < 26u,
         word_after = (after >= '0' && after <= '9') || (after | 0x20) - 'a' < 26u;
    return !word_before && !word_after;
}

int main(int argc, char **argv)
{
    if (argc != 7 && argc != 8) {
        fprintf(stderr,
                "usage: measure NAME IMAGE.ppm SCREEN.txt CELLWxCELLH BORDER MIN [FOCUS]\n");
        return 2;
    }
    name = argv[1];
    struct image im = read_ppm(argv[2]);
    read_screen(argv[3]);
    int cw, ch, border = atoi(argv[5]);
    double min = atof(argv[6]);
    if (sscanf(argv[4], "%dx%d", &cw, &ch) != 2 || cw <= 0 || ch <= 0 || border < 0 || min <= 1)
        die("bad cell size, border or minimum (%s)", argv[4]);
    int grid_rows = (im.h - 2 * border) / ch, grid_cols = (im.w - 2 * border) / cw;
    if (rows > grid_rows || cols > grid_cols || grid_rows > ROWS_MAX || grid_cols > COLS_MAX)
        die("the screen's text does not fit the picture (%s)", argv[3]);

    /* Each cell of the picture: its colours. */
    for (int r = 0; r < grid_rows; r++)
        for (int c = 0; c < grid_cols; c++) {
            struct measured *m = &cell[r][c];
            colours(&im, border + c * cw, border + r * ch, cw, ch, &m->bg, &m->ink);
            m->text = r < rows && !blank(screen[r][c]);
            m->ratio = ratio(m->ink, m->bg);
        }

    /* Every pair of colours with text, lowest first. */
    struct pair {
        unsigned ink, bg;
        int count, r, c;
    } pairs[PAIRS_MAX];
    int npairs = 0, text_cells = 0, worst_r = -1, worst_c = -1;
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) {
            const struct measured *m = &cell[r][c];
            if (!m->text)
                continue;
            text_cells++;
            if (worst_r < 0 || m->ratio < cell[worst_r][worst_c].ratio) {
                worst_r = r;
                worst_c = c;
            }
            int k = 0;
            while (k < npairs && (pairs[k].ink != m->ink || pairs[k].bg != m->bg))
                k++;
            if (k == npairs && npairs < PAIRS_MAX)
                pairs[npairs++] = (struct pair){m->ink, m->bg, 0, r, c};
            if (k < npairs)
                pairs[k].count++;
        }
    if (text_cells == 0)
        die("no text on the screen (%s)", argv[3]);
    for (int i = 1; i < npairs; i++)
        for (int j = i;
             j > 0 && ratio(pairs[j].ink, pairs[j].bg) < ratio(pairs[j - 1].ink, pairs[j - 1].bg);
             j--) {
            struct pair t = pairs[j];
            pairs[j] = pairs[j - 1];
            pairs[j - 1] = t;
        }
    for (int i = 0; i < npairs; i++) {
        const struct pair *p = &pairs[i];
        char example[64];
        int n = 0;
        for (int c = p->c; c < cols && n < 40 && !blank(screen[p->r][c]); c++) {
            unsigned u = screen[p->r][c];
            if (u < 0x80)
                example[n++] = (char)u;
            else
                example[n++] = '?';
        }
        example[n] = '\0';
        printf("%s: #%06x on #%06x: %4.1f:1 in %d cells (row %d, column %d: \"%s\")\n", name,
               p->ink, p->bg, ratio(p->ink, p->bg), p->count, p->r, p->c, example);
    }
    const struct measured *worst = &cell[worst_r][worst_c];
    bool ok = worst->ratio >= min;
    printf("%s: %d cells of text, lowest %.1f:1 at row %d, column %d (%.1f:1 wanted)\n", name,
           text_cells, worst->ratio, worst_r, worst_c, min);
    if (!ok)
        fprintf(stderr,
                "measure: %s: text at row %d, column %d is #%06x on #%06x, %.1f:1, under "
                "%.1f:1\n",
                name, worst_r, worst_c, worst->ink, worst->bg, worst->ratio, min);

    if (argc == 8) {
        /* The focused button: the place of its label that stands out. */
        unsigned label[256];
        int len = 0;
        const unsigned char *p = (const unsigned char *)argv[7];
        while (*p != '\0' && len < 256)
            label[len++] = utf8_next(&p);
        int found = 0, focus_r = -1, focus_c = -1;
        double focus_bg = 0;
        unsigned focus_around = 0;
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) {
                if (!label_at(label, len, r, c))
                    continue;
                found++;
                /* The label's background: that of most of its cells and
                 * the one on each side (the terminal's cursor may be on
                 * one of them). */
                int from = c > 0 ? c - 1 : c, to = c + len < cols ? c + len : c + len - 1;
                unsigned bg = cell[r][c].bg;
                for (int k = from, best = 0; k <= to; k++) {
                    int same = 0;
                    for (int j = from; j <= to; j++)
                        same += cell[r][j].bg == cell[r][k].bg;
                    if (same > best) {
                        best = same;
                        bg = cell[r][k].bg;
                    }
                }
                /* Against the background of the rest of its row. */
                unsigned around = bg;
                for (int k = 0, best = 0; k < grid_cols; k++) {
                    if (k >= from && k <= to)
                        continue;
                    int same = 0;
                    for (int j = 0; j < grid_cols; j++)
                        same += (j < from || j > to) && cell[r][j].bg == cell[r][k].bg;
                    if (same > best) {
                        best = same;
                        around = cell[r][k].bg;
                    }
                }
                double q = ratio(bg, around);
                if (q > focus_bg) {
                    focus_bg = q;
                    focus_around = around;
                    focus_r = r;
                    focus_c = c;
                }
            }
        if (found == 0) {
            fprintf(stderr, "measure: %s: no \"%s\" on the screen\n", name, argv[7]);
            ok = false;
        } else {
            double lowest = 100;
            unsigned ink = 0, bg = 0;
            for (int k = 0; k < len; k++) {
                const struct measured *m = &cell[focus_r][focus_c + k];
                if (m->text && m->ratio < lowest) {
                    lowest = m->ratio;
                    ink = m->ink;
                    bg = m->bg;
                }
            }
            printf("%s: focused \"%s\" at row %d, column %d: #%06x on #%06x, %.1f:1; "
                   "its background %.1f:1 against the row's #%06x\n",
                   name, argv[7], focus_r, focus_c, ink, bg, lowest, focus_bg, focus_around);
            if (lowest < min) {
                fprintf(stderr, "measure: %s: the focused \"%s\" is %.1f:1, under %.1f:1\n", name,
                        argv[7], lowest, min);
                ok = false;
            }
            if (focus_bg < 3.0) {
                fprintf(stderr,
                        "measure: %s: no \"%s\" stands out from the background of its row "
                        "(at most %.1f:1, 3:1 wanted): the focus is not shown\n",
                        name, argv[7], focus_bg);
                ok = false;
            }
        }
    }
    free(im.rgb);
    return ok ? 0 : 1;
}
