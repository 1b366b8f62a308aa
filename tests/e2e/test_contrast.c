/* SPDX-License-Identifier: MIT */
/* Contrast of what the kiosk draws: every cell with text on the welcome
 * screen, a question (with the focus on each answer) and the help box is
 * read through libvterm, its colour indices are turned into RGB in the
 * palettes patients meet (xterm's, GNOME Terminal's VTE with Tango, the
 * Linux console), with bold drawn bright where the terminal does so, and
 * its WCAG contrast ratio must be 7:1 or more (the kiosk is high contrast),
 * the emergency advice's banner too; 4.5:1 in the normal look. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "args.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kiosk_start.h"
#include "vt.h"
#include "vt_assert.h"

enum { T = 5000 };

static const char *binary;
static const char *source_dir;

struct palette {
    const char *name;
    unsigned colour[16];
    unsigned fg, bg;  /* the default colours */
    bool bold_bright; /* bold text in colours 0-7 is drawn in 8-15 */
};

static const struct palette palettes[] = {
    {"xterm",
     {0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5, 0x7f7f7f,
      0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff},
     0x000000,
     0xffffff,
     true},
    {"VTE (Tango)",
     {0x000000, 0xcc0000, 0x4e9a06, 0xc4a000, 0x3465a4, 0x75507b, 0x06989a, 0xd3d7cf, 0x555753,
      0xef2929, 0x8ae234, 0xfce94f, 0x729fcf, 0xad7fa8, 0x34e2e2, 0xeeeeec},
     0xd3d7cf,
     0x2e3436,
     false},
    {"Linux console",
     {0x000000, 0xaa0000, 0x00aa00, 0xaa5500, 0x0000aa, 0xaa00aa, 0x00aaaa, 0xaaaaaa, 0x555555,
      0xff5555, 0x55ff55, 0xffff55, 0x5555ff, 0xff55ff, 0x55ffff, 0xffffff},
     0xaaaaaa,
     0x000000,
     true},
};

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

/* The RGB of colour C (a vt_cell colour) in palette P; DEF for the default. */
static unsigned rgb(const struct palette *p, int c, unsigned def)
{
    if (c == VT_COLOR_DEFAULT)
        return def;
    if (c & 0x1000000)
        return (unsigned)c & 0xffffff;
    if (c < 16)
        return p->colour[c];
    if (c >= 232) {
        unsigned g = 8 + 10 * (unsigned)(c - 232);
        return g << 16 | g << 8 | g;
    }
    int i = c - 16, level[] = {0, 95, 135, 175, 215, 255};
    return (unsigned)level[i / 36] << 16 | (unsigned)level[i / 6 % 6] << 8 | (unsigned)level[i % 6];
}

/* Every cell with text on the screen meets MIN in every palette. */
static void assert_contrast(struct vt *vt, const char *what, double min)
{
    int rows, cols;
    vt_size(vt, &rows, &cols);
    for (size_t pi = 0; pi < sizeof(palettes) / sizeof(palettes[0]); pi++) {
        const struct palette *p = &palettes[pi];
        double worst = 100;
        int wr = -1, wc = -1;
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) {
                struct vt_cell cell;
                if (!vt_cell(vt, r, c, &cell) || cell.text[0] == '\0' ||
                    strcmp(cell.text, " ") == 0)
                    continue;
                int fgi = cell.fg;
                if (cell.bold && p->bold_bright && fgi >= 0 && fgi < 8)
                    fgi += 8;
                unsigned fg = rgb(p, fgi, p->fg), bg = rgb(p, cell.bg, p->bg);
                if (cell.reverse) {
                    unsigned t = fg;
                    fg = bg;
                    bg = t;
                }
                double q = ratio(fg, bg);
                if (q < worst) {
                    worst = q;
                    wr = r;
                    wc = c;
                }
            }
        print_message("%s, %s: lowest contrast %.1f:1\n", what, p->name, worst);
        if (worst < min) {
            vt_dump(vt, stderr);
            fail_msg("%s in %s: %.1f:1 at row %d, column %d (at least %.1f:1 wanted)", what,
                     p->name, worst, wr, wc, min);
        }
    }
}

static int teardown(void **state)
{
    vt_free(*state);
    return 0;
}

/* From the welcome screen: the question with each answer focused, then a
 * yes to the first question and its emergency screen (that shows TITLE),
 * each at MIN or more. */
static void question_and_emergency(struct vt *vt, const char *title, double min)
{
    vt_send(vt, VT_ENTER);
    VT_ASSERT_TEXT(vt, "Question 1 of", T);
    VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
    for (int i = 0; i < 3; i++) {
        assert_contrast(vt, "question, each answer focused", min);
        vt_send(vt, VT_TAB);
        VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
    }
    vt_send(vt, "y");
    VT_ASSERT_TEXT(vt, title, T);
    VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
    assert_contrast(vt, "emergency advice", min);
}

static void kiosk_screens_are_high_contrast(void **state)
{
    struct vt *vt = kiosk_start(state, binary, source_dir, NULL, NULL);
    assert_contrast(vt, "welcome", 7.0);
    vt_send(vt, "?");
    VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
    assert_contrast(vt, "welcome help", 7.0);
    vt_send(vt, VT_ESC);
    VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
    question_and_emergency(vt, "reception desk", 7.0);
}

/* The normal look (not the kiosk) at 4.5:1 (WCAG AA): the welcome screen,
 * a question with each answer focused, an emergency screen and the results,
 * in the terminal's own colours (libvterm reports no faint text, so the
 * theme has none). */
static void normal_screens_meet_aa(void **state)
{
    static char questions[4096];
    snprintf(questions, sizeof(questions), "%s/questions/en.yaml", source_dir);
    char *argv[] = {(char *)binary, "--questions", questions, NULL};
    struct vt *vt = vt_spawn(argv, NULL, 24, 80);
    assert_non_null(vt);
    *state = vt;
    VT_ASSERT_TEXT(vt, "Press Enter to start", T);
    VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
    assert_contrast(vt, "normal welcome", 4.5);
    question_and_emergency(vt, "Call an ambulance now", 4.5);
    vt_send(vt, VT_ENTER);
    VT_ASSERT_TEXT(vt, "Your results", T);
    VT_ASSERT(vt, vt_wait_quiet(vt, 50, T));
    assert_contrast(vt, "normal results", 4.5);
}

int main(int argc, char **argv)
{
    e2e_args(argc, argv, &binary, &source_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(kiosk_screens_are_high_contrast, teardown),
        cmocka_unit_test_teardown(normal_screens_meet_aa, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
