/* The benchmark of SPEC §9: builds a team-sized database (100,000
 * contacts, 1,000,000 notes, 200,000 follow-ups by default) through the
 * storage API, then measures what users feel: opening and reading the
 * review's first screen, the Pipeline, Contacts, Organisations and
 * Reports screens' first screens, a search keystroke (its list, and its
 * list and count), `rapport agenda` and `rapport query` as processes and
 * the memory the agenda needs, the file's size and `rapport check`; then
 * it imports 100,000 vCards written by bench/make-vcards.sh and has
 * abook convert the same file. Each figure is printed beside its target,
 * and beside abook's where abook does the same work.
 *
 *   rapport-bench RAPPORT [--contacts N] [--notes N] [--followups N]
 *                         [--orgs N] [--db PATH] [--vcards SCRIPT]
 *                         [--cards N]
 *
 * Contacts are spread over --orgs organisations (8 by default: few and
 * large); every fifth has a score.
 *
 * An existing --db of the right size is reused, so runs after the first
 * are quick. Without abook on PATH its column says so. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/cadence.h"
#include "core/org.h"
#include "core/report.h"
#include "model/contact.h"
#include "model/followup.h"
#include "model/note.h"
#include "model/stage.h"
#include "store/contact.h"
#include "store/followup.h"
#include "store/note.h"
#include "store/org.h"
#include "store/quiet.h"
#include "store/score.h"
#include "store/search.h"
#include "store/team.h"
#include "core/config.h"
#include "core/season.h"
#include "store/store.h"

#define RUNS 15

struct sizes {
    long contacts;
    long notes;
    long followups;
    long orgs;
};

struct fill {
    const struct sizes *sizes;
    time_t now;
    long from;
    long to;
};

static const char *const given[] = {
    "Zoë", "Ana", "Jonas", "Mei", "Siobhán", "Omar", "Priya", "Lars",
    "Amélie", "Kenji", "Fatima", "Tomás", "Ingrid", "Kwame", "Sofia", "Li",
};
static const char *const family[] = {
    "Ødegård", "Novak", "Schmidt", "Chen", "Ní Bhriain", "Haddad", "Iyer",
    "Lindqvist", "Dubois", "Tanaka", "Okafor", "García", "Berg", "Mensah",
    "Rossi", "Wang",
};
static const char *const orgs[] = {
    "Faculty of Law", "Department of History", "City Archives",
    "School of Medicine", "Maritime Museum", "Institute of Physics",
    "Knowledge Team, Bergmann & Partner", "Public Library",
};
static const char *const words[] = {
    "registers", "digitised", "shipping", "manuscripts", "consultation",
    "dataset", "licence", "workshop", "citation", "archive", "thesis",
    "metadata", "catalogue", "preservation", "journal", "reading-room",
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, compare_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Adds contacts [from, to) with their share of notes and follow-ups. */
static enum store_status fill_some(struct store *st, void *arg)
{
    const struct fill *f = arg;
    const struct sizes *s = f->sizes;
    long notes_each = s->notes / s->contacts;
    char name[128], email[128], body[256], org[64], check_in[] = "Check in";
    /* Words indexed once per batch, as an import does. */
    enum store_status deferred = store_search_defer(st);
    if (deferred != STORE_OK)
        return deferred;
    for (long i = f->from; i < f->to; i++) {
        struct contact c = { 0 };
        snprintf(name, sizeof name, "%s %s %ld", given[i % 16],
                 family[(i / 16) % 16], i);
        snprintf(email, sizeof email, "person%ld@example.org", i);
        c.name = name;
        if (s->orgs > 8)
            snprintf(org, sizeof org, "%s %ld", orgs[i % 8], i % s->orgs);
        else
            snprintf(org, sizeof org, "%s", orgs[i % 8]);
        c.org = org;
        c.roles = i % 7 == 0 ? ROLE_DECISION_MAKER : ROLE_USER;
        c.stage = i % 10 == 0 ? STAGE_CLIENT : i % 3 == 0 ? STAGE_CUSTOMER
                                                          : STAGE_END_USER;
        c.cadence_days = -1;
        strlist_push(&c.emails, email);
        strlist_push(&c.tags, words[i % 16]);
        time_t created = f->now - (time_t)(i % 700) * 86400;
        enum store_status rc = store_contact_add(st, &c, created);
        strlist_clear(&c.emails);
        strlist_clear(&c.tags);
        if (rc != STORE_OK)
            return rc;
        for (long n = 0; n < notes_each; n++) {
            snprintf(body, sizeof body, "Talked about the %s and the %s (%ld)",
                     words[(i + n) % 16], words[(i * 7 + n) % 16], n);
            struct note note = { .contact_id = c.id,
                                 .at = created + (time_t)n * 3600 };
            strcpy(note.kind, n % 2 ? "email" : "note");
            note.body = body;
            if ((rc = store_note_add(st, &note, note.at)) != STORE_OK)
                return rc;
        }
        if (i % 5 == 0) {
            struct score sc = { .contact_id = c.id, .at = created, .value = (int)(i % 11) };
            if ((rc = store_score_add(st, &sc, created)) != STORE_OK)
                return rc;
        }
        /* Contact i's share of the follow-ups: more than one each when
         * there are more follow-ups than contacts (SPEC §9's 200,000
         * for 100,000 contacts), every few contacts when fewer. */
        long share = (i + 1) * s->followups / s->contacts - i * s->followups / s->contacts;
        for (long k = 0; k < share; k++) {
            struct followup fu = {
                .contact_id = c.id,
                .due = date_add_days(date_from_time(f->now), (i + k * 31) % 60 - 20),
                .due_minutes = -1,
                .text = check_in,
            };
            if ((rc = store_followup_add(st, &fu, f->now)) != STORE_OK)
                return rc;
        }
    }
    return store_search_catch_up(st, true);
}

