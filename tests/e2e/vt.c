/* SPDX-License-Identifier: MIT */
/* vt.c - end-to-end terminal test harness: a program on a pty, its screen emulated by libvterm.
 * See vt.h for the API and conventions. */
#include "vt.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

extern char **environ;

enum {
    SEND_TIMEOUT_MS = 5000,
    EXEC_TIMEOUT_MS = 10000,
    READ_CHUNK = 4096,
    PUMP_MAX_BYTES = 65536, /* per vt_pump call, so a flood cannot overrun a deadline */
    DRAIN_QUIET_MS = 100,   /* after exit, a grandchild may keep the pty open: stop reading then */
    REAP_TICK_MS = 20,      /* only without pidfd_open */
    MAX_CELL_UTF8 = VTERM_MAX_CHARS_PER_CELL * 4,
};

/* State of the splitter for multi-parameter mode sequences (see filter_byte). */
enum filter_state { F_NORMAL, F_ESC, F_CSI };

struct vt {
    pid_t pid;
    int master;  /* nonblocking pty master */
    int pidfd;   /* becomes readable when the child exits; -1 if unsupported */
    bool reaped; /* child reaped: pid may be reused, never signal it again */
    int status;  /* waitpid() status once reaped */
    VTerm *term; /* owned */
    VTermScreen *screen;
    size_t bytes;           /* read from the program since spawn / vt_reset_bytes */
    long long last_read_us; /* when output last arrived (vt_now_us clock) */

    /* Input for the program not yet written to the pty: typed bytes and terminal replies. */
    char *out;
    size_t out_len, out_cap;
    bool out_lost; /* a reply could not be queued (out of memory) */

    /* While set, libvterm output goes to cap instead (probing the keyboard encoder). */
    bool capturing;
    char cap[32];
    size_t cap_len;

    /* Properties libvterm reports through settermprop. */
    int mouse;
    bool altscreen, cursor_visible;

    enum filter_state fstate;
    char pend[32]; /* bytes of a possibly multi-parameter mode sequence, not yet fed */
    size_t pend_len;
};

long long vt_now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

