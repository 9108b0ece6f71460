/* `rapport report`: the funnel, promotions, days per stage and NPS, as
 * bars or JSON.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/i18n.h"
#include "base/text.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/report.h"
#include "core/score.h"
#include "core/stage.h"

#define BAR_WIDTH 40

static void bar(double value, double max)
{
    int len = max > 0 ? (int)(value / max * BAR_WIDTH + 0.5) : 0;
    if (value > 0 && len == 0)
        len = 1;
    for (int i = 0; i < len; i++)
        putchar('#');
    for (int i = len; i < BAR_WIDTH; i++)
        putchar(' ');
}

static void nps_line(const char *label, const struct nps *n)
{
    output_pad(stdout, label, 16);
    double value;
    if (score_nps(n, &value)) {
        /* Each count has its own plural; the sentence puts them together. */
        char answered[64], promoters[64], detractors[64];
        snprintf(answered, sizeof answered,
                 ngettext("%d answered", "%d answered", output_plural(n->answered)),
                 n->answered);
        snprintf(promoters, sizeof promoters,
                 ngettext("%d promoter", "%d promoters", output_plural(n->promoters)),
                 n->promoters);
        snprintf(detractors, sizeof detractors,
                 ngettext("%d detractor", "%d detractors",
                          output_plural(n->detractors)),
                 n->detractors);
        /* TRANSLATORS: the net promoter score, then "3 answered",
         * "2 promoters" and "1 detractor". */
        printf(_(" %+4.0f  (%s: %s, %s)\n"), value, answered, promoters,
               detractors);
    } else
        printf(" %4s  (%s)\n", "—", _("nobody answered"));
}

static json_t *nps_json(const struct nps *n)
{
    json_t *o = json_object();
    double value;
    json_object_set_new(o, "answered", json_integer(n->answered));
    json_object_set_new(o, "promoters", json_integer(n->promoters));
    json_object_set_new(o, "detractors", json_integer(n->detractors));
    json_object_set_new(o, "nps", score_nps(n, &value) ? json_real(value)
                                                       : json_null());
    return o;
}

static void period_days(const struct report *r, char from[static 11],
                        char to[static 11])
{
    date_format_iso(date_from_time(r->from), from);
    /* The last day the period holds, not the first one after it. */
    date_format_iso(date_add_days(date_from_time(r->to), -1), to);
}

static json_t *tallies_json(const struct report_tally *t, size_t len)
{
    json_t *o = json_object();
    for (size_t i = 0; i < len; i++)
        json_object_set_new(o, t[i].name, json_integer(t[i].count));
    return o;
}

static json_t *interactions_json(const struct report *r)
{
    json_t *o = json_object();
    char from[11], to[11];
    period_days(r, from, to);
    json_object_set_new(o, "from", r->from ? json_string(from) : json_null());
    json_object_set_new(o, "to", json_string(to));
    json_object_set_new(o, "total", json_integer(r->interactions.total));
    json_object_set_new(o, "by_kind", tallies_json(r->interactions.kinds,
                                                   r->interactions.kind_len));
    json_object_set_new(o, "by_organisation",
                        tallies_json(r->interactions.orgs,
                                     r->interactions.org_len));
    return o;
}

static void report_json(const struct report *r)
{
    json_t *o = json_object();
    json_t *funnel = json_object(), *median = json_object();
    json_t *nps = json_object();
    for (int s = 0; s < STAGE_COUNT; s++) {
        const char *key = stage_key((enum stage)s);
        json_object_set_new(funnel, key, json_integer(r->stage_counts[s]));
        json_object_set_new(median, key, r->median_days[s] < 0
                                             ? json_null()
                                             : json_real(r->median_days[s]));
        json_object_set_new(nps, key, nps_json(&r->nps_stage[s]));
    }
    json_object_set_new(nps, "user", nps_json(&r->nps_user));
    json_object_set_new(nps, "decision-maker",
                        nps_json(&r->nps_decision_maker));
    json_object_set_new(nps, "all", nps_json(&r->nps_all));
    json_t *promotions = json_object();
    json_object_set_new(promotions, "month",
                        json_integer(r->promotions_month));
    json_object_set_new(promotions, "quarter",
                        json_integer(r->promotions_quarter));
    json_object_set_new(promotions, "year", json_integer(r->promotions_year));
    json_t *demotions = json_object();
    json_object_set_new(demotions, "month", json_integer(r->demotions_month));
    json_object_set_new(demotions, "quarter",
                        json_integer(r->demotions_quarter));
    json_object_set_new(demotions, "year", json_integer(r->demotions_year));
    json_object_set_new(o, "demotions", demotions);
    json_object_set_new(o, "interactions", interactions_json(r));
    json_object_set_new(o, "funnel", funnel);
    json_object_set_new(o, "promotions", promotions);
    json_object_set_new(o, "median_days", median);
    json_object_set_new(o, "nps", nps);
    json_object_set_new(o, "overdue", json_integer(r->overdue));
    json_object_set_new(o, "quiet", json_integer(r->quiet));
    output_json(stdout, o);
    putchar('\n');
    json_decref(o);
}