static int build(const char *path, const struct sizes *s)
{
    struct store *st;
    char *error = NULL;
    if (store_open(path, STORE_OPEN_CREATE, &st, &error, NULL) != STORE_OK) {
        fprintf(stderr, "rapport-bench: %s\n", error);
        free(error);
        return -1;
    }
    struct contact_filter all = { .stage = STAGE_NONE, .include_archived = true };
    int64_t have = 0;
    store_contact_count(st, &all, 0, &have);
    if (have >= s->contacts) {
        store_close(st);
        return 0;
    }
    fprintf(stderr, "building %ld contacts, %ld notes, %ld follow-ups in %s …\n",
            s->contacts, s->notes, s->followups, path);
    double start = now_ms();
    struct fill f = { .sizes = s, .now = time(NULL) };
    for (f.from = have; f.from < s->contacts; f.from = f.to) {
        f.to = f.from + 5000 < s->contacts ? f.from + 5000 : s->contacts;
        if (store_batch(st, "bench", fill_some, &f) != STORE_OK) {
            fprintf(stderr, "rapport-bench: %s\n", store_error(st));
            store_close(st);
            return -1;
        }
        fprintf(stderr, "\r%ld / %ld", f.to, s->contacts);
    }
    fprintf(stderr, "\nbuilt in %.0f s\n", (now_ms() - start) / 1000);
    store_close(st);
    return 0;
}

/* One organisation's budget date 30 days from today, so Budget season
 * has its decision-makers to list. */
static void set_budget(const char *path)
{
    struct store *st;
    char *error = NULL;
    if (store_open(path, 0, &st, &error, NULL) != STORE_OK) {
        free(error);
        return;
    }
    struct org o = { 0 };
    if (store_org_get(st, orgs[0], 0, &o) == STORE_OK) {
        struct date d = date_add_days(date_today(), 30);
        char md[16];
        snprintf(md, sizeof md, "%02d-%02d", d.month % 100, d.day % 100);
        memcpy(o.budget_date, md, sizeof o.budget_date - 1);
        o.budget_date[sizeof o.budget_date - 1] = '\0';
        store_org_edit(st, &o, time(NULL));
    }
    org_clear(&o);
    store_close(st);
}

/* What the review screen reads before it can draw: open the file, then
 * a window of each section; mine: only the work of the user who runs
 * it, as a team database's Review opens. */
