/* SPDX-License-Identifier: MIT */
/* floor: the least a curses yes/no screen can be (initscr, a box, two
 * buttons, getch, endwin), as the reference the benchmark measures
 * musclecheck, dialog and whiptail against. Left/Right/Tab move the focus,
 * Esc shows "Quit?", Enter or q ends. */
#include <curses.h>
#include <locale.h>

static void draw_buttons(int focus)
{
    int y = LINES / 2 + 2, x = COLS / 2 - 10;
    mvaddstr(y, x, focus == 0 ? "> Yes <" : "[ Yes ]");
    mvaddstr(y, x + 12, focus == 1 ? "> No <" : "[ No ]");
    mvchgat(y, x, 7, focus == 0 ? A_REVERSE : A_NORMAL, 0, NULL);
    mvchgat(y, x + 12, 6, focus == 1 ? A_REVERSE : A_NORMAL, 0, NULL);
}

static void draw(int focus)
{
    erase();
    box(stdscr, 0, 0);
    mvaddstr(LINES / 2 - 1, 4, "Do you often get painful cramps in your legs or feet at night?");
    draw_buttons(focus);
    refresh();
}

int main(void)
{
    setlocale(LC_ALL, "");
    initscr();
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    curs_set(0);
    int focus = 0;
    draw(focus);
    for (;;) {
        int key = getch();
        if (key == '\r' || key == '\n' || key == 'q')
            break;
        if (key == KEY_RESIZE) {
            draw(focus);
        } else if (key == 27) {
            mvaddstr(LINES / 2 + 4, 4, "Quit?");
            refresh();
        } else if (key == '\t' || key == KEY_LEFT || key == KEY_RIGHT) {
            focus ^= 1;
            draw_buttons(focus);
            refresh();
        }
    }
    endwin();
    return 0;
}