/* One CSV field, quoted when it needs to be, the text made safe. */
static void csv_field(const char *s)
{
    char *safe = text_sanitize(s, false);
    const char *t = safe ? safe : "";
    if (strpbrk(t, ",\"\n")) {
        putchar('"');
        for (; *t; t++) {
            if (*t == '"')
                putchar('"');
            putchar(*t);
        }
        putchar('"');
    } else
        fputs(t, stdout);
    free(safe);
}

static void csv_row(const char *section, const char *key, const char *field,
                    double value, bool known)
{
    csv_field(section);
    putchar(',');
    csv_field(key);
    putchar(',');
    csv_field(field);
    putchar(',');
    if (known)
        printf("%g", value);
    putchar('\n');
}

static void nps_csv(const char *key, const struct nps *n)
{
    double value;
    bool known = score_nps(n, &value);
    csv_row("nps", key, "nps", value, known);
    csv_row("nps", key, "answered", n->answered, true);
    csv_row("nps", key, "promoters", n->promoters, true);
    csv_row("nps", key, "detractors", n->detractors, true);
}

/* section,key,field,value: one figure a row, for spreadsheets. */
static void report_csv(const struct report *r)
{
    puts("section,key,field,value");
    for (int s = 0; s < STAGE_COUNT; s++) {
        const char *key = stage_key((enum stage)s);
        csv_row("funnel", key, "count", (double)r->stage_counts[s], true);
        csv_row("median_days", key, "days", r->median_days[s],
                r->median_days[s] >= 0);
        nps_csv(key, &r->nps_stage[s]);
    }
    nps_csv("user", &r->nps_user);
    nps_csv("decision-maker", &r->nps_decision_maker);
    nps_csv("all", &r->nps_all);
    const char *spans[] = { "month", "quarter", "year" };
    const int64_t up[] = { r->promotions_month, r->promotions_quarter,
                           r->promotions_year };
    const int64_t down[] = { r->demotions_month, r->demotions_quarter,
                             r->demotions_year };
    for (int i = 0; i < 3; i++) {
        csv_row("promotions", spans[i], "count", (double)up[i], true);
        csv_row("demotions", spans[i], "count", (double)down[i], true);
    }
    csv_row("workload", "overdue", "count", (double)r->overdue, true);
    csv_row("workload", "quiet", "count", (double)r->quiet, true);
    const struct report_period_counts *pc = &r->interactions;
    csv_row("interactions", "total", "count", (double)pc->total, true);
    for (size_t i = 0; i < pc->kind_len; i++)
        csv_row("interactions_by_kind", pc->kinds[i].name, "count",
                (double)pc->kinds[i].count, true);
    for (size_t i = 0; i < pc->org_len; i++)
        csv_row("interactions_by_organisation", pc->orgs[i].name, "count",
                (double)pc->orgs[i].count, true);
}

static void tallies_table(const struct report_tally *t, size_t len,
                          const char *none)
{
    double max = 0;
    for (size_t i = 0; i < len; i++)
        if ((double)t[i].count > max)
            max = (double)t[i].count;
    for (size_t i = 0; i < len; i++) {
        char *name = text_sanitize(*t[i].name ? t[i].name : none, false);
        fputs("  ", stdout);
        output_pad(stdout, name ? name : "", 13);
        putchar(' ');
        free(name);
        bar((double)t[i].count, max);
        printf(" %lld\n", (long long)t[i].count);
    }
}

static void interactions_table(const struct report *r)
{
    char from[11], to[11];
    period_days(r, from, to);
    if (r->from)
        printf("\n%s %s – %s: %lld\n", _("Interactions"), from, to,
               (long long)r->interactions.total);
    else
        printf("\n%s %s %s: %lld\n", _("Interactions"), _("until"), to,
               (long long)r->interactions.total);
    printf("%s\n", _("By kind"));
    tallies_table(r->interactions.kinds, r->interactions.kind_len, "");
    printf("%s\n", _("By organisation"));
    tallies_table(r->interactions.orgs, r->interactions.org_len,
                  _("(no organisation)"));
}