static double first_screen(const char *path, bool mine)
{
    static const int cadence[STAGE_COUNT] = { 0, 45, 21 };
    double start = now_ms();
    struct store *st;
    char *error = NULL;
    if (store_open(path, 0, &st, &error, NULL) != STORE_OK) {
        free(error);
        return -1;
    }
    struct date today = date_today();
    const char *me = mine ? store_author(st) : NULL;
    struct followup_filter overdue = { .open_only = true, .mine = me,
                                       .to = date_add_days(today, -1) };
    struct followup_filter coming = { .open_only = true, .from = today, .mine = me,
                                      .to = date_add_days(today, 7) };
    struct followup_list a = { 0 }, b = { 0 };
    struct contact_list quiet = { 0 };
    int64_t n1, n2, n3;
    store_followup_page(st, &overdue, NULL, 24, &a);
    store_followup_page(st, &coming, NULL, 24, &b);
    store_quiet_page(st, cadence, me, time(NULL), NULL, 24, &quiet);
    store_followup_count(st, &overdue, &n1);
    store_followup_count(st, &coming, &n2);
    store_quiet_count(st, cadence, me, time(NULL), &n3);
    /* Budget season and Ready to move up, by the default [pipeline]. */
    static const struct pipeline_thresholds pipeline = {
        .end_user_interactions = 3, .end_user_window_days = 90,
        .customer_min_days = 180, .customer_min_touches = 6,
        .budget_lead_days = 60,
    };
    struct budget_list budget = { 0 };
    struct suggestion_list ready = { 0 };
    int64_t n4, n5;
    season_budget_page(st, &pipeline, today, me, 24, &budget);
    season_budget_count(st, &pipeline, today, me, &n4);
    season_ready_page(st, &pipeline, time(NULL), me, 24, &ready);
    season_ready_count(st, &pipeline, time(NULL), me, &n5);
    double took = now_ms() - start;
    budget_list_clear(&budget);
    suggestion_list_clear(&ready);
    followup_list_clear(&a);
    followup_list_clear(&b);
    contact_list_clear(&quiet);
    store_close(st);
    return took;
}

/* What the Organisations screen reads before it can draw: a window of
 * organisations in `sort` order, with their figures. */
static double first_orgs(struct store *st, enum org_sort sort)
{
    struct org_summary_list list = { 0 };
    double start = now_ms();
    org_summary_page(st, NULL, sort, NULL, false, 24, &list);
    double took = now_ms() - start;
    org_summary_list_clear(&list);
    return took;
}

/* What the Reports screen reads before it can draw: every figure, with
 * this quarter's interactions. */
static double first_reports(struct store *st)
{
    static const int cadence[STAGE_COUNT] = { 0, 45, 21 };
    time_t now = time(NULL), from, to;
    report_period(REPORT_QUARTER, now, 0, &from, &to);
    struct report r;
    double start = now_ms();
    report_build(st, cadence, now, from, to, &r);
    return now_ms() - start;
}

/* Each keystroke of a search typed letter by letter, as the Contacts
 * screen answers it: one window, and the count in its header (up to
 * 1000, as it shows). */
static double keystroke(struct store *st, const char *typed, enum contact_sort sort)
{
    struct contact_filter filter = { .stage = STAGE_NONE, .text = typed };
    struct contact_list page = { 0 };
    int64_t count = 0;
    double start = now_ms();
    store_contact_page(st, &filter, sort, NULL, false, 40, &page);
    store_contact_count(st, &filter, 1000, &count);
    double took = now_ms() - start;
    contact_list_clear(&page);
    return took;
}

/* Runs argv (output to /dev/null, or to out when not NULL) and returns
 * its wall time, -1 when it failed; its peak memory goes to *max_kib. */
static double run(const char *const argv[], const char *out, long *max_kib)
{
    /* Spawned: see main() for why this process stays small until the
     * programs have run. */
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, out ? out : "/dev/null",
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    size_t n = 0;
    while (argv[n])
        n++;
    /* posix_spawnp takes char *const[]: copies of the arguments. */
    char **copy = calloc(n + 1, sizeof *copy);
    for (size_t i = 0; copy && i < n; i++)
        copy[i] = strdup(argv[i]);
    pid_t pid = -1;
    double start = now_ms();
    extern char **environ;
    if (!copy || posix_spawnp(&pid, copy[0], &fa, NULL, copy, environ) != 0)
        pid = -1;
    posix_spawn_file_actions_destroy(&fa);
    for (size_t i = 0; copy && i < n; i++)
        free(copy[i]);
    free(copy);
    int status;
    struct rusage usage;
    if (pid < 0 || wait4(pid, &status, 0, &usage) < 0)
        return -1;
    double took = now_ms() - start;
    if (max_kib && usage.ru_maxrss > *max_kib)
        *max_kib = usage.ru_maxrss;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? took : -1;
}

