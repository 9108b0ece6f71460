/* `rapport report`: the funnel, promotions, days per stage and NPS, as
 * bars or JSON.
 * A command: uses cli/command.h, cli/output.h and the layers below
 * cli/ (io/, core/, store/, model/, base/). */
#include <config.h>

#include <jansson.h>
#include <string.h>

#include "base/i18n.h"
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

static const struct option_spec report_options[] = {
    { "format", OPTION_VALUE, "table|json", N_("output format") },
    { NULL, OPTION_FLAG, NULL, NULL },
};

static int cmd_report(struct app *app, struct cli_args *p)
{
    bool json = false;
    const char *form = args_opt(p, "format");
    if (form) {
        json = strcmp(form, "json") == 0;
        if (!json && strcmp(form, "table") != 0)
            return args_bad_value(p, _("format"), form, "table, json");
    }
    struct report r;
    memset(&r, 0, sizeof r);
    if (report_build(app->st, app->cfg.stage_cadence, time(NULL), &r)
        != STORE_OK)
        return output_store_failed(app);
    if (json) {
        report_json(&r);
        return CLI_OK;
    }
    double max = 0;
    for (int s = 0; s < STAGE_COUNT; s++)
        if (r.stage_counts[s] > max)
            max = (double)r.stage_counts[s];
    printf("%s\n", _("Funnel"));
    for (int s = 0; s < STAGE_COUNT; s++) {
        fputs("  ", stdout);
        output_pad(stdout, stage_plural_label((enum stage)s), 14);
        bar((double)r.stage_counts[s], max);
        printf(" %lld\n", (long long)r.stage_counts[s]);
    }
    printf("\n%s\n", _("Promotions"));
    printf(_("  this month %lld, this quarter %lld\n"),
           (long long)r.promotions_month, (long long)r.promotions_quarter);

    /* The bars scale the whole days printed beside them: a median of
     * minutes is "0 days" and gets no bar, rather than a full one when
     * every median is that small. */
    long long days[STAGE_COUNT];
    max = 0;
    for (int s = 0; s < STAGE_COUNT; s++) {
        days[s] = r.median_days[s] < 0 ? -1
                                       : (long long)(r.median_days[s] + 0.5);
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
        nps_line(stage_plural_label((enum stage)s), &r.nps_stage[s]);
    }
    fputs("  ", stdout);
    nps_line(_("Users"), &r.nps_user);
    fputs("  ", stdout);
    nps_line(_("Decision-makers"), &r.nps_decision_maker);
    fputs("  ", stdout);
    nps_line(_("Everyone"), &r.nps_all);
    printf("\n%s\n", _("Workload"));
    printf(_("  overdue follow-ups %lld, gone quiet %lld\n"),
           (long long)r.overdue, (long long)r.quiet);
    return CLI_OK;
}

const struct cli_command cli_cmd_report = {
    .name = "report",
    .synopsis = N_("[--format table|json]"),
    .summary = N_("funnel, promotions, days per stage, NPS"),
    .options = report_options,
    .min_args = 0,
    .max_args = 0,
    .run = cmd_report,
};
