/* SPDX-License-Identifier: MIT */
/* Tests for the results document: which sections, in which order, with
 * which meanings, for urgent, flagged and empty results. */
#include "support.h"

#include "musclecheck/results_doc.h"

#include <stdlib.h>
#include <string.h>

static struct survey *s;

static int setup(void **state)
{
    (void)state;
    char *yaml = support_yaml("  - id: flag\n"
                              "    text: Chest pain?\n"
                              "    red_flag: Call now.\n"
                              "  - id: a1\n"
                              "    text: A1?\n"
                              "    weights: {alpha: 3}\n"
                              "  - id: a2\n"
                              "    text: A2?\n"
                              "    weights: {alpha: 2, beta: 1}\n");
    s = support_load_ok(yaml);
    free(yaml);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    survey_free(s);
    return 0;
}

struct built {
    struct session *se;
    struct report *r;
    struct results_doc *d;
};

static struct built build(const char *answers)
{
    struct built b;
    b.se = support_session(s, answers);
    b.r = report_new(b.se);
    assert_non_null(b.r);
    b.d = results_doc_new(b.r, b.se);
    assert_non_null(b.d);
    return b;
}

static void done(struct built *b)
{
    results_doc_free(b->d);
    report_free(b->r);
    session_free(b->se);
}

/* The sections of D in order, as a string of their numbers. */
static void sections(const struct results_doc *d, char *out)
{
    for (size_t i = 0; i < d->part_count; i++)
        out[i] = (char)('0' + d->parts[i].section);
    out[d->part_count] = '\0';
}

static const struct rdoc_block *find(const struct results_doc *d, const char *text)
{
    for (size_t i = 0; i < d->block_count; i++)
        if (d->blocks[i].text != NULL && strstr(d->blocks[i].text, text) != NULL)
            return &d->blocks[i];
    return NULL;
}

static void flagged_results_in_order(void **state)
{
    (void)state;
    struct built b = build("flag=no a1=yes a2=yes");
    char order[32], want[32];
    const enum rdoc_section expect[] = {RDOC_NOTE,   RDOC_RANKING,   RDOC_DETAILS,   RDOC_ANSWERS,
                                        RDOC_ADVICE, RDOC_NEXT_STEP, RDOC_DISCLAIMER};
    size_t n = sizeof(expect) / sizeof(expect[0]);
    for (size_t i = 0; i < n; i++)
        want[i] = (char)('0' + expect[i]);
    want[n] = '\0';
    sections(b.d, order);
    assert_string_equal(order, want); /* alpha flagged: one details part; beta not */
    const struct rdoc_block *head = find(b.d, "Alpha: Likely");
    assert_non_null(head);
    assert_int_equal(head->style, RDOC_EMPHASIS);
    assert_int_equal(head->tone, RDOC_TONE_HIGH);
    /* Reasons strongest first, then the comparison rows, foods and tips. */
    const struct rdoc_block *a1 = find(b.d, "A1?"), *a2 = find(b.d, "A2? [");
    assert_non_null(a1);
    assert_non_null(a2); /* the answer list names the answer */
    assert_true(a1 < find(b.d, "A2?"));
    assert_non_null(find(b.d, "Does A"));
    assert_non_null(find(b.d, "apples"));
    assert_null(find(b.d, "Does B")); /* beta is not flagged: no details */
    done(&b);
}

static void ranking_rows_carry_what_a_renderer_needs(void **state)
{
    (void)state;
    struct built b = build("flag=no a1=yes a2=no");
    const struct rdoc_part *rank = &b.d->parts[1];
    assert_int_equal(rank->section, RDOC_RANKING);
    assert_int_equal(rank->count, 3); /* heading + two conditions */
    const struct rdoc_block *first = &b.d->blocks[rank->first + 1];
    assert_int_equal(first->kind, RDOC_RANK);
    assert_int_equal(first->rank.rank, 1);
    assert_string_equal(first->rank.name, "Alpha");
    assert_string_equal(first->rank.band_label, "Possible"); /* 3 of 5 */
    assert_int_equal(first->tone, RDOC_TONE_MID);
    assert_int_equal(first->rank.score, 60);
    assert_true(first->rank.flagged);
    const struct rdoc_block *second = &b.d->blocks[rank->first + 2];
    assert_string_equal(second->rank.name, "Beta");
    assert_true(second->rank.thin); /* one answered weight < min_evidence 2 */
    assert_false(second->rank.flagged);
    done(&b);
}

static void urgent_advice_leads_and_no_verdict(void **state)
{
    (void)state;
    struct built b = build("flag=yes");
    assert_int_equal(b.d->parts[0].section, RDOC_URGENT);
    const struct rdoc_block *title = &b.d->blocks[0];
    assert_int_equal(title->style, RDOC_WARNING);
    assert_string_equal(title->text, "Get medical help now");
    assert_string_equal(b.d->blocks[1].text, "Call now.");
    for (size_t i = 0; i < b.d->part_count; i++)
        assert_int_not_equal(b.d->parts[i].section, RDOC_NOTHING);
    done(&b);
}

static void nothing_stands_out_when_nothing_is_flagged(void **state)
{
    (void)state;
    struct built b = build("flag=no a1=no a2=no");
    const struct rdoc_block *nothing = find(b.d, "Nothing stands out");
    assert_non_null(nothing);
    assert_int_equal(nothing->style, RDOC_HEADING);
    assert_non_null(find(b.d, "Nothing found."));
    for (size_t i = 0; i < b.d->part_count; i++)
        assert_int_not_equal(b.d->parts[i].section, RDOC_DETAILS);
    done(&b);
}

static void free_accepts_null(void **state)
{
    (void)state;
    results_doc_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(flagged_results_in_order),
        cmocka_unit_test(ranking_rows_carry_what_a_renderer_needs),
        cmocka_unit_test(urgent_advice_leads_and_no_verdict),
        cmocka_unit_test(nothing_stands_out_when_nothing_is_flagged),
        cmocka_unit_test(free_accepts_null),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