/* Runs `rapport --db PATH COMMAND [ARG]` and returns its wall time; its
 * peak memory goes to *max_kib. */
static double run_command(const char *rapport, const char *path,
                          const char *command, const char *arg, long *max_kib)
{
    const char *argv[] = { rapport, "--db", path, command, arg, NULL };
    return run(argv, NULL, max_kib);
}

/* What the Pipeline screen reads before it can draw: a window and the
 * count of each stage's column. */
static double first_pipeline(struct store *st)
{
    double start = now_ms();
    for (int s = 0; s < STAGE_COUNT; s++) {
        struct contact_filter f = { .stage = (enum stage)s };
        struct contact_list page = { 0 };
        int64_t n = 0;
        store_contact_page(st, &f, CONTACT_SORT_NAME, NULL, false, 24, &page);
        store_contact_count(st, &f, 0, &n);
        contact_list_clear(&page);
    }
    return now_ms() - start;
}

/* What the Contacts screen draws first: a window of every contact by
 * name (its count comes once it is drawn). */
static double first_contacts(struct store *st, bool with_count)
{
    struct contact_filter filter = { .stage = STAGE_NONE };
    struct contact_list page = { 0 };
    int64_t n = 0;
    double start = now_ms();
    store_contact_page(st, &filter, CONTACT_SORT_NAME, NULL, false, 40, &page);
    if (with_count)
        store_contact_count(st, &filter, 0, &n);
    double took = now_ms() - start;
    contact_list_clear(&page);
    return took;
}

/* The search list alone: what is drawn before the count. */
static double keystroke_list(struct store *st, const char *typed)
{
    struct contact_filter filter = { .stage = STAGE_NONE, .text = typed };
    struct contact_list page = { 0 };
    double start = now_ms();
    store_contact_page(st, &filter, CONTACT_SORT_NAME, NULL, false, 40, &page);
    double took = now_ms() - start;
    contact_list_clear(&page);
    return took;
}

static bool on_path(const char *program)
{
    const char *path = getenv("PATH");
    char buf[4096];
    for (const char *p = path ? path : ""; *p;) {
        size_t n = strcspn(p, ":");
        snprintf(buf, sizeof buf, "%.*s/%s", (int)n, p, program);
        if (access(buf, X_OK) == 0)
            return true;
        p += n;
        if (*p == ':')
            p++;
    }
    return false;
}

/* "(abook: X, ratio Y)" or why not, into buf. */
static const char *versus(char *buf, size_t size, double ours, double theirs)
{
    if (theirs <= 0)
        snprintf(buf, size, "abook: not measured");
    else
        snprintf(buf, size, "abook %.1f ms, %.1f times", theirs, ours / theirs);
    return buf;
}