long long vt_last_output_us(const struct vt *vt)
{
    return vt != NULL ? vt->last_read_us : 0;
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int left_ms(long long deadline)
{
    long long d = deadline - now_ms();
    return d <= 0 ? 0 : d > INT_MAX ? INT_MAX : (int)d;
}

static long long deadline_in(int timeout_ms)
{
    return now_ms() + (timeout_ms > 0 ? timeout_ms : 0);
}

/* ---- input to the program ---- */

static bool queue_out(struct vt *vt, const char *s, size_t len)
{
    if (len == 0)
        return true;
    if (vt->out_len + len > vt->out_cap) {
        size_t cap = vt->out_cap ? vt->out_cap : 256;
        while (cap < vt->out_len + len)
            cap *= 2;
        char *p = realloc(vt->out, cap);
        if (!p)
            return false;
        vt->out = p;
        vt->out_cap = cap;
    }
    memcpy(vt->out + vt->out_len, s, len);
    vt->out_len += len;
    return true;
}

/* libvterm's output: replies to queries and encoded keys/mouse, all bound for the program. */
static void on_output(const char *s, size_t len, void *user)
{
    struct vt *vt = user;
    if (vt->capturing) {
        size_t n = len < sizeof vt->cap - vt->cap_len ? len : sizeof vt->cap - vt->cap_len;
        memcpy(vt->cap + vt->cap_len, s, n);
        vt->cap_len += n;
        return;
    }
    if (!queue_out(vt, s, len))
        vt->out_lost = true;
}

/* Writes as much pending input as the pty takes without blocking; -1 on a hard error. */
static int write_some(struct vt *vt)
{
    while (vt->out_len > 0) {
        ssize_t n = write(vt->master, vt->out, vt->out_len);
        if (n > 0) {
            memmove(vt->out, vt->out + n, vt->out_len - (size_t)n);
            vt->out_len -= (size_t)n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n == 0 || errno == EAGAIN || errno == EWOULDBLOCK) {
            return 0;
        } else {
            vt->out_len = 0; /* the program is gone; nobody will read it */
            return -1;
        }
    }
    return 0;
}

/* ---- output from the program ---- */

static void feed_raw(struct vt *vt, const char *p, size_t n)
{
    if (n > 0)
        vterm_input_write(vt->term, p, n);
}

/* Why: libvterm 0.1.4 applies only the first parameter of a mode set/reset, so
 * CSI ? 1006 ; 1000 h (what ncurses' XM capability sends to enable the mouse) would switch on
 * SGR encoding but not click reporting. Such sequences are split into one per parameter. */
static void split_modes(struct vt *vt, char final)
{
    size_t prefix = vt->pend[2] == '?' ? 3 : 2;
    const char *p = vt->pend + prefix, *end = vt->pend + vt->pend_len;
    for (;;) {
        const char *semi = memchr(p, ';', (size_t)(end - p));
        const char *stop = semi ? semi : end;
        char seq[sizeof vt->pend + 1];
        memcpy(seq, vt->pend, prefix);
        memcpy(seq + prefix, p, (size_t)(stop - p));
        seq[prefix + (size_t)(stop - p)] = final;
        feed_raw(vt, seq, prefix + (size_t)(stop - p) + 1);
        if (!semi)
            break;
        p = semi + 1;
    }
    vt->pend_len = 0;
    vt->fstate = F_NORMAL;
}

static void filter_byte(struct vt *vt, char c)
{
    bool more;
    if (vt->fstate == F_ESC)
        more = c == '[';
    else
        more = (c >= '0' && c <= '9') || c == ';' || (c == '?' && vt->pend_len == 2);
    if (more && vt->pend_len < sizeof vt->pend) {
        vt->pend[vt->pend_len++] = c;
        vt->fstate = F_CSI;
        return;
    }
    if (vt->fstate == F_CSI && (c == 'h' || c == 'l') && memchr(vt->pend, ';', vt->pend_len)) {
        split_modes(vt, c);
        return;
    }
    feed_raw(vt, vt->pend, vt->pend_len);
    vt->pend_len = 0;
    vt->fstate = F_NORMAL;
    if (c == '\033') {
        vt->pend[vt->pend_len++] = c;
        vt->fstate = F_ESC;
    } else {
        feed_raw(vt, &c, 1);
    }
}

static void feed(struct vt *vt, const char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (vt->fstate != F_NORMAL) {
            filter_byte(vt, p[i++]);
            continue;
        }
        const char *esc = memchr(p + i, '\033', n - i);
        size_t end = esc ? (size_t)(esc - p) : n;
        feed_raw(vt, p + i, end - i);
        i = end;
        if (esc) {
            vt->pend[0] = '\033';
            vt->pend_len = 1;
            vt->fstate = F_ESC;
            i++;
        }
    }
}

/* Reads what the pty has (bounded); returns bytes read, or -1 on EOF with nothing read. */
static int drain(struct vt *vt)
{
    char buf[READ_CHUNK];
    int total = 0;
    while (total < PUMP_MAX_BYTES) {
        ssize_t n = read(vt->master, buf, sizeof buf);
        if (n > 0) {
            total += (int)n;
            vt->bytes += (size_t)n;
            vt->last_read_us = vt_now_us();
            feed(vt, buf, (size_t)n);
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            return total;
        } else {
            return total > 0 ? total : -1; /* 0 or EIO: no process has the pty open any more */
        }
    }
    return total;
}