static void report_table(const struct report *r)
{
    double max = 0;
    for (int s = 0; s < STAGE_COUNT; s++)
        if (r->stage_counts[s] > max)
            max = (double)r->stage_counts[s];
    printf("%s\n", _("Funnel"));
    for (int s = 0; s < STAGE_COUNT; s++) {
        fputs("  ", stdout);
        output_pad(stdout, stage_plural_label((enum stage)s), 14);
        bar((double)r->stage_counts[s], max);
        printf(" %lld\n", (long long)r->stage_counts[s]);
    }
    printf("\n%s\n", _("Promotions"));
    printf(_("  this month %lld, this quarter %lld, this year %lld\n"),
           (long long)r->promotions_month, (long long)r->promotions_quarter,
           (long long)r->promotions_year);
    printf("%s\n", _("Demotions"));
    printf(_("  this month %lld, this quarter %lld, this year %lld\n"),
           (long long)r->demotions_month, (long long)r->demotions_quarter,
           (long long)r->demotions_year);

    /* The bars scale the whole days printed beside them: a median of
     * minutes is "0 days" and gets no bar, rather than a full one when
     * every median is that small. */
    long long days[STAGE_COUNT];
    max = 0;
    for (int s = 0; s < STAGE_COUNT; s++) {
        days[s] = r->median_days[s] < 0 ? -1
                                        : (long long)(r->median_days[s] + 0.5);
        if ((double)days[s] > max)
            max = (double)days[s];
    }
    printf("\n%s\n", _("Median days in each stage"));
    for (int s = 0; s < STAGE_COUNT; s++) {
        fputs("  ", stdout);
        output_pad(stdout, stage_plural_label((enum stage)s), 14);
        if (days[s] < 0) {
            printf("%s\n", _("no data"));
        } else {
            bar((double)days[s], max);
            printf(ngettext(" %lld day\n", " %lld days\n", output_plural(days[s])),
                   days[s]);
        }
    }
    printf("\n%s\n", _("Net promoter score"));
    for (int s = 0; s < STAGE_COUNT; s++) {
        fputs("  ", stdout);
        nps_line(stage_plural_label((enum stage)s), &r->nps_stage[s]);
    }
    fputs("  ", stdout);
    nps_line(_("Users"), &r->nps_user);
    fputs("  ", stdout);
    nps_line(_("Decision-makers"), &r->nps_decision_maker);
    fputs("  ", stdout);
    nps_line(_("Everyone"), &r->nps_all);
    printf("\n%s\n", _("Workload"));
    printf(_("  overdue follow-ups %lld, gone quiet %lld\n"),
           (long long)r->overdue, (long long)r->quiet);
    interactions_table(r);
}

static const struct option_spec report_options[] = {
    { "format", OPTION_VALUE, "table|json|csv", N_("output format") },
    { "from", OPTION_VALUE, N_("DATE"), N_("count interactions from this day") },
    { "to", OPTION_VALUE, N_("DATE"), N_("count interactions up to this day") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

static int cmd_report(struct app *app, struct cli_args *p)
{
    const char *form = args_opt(p, "format");
    if (form && strcmp(form, "json") != 0 && strcmp(form, "table") != 0
        && strcmp(form, "csv") != 0)
        return args_bad_value(p, _("format"), form, "table, json, csv");
    time_t now = time(NULL), from, to;
    report_period(REPORT_ALL, now, 0, &from, &to);
    struct date d;
    const char *text = args_opt(p, "from");
    if (text) {
        if (args_date(app, p, text, &d) != CLI_OK)
            return CLI_USAGE;
        from = date_to_time(d);
    }
    text = args_opt(p, "to");
    if (text) {
        if (args_date(app, p, text, &d) != CLI_OK)
            return CLI_USAGE;
        to = date_to_time(date_add_days(d, 1));
    }
    if (to <= from)
        return args_usage_fail(p, _("--to is before --from"));
    struct report r;
    if (report_build(app->st, app->cfg.stage_cadence, now, from, to, &r)
        != STORE_OK)
        return output_store_failed(app);
    if (form && strcmp(form, "json") == 0)
        report_json(&r);
    else if (form && strcmp(form, "csv") == 0)
        report_csv(&r);
    else
        report_table(&r);
    return CLI_OK;
}

const struct cli_command cli_cmd_report = {
    .name = "report",
    .synopsis = N_("[--from DATE] [--to DATE] [--format table|json|csv]"),
    .summary = N_("funnel, promotions, days per stage, NPS, interactions"),
    .options = report_options,
    .min_args = 0,
    .max_args = 0,
    .run = cmd_report,
};
