/* SPDX-License-Identifier: MIT */
/* output_text: the question list and the report as plain text. */
#include "musclecheck/output.h"
#include "musclecheck/wipe.h"
#include "musclecheck/wrap.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

void output_list_text(FILE *out, const struct survey *s)
{
    for (size_t i = 0; i < survey_question_count(s); i++) {
        const struct question *q = survey_question(s, i);
        fprintf(out, "%s\t", q->id);
        for (const char *p = q->text; *p != '\0'; p++)
            fputc(*p == '\n' || *p == '\t' || *p == '\r' ? ' ' : *p, out);
        fputc('\n', out);
    }
}

int output_wrapped(FILE *out, const char *first, int indent, const char *text, int width)
{
    struct wrap_line *lines = NULL;
    size_t n = wrap_text(text, width - indent > 20 ? width - indent : 20, &lines);
    if (n == 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (i == 0)
            fputs(first, out);
        else
            fprintf(out, "%*s", indent, "");
        fprintf(out, "%.*s\n", (int)lines[i].len, text + lines[i].start);
    }
    free(lines);
    return 0;
}

enum { TEXT_INDENT = 2 }; /* columns per nesting level */

static int put_rank(FILE *out, const struct rdoc_block *bl, int width)
{
    const struct rdoc_rank *rk = &bl->rank;
    char *line = wipe_printf("%zu. %s: %s", rk->rank, rk->name, rk->band_label);
    if (line == NULL)
        return -1;
    int indent = TEXT_INDENT * bl->depth;
    char first[64];
    snprintf(first, sizeof(first), "%*s", indent, "");
    int status = output_wrapped(out, first, indent + 3, line, width);
    wipe_free(line);
    return status;
}

/* One block as plain text: warnings between "!!", bullets as "- ". */
static int put_block(FILE *out, const struct rdoc_block *bl, int width)
{
    int indent = TEXT_INDENT * bl->depth;
    char first[256];
    switch (bl->kind) {
    case RDOC_RANK: return put_rank(out, bl, width);
    case RDOC_ITEM:
        snprintf(first, sizeof(first), "%*s- ", indent, "");
        return output_wrapped(out, first, indent + 2, bl->text, width);
    case RDOC_FIELD:
        snprintf(first, sizeof(first), "%*s%s:%s", indent, "", bl->label,
                 bl->text != NULL ? " " : "");
        if (bl->text == NULL) {
            fprintf(out, "%s\n", first);
            return 0;
        }
        return output_wrapped(out, first, wrap_width(first, strlen(first)), bl->text, width);
    case RDOC_PARA:
        if (bl->style == RDOC_WARNING &&
            wrap_width(bl->text, strlen(bl->text)) + indent + 6 <= width) {
            fprintf(out, "%*s!! %s !!\n", indent, "", bl->text);
            return 0;
        }
        snprintf(first, sizeof(first), "%*s", indent, "");
        return output_wrapped(out, first, indent, bl->text, width);
    }
    assert(!"a block kind with no writer");
    return -1;
}

int output_doc_text(FILE *out, const struct results_doc *d, unsigned sections, int width)
{
    bool first = true;
    for (size_t p = 0; p < d->part_count; p++) {
        const struct rdoc_part *part = &d->parts[p];
        if ((sections & RDOC_MASK(part->section)) == 0 || part->count == 0)
            continue;
        if (!first)
            fputc('\n', out);
        first = false;
        for (size_t i = part->first; i < part->first + part->count; i++)
            if (put_block(out, &d->blocks[i], width) != 0)
                return -1;
    }
    return 0;
}

int output_report_text(FILE *out, const struct results_doc *d, const struct survey *s, int width)
{
    fprintf(out, "%s: %s\n\n", survey_text(s, SURVEY_TITLE), survey_ui(s, UI_RESULTS_TITLE));
    return output_doc_text(out, d, RDOC_RESULTS_SECTIONS, width);
}