/* vt_pump, but also returns 0 as soon as wake_fd (if >= 0) becomes readable. */
static int pump(struct vt *vt, int timeout_ms, int wake_fd)
{
    long long deadline = deadline_in(timeout_ms);
    for (;;) {
        (void)write_some(vt);
        struct pollfd pfd[2] = {
            {.fd = vt->master, .events = (short)(POLLIN | (vt->out_len ? POLLOUT : 0))},
            {.fd = wake_fd, .events = POLLIN},
        };
        int r = poll(pfd, wake_fd >= 0 ? 2 : 1, left_ms(deadline));
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            return 0;
        if (pfd[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            int n = drain(vt);
            (void)write_some(vt); /* replies to queries just parsed */
            if (n != 0)
                return n;
        }
        if ((wake_fd >= 0 && pfd[1].revents) || left_ms(deadline) == 0)
            return 0;
    }
}

int vt_pump(struct vt *vt, int timeout_ms)
{
    if (!vt) {
        errno = EINVAL;
        return -1;
    }
    return pump(vt, timeout_ms, -1);
}

/* Writes all pending input, reading output meanwhile so neither side can block the other. */
static int flush_all(struct vt *vt, int timeout_ms)
{
    long long deadline = deadline_in(timeout_ms);
    if (vt->out_lost) {
        vt->out_lost = false;
        errno = ENOMEM;
        return -1;
    }
    while (vt->out_len > 0) {
        if (write_some(vt) < 0)
            return -1;
        if (vt->out_len == 0)
            break;
        if (left_ms(deadline) == 0) {
            errno = ETIMEDOUT;
            return -1;
        }
        if (pump(vt, left_ms(deadline), -1) < 0) {
            vt->out_len = 0;
            errno = EIO;
            return -1;
        }
    }
    return 0;
}

int vt_send_len(struct vt *vt, const char *bytes, size_t len)
{
    if (!vt || (!bytes && len > 0)) {
        errno = EINVAL;
        return -1;
    }
    if (!queue_out(vt, bytes, len)) {
        errno = ENOMEM;
        return -1;
    }
    return flush_all(vt, SEND_TIMEOUT_MS);
}

int vt_send(struct vt *vt, const char *bytes)
{
    return vt_send_len(vt, bytes, bytes ? strlen(bytes) : 0);
}

int vt_paste(struct vt *vt, const char *text, int parts, int gap_ms)
{
    if (!vt || !text || parts < 1) {
        errno = EINVAL;
        return -1;
    }
    size_t len = strlen(text), done = 0;
    vterm_keyboard_start_paste(vt->term); /* writes the bracket only in mode 2004 */
    for (int part = 0; part < parts; part++) {
        size_t end = part == parts - 1 ? len : len * (size_t)(part + 1) / (size_t)parts;
        if (!queue_out(vt, text + done, end - done)) {
            errno = ENOMEM;
            return -1;
        }
        done = end;
        if (flush_all(vt, SEND_TIMEOUT_MS) != 0)
            return -1;
        /* The gap: the program reads what came and waits for the rest. */
        for (long long until = now_ms() + gap_ms; part < parts - 1 && now_ms() < until;)
            if (vt_pump(vt, (int)(until - now_ms())) < 0)
                break;
    }
    vterm_keyboard_end_paste(vt->term);
    return flush_all(vt, SEND_TIMEOUT_MS);
}

int vt_key(struct vt *vt, enum vt_key key)
{
    static const VTermKey map[] = {
        [VT_KEY_UP] = VTERM_KEY_UP,
        [VT_KEY_DOWN] = VTERM_KEY_DOWN,
        [VT_KEY_LEFT] = VTERM_KEY_LEFT,
        [VT_KEY_RIGHT] = VTERM_KEY_RIGHT,
        [VT_KEY_HOME] = VTERM_KEY_HOME,
        [VT_KEY_END] = VTERM_KEY_END,
        [VT_KEY_PGUP] = VTERM_KEY_PAGEUP,
        [VT_KEY_PGDN] = VTERM_KEY_PAGEDOWN,
        [VT_KEY_INSERT] = VTERM_KEY_INS,
        [VT_KEY_DELETE] = VTERM_KEY_DEL,
        [VT_KEY_TAB] = VTERM_KEY_TAB,
        [VT_KEY_BTAB] = VTERM_KEY_TAB,
        [VT_KEY_ENTER] = VTERM_KEY_ENTER,
        [VT_KEY_ESC] = VTERM_KEY_ESCAPE,
        [VT_KEY_BACKSPACE] = VTERM_KEY_BACKSPACE,
    };
    if (!vt || (int)key < 0 || key > VT_KEY_F12) {
        errno = EINVAL;
        return -1;
    }
    if (key >= VT_KEY_F1)
        vterm_keyboard_key(vt->term, VTERM_KEY_FUNCTION(1 + (int)(key - VT_KEY_F1)),
                           VTERM_MOD_NONE);
    else
        vterm_keyboard_key(vt->term, map[key],
                           key == VT_KEY_BTAB ? VTERM_MOD_SHIFT : VTERM_MOD_NONE);
    return flush_all(vt, SEND_TIMEOUT_MS);
}

int vt_click(struct vt *vt, int row, int col)
{
    int rows, cols;
    if (!vt) {
        errno = EINVAL;
        return -1;
    }
    vt_size(vt, &rows, &cols);
    if (row < 0 || col < 0 || row >= rows || col >= cols) {
        errno = EINVAL;
        return -1;
    }
    /* libvterm 0.1.4 encodes button events even when reporting is off: check ourselves. */
    if (vt->mouse == VTERM_PROP_MOUSE_NONE) {
        errno = ENOTSUP;
        return -1;
    }
    /* Moving the pointer would report motion in mode 1003; a test click should not. */
    vt->capturing = true;
    vterm_mouse_move(vt->term, row, col, VTERM_MOD_NONE);
    vt->capturing = false;
    vt->cap_len = 0;
    vterm_mouse_button(vt->term, 1, true, VTERM_MOD_NONE);
    vterm_mouse_button(vt->term, 1, false, VTERM_MOD_NONE);
    return flush_all(vt, SEND_TIMEOUT_MS);
}

/* ---- screen ---- */

static int on_termprop(VTermProp prop, VTermValue *val, void *user)
{
    struct vt *vt = user;
    switch (prop) {
    case VTERM_PROP_MOUSE: vt->mouse = val->number; break;
    case VTERM_PROP_ALTSCREEN: vt->altscreen = val->boolean; break;
    case VTERM_PROP_CURSORVISIBLE: vt->cursor_visible = val->boolean; break;
    default: break;
    }
    return 1; /* 0 would make libvterm reject the change (e.g. not switch to the altscreen) */
}

static const VTermScreenCallbacks screen_callbacks = {.settermprop = on_termprop};

static size_t put_utf8(char *dst, uint32_t c)
{
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        c = 0xFFFD;
    if (c < 0x80) {
        dst[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        dst[0] = (char)(0xC0 | (c >> 6));
        dst[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        dst[0] = (char)(0xE0 | (c >> 12));
        dst[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        dst[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    dst[0] = (char)(0xF0 | (c >> 18));
    dst[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    dst[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    dst[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* libvterm 0.1.4 marks the second cell of a wide character with chars[0] == (uint32_t)-1 and
 * width 1 (not 0); other versions use width 0. Both are continuations. */
static bool is_continuation(const VTermScreenCell *cell)
{
    return cell->chars[0] == (uint32_t)-1 || cell->width == 0;
}

/* UTF-8 of a cell's characters (chars[] ends at the first 0 or after the maximum). */
static size_t cell_utf8(const VTermScreenCell *cell, char *dst)
{
    size_t n = 0;
    if (is_continuation(cell))
        return 0;
    for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell->chars[i]; i++)
        n += put_utf8(dst + n, cell->chars[i]);
    return n;
}

/* One row as UTF-8: empty cells read as spaces, the second cell of a wide character is
 * skipped. If start is given, start[c] receives the byte offset of the character covering
 * cell c. trim drops trailing spaces. NULL on allocation failure. */
static char *row_text(struct vt *vt, int row, bool trim, size_t *start)
{
    int rows, cols;
    vterm_get_size(vt->term, &rows, &cols);
    char *s = malloc((size_t)cols * MAX_CELL_UTF8 + 1);
    size_t n = 0;
    bool skip = false;
    if (!s)
        return NULL;
    for (int c = 0; c < cols; c++) {
        VTermScreenCell cell;
        if (skip) {
            skip = false;
            if (start)
                start[c] = start[c - 1];
            continue;
        }
        if (start)
            start[c] = n;
        vterm_screen_get_cell(vt->screen, (VTermPos){.row = row, .col = c}, &cell);
        size_t k = cell_utf8(&cell, s + n);
        if (k == 0)
            s[n++] = ' ';
        n += k;
        skip = k > 0 && cell.width == 2;
    }
    while (trim && n > 0 && s[n - 1] == ' ')
        n--;
    s[n] = '\0';
    return s;
}

void vt_size(const struct vt *vt, int *rows, int *cols)
{
    int r = 0, c = 0;
    if (vt)
        vterm_get_size(vt->term, &r, &c);
    if (rows)
        *rows = r;
    if (cols)
        *cols = c;
}

char *vt_row(struct vt *vt, int row)
{
    int rows;
    vt_size(vt, &rows, NULL);
    if (!vt || row < 0 || row >= rows)
        return NULL;
    return row_text(vt, row, true, NULL);
}

char *vt_screen(struct vt *vt)
{
    int rows, cols;
    if (!vt)
        return NULL;
    vt_size(vt, &rows, &cols);
    char *s = malloc((size_t)rows * ((size_t)cols * MAX_CELL_UTF8 + 1) + 1);
    size_t n = 0;
    if (!s)
        return NULL;
    for (int r = 0; r < rows; r++) {
        char *line = row_text(vt, r, true, NULL);
        if (!line) {
            free(s);
            return NULL;
        }
        size_t len = strlen(line);
        memcpy(s + n, line, len);
        n += len;
        if (r + 1 < rows)
            s[n++] = '\n';
        free(line);
    }
    s[n] = '\0';
    return s;
}

bool vt_find(struct vt *vt, const char *utf8_text, int *row, int *col)
{
    int rows, cols;
    bool found = false;
    if (!vt || !utf8_text)
        return false;
    vt_size(vt, &rows, &cols);
    size_t *start = malloc((size_t)cols * sizeof *start);
    if (!start)
        return false;
    for (int r = 0; r < rows && !found; r++) {
        char *s = row_text(vt, r, false, start);
        const char *hit = s ? strstr(s, utf8_text) : NULL;
        if (hit) {
            size_t off = (size_t)(hit - s);
            int c = 0;
            while (c < cols - 1 && start[c] < off)
                c++;
            if (row)
                *row = r;
            if (col)
                *col = c;
            found = true;
        }
        free(s);
    }
    free(start);
    return found;
}

static bool screen_has(struct vt *vt, const char *text)
{
    if (!strchr(text, '\n'))
        return vt_find(vt, text, NULL, NULL);
    char *s = vt_screen(vt);
    bool found = s && strstr(s, text);
    free(s);
    return found;
}

static bool wait_for(struct vt *vt, const char *text, bool present, int timeout_ms)
{
    long long deadline = deadline_in(timeout_ms);
    if (!vt || !text)
        return false;
    for (;;) {
        if (screen_has(vt, text) == present)
            return true;
        if (left_ms(deadline) == 0 || pump(vt, left_ms(deadline), -1) < 0)
            return false; /* EOF: nothing new was fed, the screen cannot change any more */
    }
}

bool vt_wait_text(struct vt *vt, const char *utf8_text, int timeout_ms)
{
    return wait_for(vt, utf8_text, true, timeout_ms);
}

bool vt_wait_gone(struct vt *vt, const char *utf8_text, int timeout_ms)
{
    return wait_for(vt, utf8_text, false, timeout_ms);
}

bool vt_wait_quiet(struct vt *vt, int quiet_ms, int timeout_ms)
{
    long long deadline = deadline_in(timeout_ms);
    long long quiet_until = deadline_in(quiet_ms);
    if (!vt)
        return false;
    for (;;) {
        long long t = now_ms();
        if (t >= quiet_until)
            return true;
        if (t >= deadline)
            return false;
        int n = pump(vt, (int)((quiet_until < deadline ? quiet_until : deadline) - t), -1);
        if (n < 0)
            return true;
        if (n > 0)
            quiet_until = deadline_in(quiet_ms);
    }
}

bool vt_wait_redraw(struct vt *vt, int quiet_ms, int timeout_ms)
{
    long long deadline = deadline_in(timeout_ms);
    if (!vt)
        return false;
    for (;;) {
        long long t = now_ms();
        if (t >= deadline)
            return false;
        int n = pump(vt, (int)(deadline - t), -1);
        if (n < 0)
            return true;
        if (n > 0)
            break;
    }
    long long left = deadline - now_ms();
    return vt_wait_quiet(vt, quiet_ms, left > 0 ? (int)left : 0);
}

bool vt_cursor(struct vt *vt, int *row, int *col)
{
    VTermPos pos = {0, 0};
    if (vt)
        vterm_state_get_cursorpos(vterm_obtain_state(vt->term), &pos);
    if (row)
        *row = pos.row;
    if (col)
        *col = pos.col;
    return vt && vt->cursor_visible;
}

static int color_of(const VTermColor *c, bool fg)
{
    if (fg ? VTERM_COLOR_IS_DEFAULT_FG(c) : VTERM_COLOR_IS_DEFAULT_BG(c))
        return VT_COLOR_DEFAULT;
    if (VTERM_COLOR_IS_INDEXED(c))
        return c->indexed.idx;
    return VT_RGB(c->rgb.red, c->rgb.green, c->rgb.blue);
}

bool vt_cell(struct vt *vt, int row, int col, struct vt_cell *out)
{
    int rows, cols;
    VTermScreenCell cell;
    vt_size(vt, &rows, &cols);
    if (!vt || !out || row < 0 || col < 0 || row >= rows || col >= cols)
        return false;
    vterm_screen_get_cell(vt->screen, (VTermPos){.row = row, .col = col}, &cell);
    memset(out, 0, sizeof *out);
    out->text[cell_utf8(&cell, out->text)] = '\0';
    out->width = is_continuation(&cell) ? 0 : cell.width;
    out->bold = cell.attrs.bold;
    out->italic = cell.attrs.italic;
    out->blink = cell.attrs.blink;
    out->reverse = cell.attrs.reverse;
    out->strike = cell.attrs.strike;
    out->underline = (int)cell.attrs.underline;
    out->fg = color_of(&cell.fg, true);
    out->bg = color_of(&cell.bg, false);
    return true;
}

bool vt_cell_reverse(struct vt *vt, int row, int col)
{
    struct vt_cell c;
    return vt_cell(vt, row, col, &c) && c.reverse;
}

bool vt_cell_bold(struct vt *vt, int row, int col)
{
    struct vt_cell c;
    return vt_cell(vt, row, col, &c) && c.bold;
}

int vt_cell_fg(struct vt *vt, int row, int col)
{
    struct vt_cell c;
    return vt_cell(vt, row, col, &c) ? c.fg : VT_COLOR_DEFAULT;
}

int vt_mode(struct vt *vt, enum vt_mode mode)
{
    if (!vt)
        return 0;
    switch (mode) {
    case VT_MODE_APP_CURSOR:
        /* libvterm 0.1.4 has no getter for DECCKM: ask its key encoder what Up would send. */
        vt->capturing = true;
        vt->cap_len = 0;
        vterm_keyboard_key(vt->term, VTERM_KEY_UP, VTERM_MOD_NONE);
        vt->capturing = false;
        return vt->cap_len >= 2 && memcmp(vt->cap, "\033O", 2) == 0;
    case VT_MODE_MOUSE: return vt->mouse;
    case VT_MODE_ALTSCREEN: return vt->altscreen;
    case VT_MODE_CURSOR_VISIBLE: return vt->cursor_visible;
    }
    return 0;
}

/* ---- process ---- */

/* Puts "K=V" into the NULL-terminated list, replacing any K (or only removing it if !keep). */
static int env_put(char **list, size_t *n, const char *entry, bool keep)
{
    size_t klen = strcspn(entry, "=");
    for (size_t i = 0; i < *n; i++) {
        if (strncmp(list[i], entry, klen) == 0 && list[i][klen] == '=') {
            free(list[i]);
            memmove(&list[i], &list[i + 1], (*n - i) * sizeof *list); /* moves the NULL too */
            (*n)--;
            break;
        }
    }
    if (!keep)
        return 0;
    if (!(list[*n] = strdup(entry)))
        return -1;
    list[++*n] = NULL;
    return 0;
}

static void env_free(char **list)
{
    for (size_t i = 0; list && list[i]; i++)
        free(list[i]);
    free(list);
}

static int env_put_kv(char **list, size_t *n, const char *key, const char *val)
{
    size_t len = strlen(key) + strlen(val) + 2;
    char *e = malloc(len);
    if (!e)
        return -1;
    snprintf(e, len, "%s=%s", key, val);
    int r = env_put(list, n, e, true);
    free(e);
    return r;
}

/* The child's environment: clean defaults, then the caller's overrides. NULL on error. */
static char **env_build(char *const env[])
{
    size_t extra = 0, n = 0;
    while (env && env[extra])
        extra++;
    char **list = calloc(4 + extra + 1, sizeof *list);
    const char *path = getenv("PATH"), *home = getenv("HOME");
    if (!list)
        return NULL;
    if (env_put_kv(list, &n, "PATH", path && *path ? path : "/usr/local/bin:/usr/bin:/bin") ||
        env_put_kv(list, &n, "HOME", home && *home ? home : "/") ||
        env_put_kv(list, &n, "TERM", "xterm-256color") || env_put_kv(list, &n, "LANG", "C.UTF-8"))
        goto fail;
    for (size_t i = 0; i < extra; i++) {
        const char *eq = strchr(env[i], '=');
        if (!eq || eq == env[i]) {
            errno = EINVAL;
            goto fail;
        }
        if (env_put(list, &n, env[i], eq[1] != '\0'))
            goto fail;
    }
    return list;
fail:
    env_free(list);
    return NULL;
}

/* In the forked child: never returns. Reports an exec failure's errno through errfd. */
static void child_exec(char *const argv[], char **envp, int errfd)
{
    sigset_t none;
    struct termios t;
    /* Ignored signals and the mask survive exec; the program must start with defaults. */
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    for (int s = 1; s < NSIG; s++)
        signal(s, SIG_DFL);
    /* The kernel's default termios lacks IUTF8, which real UTF-8 terminals set. */
    if (tcgetattr(STDIN_FILENO, &t) == 0) {
        t.c_iflag |= IUTF8;
        tcsetattr(STDIN_FILENO, TCSANOW, &t);
    }
    environ = envp; /* so that execvp searches the child's PATH */
    execvp(argv[0], argv);
    int e = errno;
    ssize_t r = write(errfd, &e, sizeof e);
    (void)r;
    _exit(127);
}

struct vt *vt_spawn(char *const argv[], char *const env[], int rows, int cols)
{
    struct vt *vt = NULL;
    char **envp = NULL;
    int errpipe[2] = {-1, -1};
    if (!argv || !argv[0] || rows <= 0 || cols <= 0 || rows > USHRT_MAX || cols > USHRT_MAX) {
        errno = EINVAL;
        return NULL;
    }
    if (!(vt = calloc(1, sizeof *vt)))
        return NULL;
    vt->master = vt->pidfd = -1;
    vt->pid = -1;
    vt->cursor_visible = true;
    if (!(envp = env_build(env)))
        goto fail;
    if (!(vt->term = vterm_new(rows, cols)))
        goto fail;
    vterm_set_utf8(vt->term, 1);
    vterm_output_set_callback(vt->term, on_output, vt);
    vt->screen = vterm_obtain_screen(vt->term);
    vterm_screen_set_callbacks(vt->screen, &screen_callbacks, vt);
    vterm_screen_enable_altscreen(vt->screen, 1);
    vterm_screen_reset(vt->screen, 1);

    /* Close-on-exec pipe: EOF means exec succeeded, an int means it failed with that errno. */
    if (pipe2(errpipe, O_CLOEXEC) < 0)
        goto fail;
    struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
    vt->pid = forkpty(&vt->master, NULL, NULL, &ws);
    if (vt->pid < 0)
        goto fail;
    if (vt->pid == 0) {
        close(errpipe[0]);
        child_exec(argv, envp, errpipe[1]);
    }
    close(errpipe[1]);
    errpipe[1] = -1;
    fcntl(vt->master, F_SETFD, FD_CLOEXEC); /* later children must not hold this pty open */
    if (fcntl(vt->master, F_SETFL, fcntl(vt->master, F_GETFL) | O_NONBLOCK) < 0)
        goto fail;

    struct pollfd pfd = {.fd = errpipe[0], .events = POLLIN};
    int child_errno = 0;
    ssize_t got = 0;
    long long deadline = deadline_in(EXEC_TIMEOUT_MS);
    while (poll(&pfd, 1, left_ms(deadline)) < 0 && errno == EINTR) {
    }
    if (pfd.revents) {
        while ((got = read(errpipe[0], &child_errno, sizeof child_errno)) < 0 && errno == EINTR) {
        }
    } else {
        child_errno = ETIMEDOUT;
        got = sizeof child_errno;
    }
    close(errpipe[0]);
    errpipe[0] = -1;
    if (got != 0) {
        errno = child_errno ? child_errno : EIO;
        goto fail;
    }
#ifdef SYS_pidfd_open
    vt->pidfd = (int)syscall(SYS_pidfd_open, vt->pid, 0);
#endif
    env_free(envp);
    return vt;

fail : {
    int e = errno;
    if (errpipe[0] >= 0)
        close(errpipe[0]);
    if (errpipe[1] >= 0)
        close(errpipe[1]);
    env_free(envp);
    vt_free(vt);
    errno = e;
    return NULL;
}
}

pid_t vt_pid(const struct vt *vt)
{
    return vt ? vt->pid : -1;
}

static bool try_reap(struct vt *vt)
{
    int st = 0;
    pid_t r;
    if (vt->reaped)
        return true;
    while ((r = waitpid(vt->pid, &st, WNOHANG)) < 0 && errno == EINTR) {
    }
    if (r == vt->pid || (r < 0 && errno == ECHILD)) {
        vt->reaped = true;
        vt->status = r == vt->pid ? st : 0;
        if (vt->pidfd >= 0)
            close(vt->pidfd);
        vt->pidfd = -1;
    }
    return vt->reaped;
}

int vt_wait_exit(struct vt *vt, int timeout_ms, int *status)
{
    long long deadline = deadline_in(timeout_ms);
    bool eof = vt && vt->master < 0, was_reaped = vt && vt->reaped;
    if (!vt) {
        errno = EINVAL;
        return -1;
    }
    while (!try_reap(vt)) {
        int left = left_ms(deadline);
        if (left == 0) {
            errno = ETIMEDOUT;
            return -1;
        }
        /* Without a pidfd, wake up regularly to poll waitpid. */
        int slice = vt->pidfd >= 0 || left < REAP_TICK_MS ? left : REAP_TICK_MS;
        if (!eof) {
            eof = pump(vt, slice, vt->pidfd) < 0;
        } else {
            struct pollfd p = {.fd = vt->pidfd, .events = POLLIN};
            poll(vt->pidfd >= 0 ? &p : NULL, vt->pidfd >= 0 ? 1 : 0, slice);
        }
    }
    /* Collect what the child wrote before exiting: until EOF, or a short silence in case a
     * grandchild still holds the pty open. */
    long long drain_deadline = deadline_in(left_ms(deadline) + DRAIN_QUIET_MS);
    while (!was_reaped && !eof) {
        int left = left_ms(drain_deadline);
        int n = pump(vt, left < DRAIN_QUIET_MS ? left : DRAIN_QUIET_MS, -1);
        if (n <= 0)
            break;
    }
    if (status)
        *status = vt->status;
    return 0;
}

int vt_hangup(struct vt *vt)
{
    if (!vt || vt->master < 0) {
        errno = EINVAL;
        return -1;
    }
    close(vt->master);
    vt->master = -1;
    vt->out_len = 0;
    return 0;
}

int vt_kill(struct vt *vt, int sig)
{
    if (!vt) {
        errno = EINVAL;
        return -1;
    }
    if (try_reap(vt)) {
        errno = ESRCH;
        return -1;
    }
    return kill(vt->pid, sig);
}

int vt_resize(struct vt *vt, int rows, int cols)
{
    if (!vt || rows <= 0 || cols <= 0 || rows > USHRT_MAX || cols > USHRT_MAX) {
        errno = EINVAL;
        return -1;
    }
    /* Emulator first: whatever the program draws after its SIGWINCH must land at the new size. */
    vterm_set_size(vt->term, rows, cols);
    struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
    return ioctl(vt->master, TIOCSWINSZ, &ws);
}

size_t vt_bytes(const struct vt *vt)
{
    return vt ? vt->bytes : 0;
}

void vt_reset_bytes(struct vt *vt)
{
    if (vt)
        vt->bytes = 0;
}

void vt_dump(struct vt *vt, FILE *fp)
{
    int rows, cols, crow, ccol;
    if (!vt || !fp)
        return;
    vt_size(vt, &rows, &cols);
    bool visible = vt_cursor(vt, &crow, &ccol);
    fprintf(fp, "screen %dx%d, cursor %d,%d%s, %zu bytes read, pid %d", rows, cols, crow, ccol,
            visible ? "" : " (hidden)", vt->bytes, (int)vt->pid);
    if (vt->reaped && WIFEXITED(vt->status))
        fprintf(fp, " exited %d", WEXITSTATUS(vt->status));
    else if (vt->reaped && WIFSIGNALED(vt->status))
        fprintf(fp, " killed by signal %d", WTERMSIG(vt->status));
    fprintf(fp, "\n   +");
    for (int c = 0; c < cols; c++)
        fputc('-', fp);
    fprintf(fp, "+\n");
    for (int r = 0; r < rows; r++) {
        char *line = row_text(vt, r, false, NULL);
        fprintf(fp, "%2d |%s|\n", r, line ? line : "?");
        free(line);
    }
    fprintf(fp, "   +");
    for (int c = 0; c < cols; c++)
        fputc('-', fp);
    fprintf(fp, "+\n");
    fflush(fp);
}

void vt_free(struct vt *vt)
{
    if (!vt)
        return;
    if (vt->pid > 0 && !try_reap(vt)) {
        /* The child is a session and process group leader (forkpty): take its group too. */
        kill(-vt->pid, SIGKILL);
        kill(vt->pid, SIGKILL);
        while (waitpid(vt->pid, NULL, 0) < 0 && errno == EINTR) {
        }
    }
    if (vt->master >= 0)
        close(vt->master);
    if (vt->pidfd >= 0)
        close(vt->pidfd);
    if (vt->term)
        vterm_free(vt->term);
    free(vt->out);
    free(vt);
}