int main(int argc, char **argv)
{
    struct sizes s = { 100000, 1000000, 200000, 8 };
    const char *path = "bench/bench.db";
    if (argc < 2) {
        fprintf(stderr, "usage: rapport-bench RAPPORT [--contacts N] [--notes N] "
                        "[--followups N] [--orgs N] [--db PATH]\n");
        return 2;
    }
    const char *rapport = argv[1];
    const char *vcards = "bench/make-vcards.sh";
    long cards = 100000;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--contacts") == 0)
            s.contacts = atol(argv[i + 1]);
        else if (strcmp(argv[i], "--notes") == 0)
            s.notes = atol(argv[i + 1]);
        else if (strcmp(argv[i], "--followups") == 0)
            s.followups = atol(argv[i + 1]);
        else if (strcmp(argv[i], "--orgs") == 0)
            s.orgs = atol(argv[i + 1]);
        else if (strcmp(argv[i], "--db") == 0)
            path = argv[i + 1];
        else if (strcmp(argv[i], "--vcards") == 0)
            vcards = argv[i + 1];
        else if (strcmp(argv[i], "--cards") == 0)
            cards = atol(argv[i + 1]);
    }
    double build_start = now_ms();
    if (s.contacts < 1)
        s.contacts = 1;
    /* Built in a child: a child's peak memory counts the pages of the
     * process it was forked from, so the programs timed below are
     * started from this one while it is still small. */
    pid_t builder = fork();
    if (builder == 0) {
        if (build(path, &s) != 0)
            _exit(1);
        set_budget(path);
        _exit(0);
    }
    int built_status;
    if (builder < 0 || waitpid(builder, &built_status, 0) < 0
        || !WIFEXITED(built_status) || WEXITSTATUS(built_status) != 0)
        return 1;
    double built = (now_ms() - build_start) / 1000;

    double times[RUNS];
    long max_kib = 0;
    for (int i = 0; i < RUNS; i++)
        times[i] = run_command(rapport, path, "agenda", NULL, &max_kib);
    double agenda = median(times, RUNS);

    struct stat sb;
    double size_mib = stat(path, &sb) == 0 ? sb.st_size / 1048576.0 : -1;
    const char *check_argv[] = { rapport, "--db", path, "check", NULL };
    double check_ms = run(check_argv, NULL, NULL);

    /* The import: the same vCard file for rapport and for abook. */
    bool abook = on_path("abook");
    char dir[] = "/tmp/rapport-bench-XXXXXX";
    double import_ms = -1, abook_ms = -1, abook_start = -1;
    long import_kib = 0, abook_kib = 0;
    if (cards > 0 && mkdtemp(dir)) {
        char file[512], db[512], out[512], n[32];
        snprintf(file, sizeof file, "%s/cards.vcf", dir);
        snprintf(db, sizeof db, "%s/import.db", dir);
        snprintf(out, sizeof out, "%s/abook.out", dir);
        snprintf(n, sizeof n, "%ld", cards);
        const char *gen[] = { "sh", vcards, n, NULL };
        if (run(gen, file, NULL) >= 0) {
            const char *imp[] = { rapport, "--db", db, "import", file, NULL };
            import_ms = run(imp, NULL, &import_kib);
            if (abook) {
                const char *conv[] = { "abook", "--convert", "--informat", "vcard",
                                 "--infile", file, "--outformat", "abook",
                                 "--outfile", out, NULL };
                abook_ms = run(conv, NULL, &abook_kib);
                /* abook's start on the same contacts: it reads its
                 * whole address book before the first screen. */
                const char *query[] = { "abook", "--datafile", out, "--mutt-query",
                                  "Zoë", NULL };
                double t[5];
                for (int i = 0; i < 5; i++)
                    t[i] = run(query, NULL, NULL);
                abook_start = median(t, 5);
                (void)abook_start;
            }
        }
        const char *rm[] = { "rm", "-rf", dir, NULL };
        run(rm, NULL, NULL);
    }


    for (int i = 0; i < RUNS; i++)
        times[i] = first_screen(path, false);
    double screen = median(times, RUNS);
    for (int i = 0; i < RUNS; i++)
        times[i] = first_screen(path, true);
    double screen_mine = median(times, RUNS);

    struct store *st;
    char *error = NULL;
    if (store_open(path, 0, &st, &error, NULL) != STORE_OK) {
        fprintf(stderr, "rapport-bench: %s\n", error);
        free(error);
        return 1;
    }
    static const char *const typed[] = { "z", "zo", "zoë", "zoë ø", "zoë ød",
                                         "m", "ma", "man", "manu", "manus" };
    double keys[10 * 3], other[10 * 3];
    int k = 0;
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 10; i++) {
            keys[k] = keystroke(st, typed[i], CONTACT_SORT_NAME);
            other[k++] = keystroke(st, typed[i], CONTACT_SORT_LAST_TOUCH);
        }
    }
    /* Each step's own median tells which prefix is the slow one. */
    for (int i = 0; i < 10; i++) {
        double each[3] = { keys[i], keys[10 + i], keys[20 + i] };
        double by_touch[3] = { other[i], other[10 + i], other[20 + i] };
        fprintf(stderr, "  %6.1f ms after typing \"%s\" (%.1f ms by last contact)\n",
                median(each, 3), typed[i], median(by_touch, 3));
    }
    double key = median(keys, k), key_other = median(other, k);
    double orgs_t[RUNS], orgs_nps[RUNS], orgs_count[RUNS], orgs_touch[RUNS];
    double reports[5];
    double lists[10 * 3];
    k = 0;
    for (int round = 0; round < 3; round++)
        for (int i = 0; i < 10; i++)
            lists[k++] = keystroke_list(st, typed[i]);
    double key_list = median(lists, k);
    double pipe_t[RUNS], contacts_t[RUNS], contacts_n[RUNS];
    for (int i = 0; i < RUNS; i++) {
        pipe_t[i] = first_pipeline(st);
        contacts_t[i] = first_contacts(st, false);
        contacts_n[i] = first_contacts(st, true);
    }
    double pipeline_screen = median(pipe_t, RUNS);
    double contacts_screen = median(contacts_t, RUNS);
    double contacts_counted = median(contacts_n, RUNS);
    for (int i = 0; i < RUNS; i++) {
        orgs_t[i] = first_orgs(st, ORG_SORT_NAME);
        orgs_nps[i] = first_orgs(st, ORG_SORT_NPS);
        orgs_count[i] = first_orgs(st, ORG_SORT_CONTACTS);
        orgs_touch[i] = first_orgs(st, ORG_SORT_LAST_TOUCH);
    }
    for (int i = 0; i < 5; i++)
        reports[i] = first_reports(st);
    double orgs_screen = median(orgs_t, RUNS), orgs_by_nps = median(orgs_nps, RUNS);
    double orgs_by_count = median(orgs_count, RUNS);
    double orgs_by_touch = median(orgs_touch, RUNS);
    double reports_screen = median(reports, 5);
    store_close(st);

    /* Address completion as mutt runs it: a common first name. */
    long query_kib = 0;
    for (int i = 0; i < RUNS; i++)
        times[i] = run_command(rapport, path, "query", "zoë", &query_kib);
    double query = median(times, RUNS);

    char vs[128];
    printf("database: %ld contacts, %ld notes, %ld follow-ups (%s)\n",
           s.contacts, s.notes, s.followups, path);
    printf("built (or reused) in:%7.0f s (target < 120 s)\n", built);
    printf("file size:           %7.1f MiB (target <= 350 MB)\n", size_mib);
    printf("rapport check:       %7.1f s (target < 15 s)\n", check_ms / 1000);
    printf("first review screen: %7.1f ms median (target < 100 ms; %s)\n", screen,
           versus(vs, sizeof vs, screen, abook_start));
    printf("  my work (a team's): %6.1f ms median (target < 100 ms)\n", screen_mine);
    printf("pipeline:            %7.1f ms median (target < 100 ms)\n", pipeline_screen);
    printf("contacts:            %7.1f ms median (target < 16 ms; %s)\n", contacts_screen,
           versus(vs, sizeof vs, contacts_screen, abook_start));
    printf("  with its count:    %7.1f ms median (target < 50 ms)\n", contacts_counted);
    printf("organisations:       %7.1f ms median (target < 50 ms)\n", orgs_screen);
    printf("  by NPS:            %7.1f ms median\n", orgs_by_nps);
    printf("  by contacts:       %7.1f ms median\n", orgs_by_count);
    printf("  by last contact:   %7.1f ms median\n", orgs_by_touch);
    printf("reports:             %7.1f ms median (target < 300 ms)\n", reports_screen);
    printf("search keystroke:    %7.1f ms median, list (target < 16 ms)\n", key_list);
    printf("  list and count:    %7.1f ms median (target < 50 ms)\n", key);
    printf("  by last contact:   %7.1f ms median\n", key_other);
    printf("rapport agenda:      %7.1f ms median (target < 50 ms)\n", agenda);
    printf("agenda peak memory:  %7.1f MiB (target < 32 MiB)\n", max_kib / 1024.0);
    printf("rapport query:       %7.1f ms median (target < 20 ms)\n", query);
    if (import_ms >= 0) {
        printf("import %ld vCards: %7.2f s (target < 25 times abook's)", cards, import_ms / 1000);
        if (abook_ms > 0)
            printf("; abook %.2f s, %.1f times\n", abook_ms / 1000, import_ms / abook_ms);
        else
            printf("; abook: not on PATH\n");
        printf("import peak memory:  %7.1f MiB (target < 64 MiB)", import_kib / 1024.0);
        if (abook_ms > 0)
            printf("; abook %.1f MiB\n", abook_kib / 1024.0);
        else
            printf("\n");
    } else if (cards > 0) {
        printf("import %ld vCards:   failed\n", cards);
    }
    return 0;
}
