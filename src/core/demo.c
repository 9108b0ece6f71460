/* The demo database (--demo): a living pipeline for newcomers. A
 * university library and its neighbours — researchers, department
 * heads, archivists, faculty, a law firm's knowledge team — with their
 * notes, follow-ups, stage history and scores, all placed relative to
 * `now` so the review always has something overdue, due today and
 * coming up. Deterministic: the same `now` gives the same database.
 * Uses store/ and below. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/contact.h"
#include "core/demo.h"
#include "core/followup.h"
#include "core/note.h"
#include "core/org.h"
#include "core/score.h"
#include "core/stage.h"
#include "store/followup.h"
#include "store/org.h"

#define DAY ((time_t)86400)

enum { U = ROLE_USER, D = ROLE_DECISION_MAKER, B = ROLE_USER | ROLE_DECISION_MAKER };

struct person {
    const char *name;
    const char *org;
    const char *title;
    unsigned roles;
    enum stage stage;
    int age;          /* days since they were added */
    int last;         /* days since the last interaction */
    const char *tags; /* comma-separated */
    const char *email;
    const char *phone;
    const char *channel;
    const char *projects;
    const char *goals;
    int score;        /* -1: never asked */
};

static const char MED[] = "Faculty of Medicine";
static const char SPC[] = "University Library — Special Collections";
static const char HIS[] = "Department of History";
static const char LAW[] = "Hartmann & Reyes LLP — Knowledge Team";
static const char ARC[] = "City Archives";
static const char MAR[] = "Institute of Marine Research";
static const char SOL[] = "School of Law";
static const char DH[] = "Nordic Centre for Digital Humanities";

/* Quiet ones have a `last` past their stage's cadence (customer 45 days,
 * client 21). */
static const struct person people[] = {
    { "Zoë Ødegård", DH, "Research Director", B, STAGE_CLIENT, 420, 3,
      "digital humanities,text mining", "zoe.odegard@ncdh.example",
      "+47 22 85 50 10", "email",
      "Corpus of Norwegian emigrant letters, 1850–1920.\nNamed-entity tagging of the letters.",
      "A searchable, annotated corpus by spring; a data paper.", 10 },
    { "李小龙", MAR, "Postdoctoral Researcher", U, STAGE_CUSTOMER, 200, 9,
      "oceanography,data management", "xiaolong.li@imr.example",
      "+47 55 23 85 00", "chat", "Plankton time series since 1971.",
      "A data management plan the funder accepts.", 8 },
    { "Siobhán Ní Bhriain", HIS, "Head of Department", D, STAGE_CLIENT, 510, 30,
      "irish history,oral history", "siobhan.nibhriain@uni.example",
      "+353 1 896 1000", "meeting", "Oral history of the 1950s emigration.",
      "Department-wide access to the Irish newspaper archive.", 9 },
    { "José Müller", LAW, "Knowledge Manager", B, STAGE_CLIENT, 380, 5,
      "legal research,precedents", "jose.mueller@hartmann-reyes.example",
      "+49 30 555 0142", "phone",
      "Precedent bank for employment law; weekly current-awareness bulletin.",
      "Cut research time for associates by a third.", 9 },
    { "Amara Okonkwo", MED, "Professor of Epidemiology", B, STAGE_CLIENT, 600, 12,
      "epidemiology,systematic reviews", "a.okonkwo@med.example",
      "+44 20 7946 0011", "email", "Systematic review of malaria vaccine trials.",
      "A living review updated each quarter.", 10 },
    { "Hiroshi Tanaka", MED, "PhD Candidate", U, STAGE_END_USER, 40, 2,
      "pharmacology", "h.tanaka@med.example", "", "email", NULL, NULL, 7 },
    { "Ingrid Bergström", SPC, "Archivist", U, STAGE_CUSTOMER, 300, 14,
      "manuscripts,conservation", "ingrid.bergstrom@uni.example",
      "+46 8 16 20 00", "in person", "Digitising the Linnaeus correspondence.",
      "IIIF viewer for the letters.", 8 },
    { "Mateo Fernández", HIS, "Lecturer", U, STAGE_END_USER, 25, 4,
      "early modern spain", "mateo.fernandez@uni.example", "", "email", NULL,
      NULL, -1 },
    { "Aoife Gallagher", SOL, "Dean", D, STAGE_CUSTOMER, 250, 70,
      "legal education,budget", "aoife.gallagher@law.example",
      "+353 1 716 7123", "meeting", NULL, "Licence renewals within budget.", 5 },
    { "Priya Raghunathan", MAR, "Data Steward", U, STAGE_CUSTOMER, 190, 20,
      "research data,fair", "priya.r@imr.example", "+47 55 23 86 12", "email",
      "FAIR metadata for the cruise data.", "Persistent identifiers for every dataset.", 9 },
    { "Lars Kristiansen", MAR, "Director", D, STAGE_CUSTOMER, 400, 80,
      "strategy", "lars.kristiansen@imr.example", "+47 55 23 85 01", "meeting",
      NULL, "Open access compliance for the institute.", 6 },
    { "Fatima Zahra El Idrissi", MED, "Research Nurse", U, STAGE_END_USER, 70, 6,
      "nursing,clinical trials", "f.elidrissi@med.example", "", "email", NULL,
      NULL, -1 },
    { "Björn Æsirsson", ARC, "City Archivist", D, STAGE_CLIENT, 700, 8,
      "municipal records,preservation", "bjorn.aesirsson@cityarchives.example",
      "+354 411 6000", "phone", "Migration of the council minutes to a new repository.",
      "Long-term preservation plan signed by the council.", 10 },
    { "Chloé Dubois", DH, "Research Software Engineer", U, STAGE_CUSTOMER, 210, 11,
      "tei,python", "chloe.dubois@ncdh.example", "", "chat",
      "TEI encoding pipeline.", "Reusable pipeline published on the institutional repository.", 7 },
    { "Kwame Mensah", SOL, "Associate Professor", U, STAGE_END_USER, 85, 10,
      "international law", "k.mensah@law.example", "", "email", NULL, NULL, 6 },
    { "Olga Petrovna Ivanova", SPC, "Head of Special Collections", D, STAGE_CLIENT, 900, 35,
      "rare books,acquisitions", "olga.ivanova@uni.example", "+46 8 16 20 05",
      "meeting", "Acquisition of the Strindberg letters.", "A named gift fund.", 7 },
    { "Tomás Ó Ceallaigh", HIS, "PhD Candidate", U, STAGE_END_USER, 15, 1,
      "medieval ireland,palaeography", "tomas.oceallaigh@uni.example", "",
      "email", NULL, NULL, -1 },
    { "Nadia Haddad", LAW, "Senior Associate", U, STAGE_CUSTOMER, 160, 7,
      "employment law", "nadia.haddad@hartmann-reyes.example", "+49 30 555 0177",
      "phone", NULL, NULL, 9 },
    { "Eero Mäkinen", DH, "Professor of Linguistics", B, STAGE_CUSTOMER, 330, 50,
      "corpus linguistics,finnish", "eero.makinen@ncdh.example",
      "+358 9 191 51", "email", "Finnish dialect corpus.",
      "Licensed access to the dialect archive for all partners.", 6 },
    { "Grace Achterberg", MED, "Clinical Librarian", U, STAGE_CLIENT, 450, 4,
      "evidence synthesis,searching", "g.achterberg@med.example",
      "+31 20 566 9111", "in person", "Search strategies for the cardiology guidelines.",
      "Co-authorship on the guideline's methods chapter.", 10 },
    { "Rafael Oliveira Santos", MAR, "Marine Biologist", U, STAGE_END_USER, 120, 40,
      "coral reefs", "rafael.santos@imr.example", "", "email", NULL, NULL, 4 },
    { "Yuki Nakamura", SOL, "Law Librarian", U, STAGE_CUSTOMER, 230, 16,
      "case law,databases", "yuki.nakamura@law.example", "", "email",
      "Training for first-year students.", NULL, 8 },
    { "Henrik Lindqvist", ARC, "Records Manager", U, STAGE_CUSTOMER, 280, 19,
      "retention schedules", "henrik.lindqvist@cityarchives.example", "",
      "phone", NULL, "A retention schedule for the planning department.", 7 },
    { "Małgorzata Wiśniewska", HIS, "Professor", B, STAGE_CLIENT, 520, 10,
      "polish history,archives", "m.wisniewska@uni.example", "+48 22 552 00 00",
      "email", "Edition of the Warsaw guild records.",
      "Funding for a digitisation assistant.", 9 },
    { "Ahmed Al-Farsi", MED, "Head of Research Office", D, STAGE_CUSTOMER, 350, 25,
      "research funding,compliance", "ahmed.alfarsi@med.example",
      "+44 20 7946 0020", "meeting", NULL, "Compliance with the funders' open access rules.", 3 },
    { "Léa Moreau", DH, "Master's Student", U, STAGE_END_USER, 30, 3,
      "french literature", "lea.moreau@ncdh.example", "", "email", NULL, NULL, -1 },
    { "Sven-Åke Holm", SPC, "Conservator", U, STAGE_END_USER, 150, 100,
      "paper conservation", "svenake.holm@uni.example", "", "in person", NULL,
      NULL, -1 },
    { "Catarina Lopes", LAW, "Head of Knowledge", D, STAGE_CLIENT, 610, 15,
      "knowledge management,procurement", "catarina.lopes@hartmann-reyes.example",
      "+49 30 555 0100", "meeting", "Renewal of the firm's research platforms.",
      "One contract for all offices.", 8 },
    { "Dmitri Volkov", MAR, "Research Engineer", U, STAGE_END_USER, 60, 20,
      "sensors,instrumentation", "d.volkov@imr.example", "", "email", NULL, NULL, -1 },
    { "Ngozi Adeyemi", SOL, "PhD Candidate", U, STAGE_END_USER, 45, 5,
      "human rights", "ngozi.adeyemi@law.example", "", "email", NULL, NULL, 10 },
    { "Jean-Baptiste Kaboré", HIS, "Lecturer", U, STAGE_CUSTOMER, 185, 13,
      "colonial archives,west africa", "jb.kabore@uni.example", "", "email",
      "Colonial administrative records of Upper Volta.",
      "Access to the overseas archives' digitised series.", 9 },
    { "Anneke de Vries", ARC, "Digital Archivist", U, STAGE_CUSTOMER, 260, 60,
      "born-digital,email archives", "anneke.devries@cityarchives.example", "",
      "email", NULL, NULL, -1 },
    { "Sergio Ramírez Peña", MED, "Associate Professor", U, STAGE_END_USER, 100, 7,
      "public health", "sergio.ramirez@med.example", "", "phone", NULL, NULL, 5 },
    { "Hannah Goldberg", LAW, "Trainee Solicitor", U, STAGE_END_USER, 20, 2,
      "contract law", "hannah.goldberg@hartmann-reyes.example", "", "chat",
      NULL, NULL, -1 },
    { "Kai Schröder", DH, "Data Curator", U, STAGE_CUSTOMER, 175, 22,
      "linked data,wikidata", "kai.schroeder@ncdh.example", "", "chat", NULL,
      NULL, 8 },
    { "Ayşe Yılmaz", MAR, "Head of Library Committee", D, STAGE_CLIENT, 480, 6,
      "journals,budget", "ayse.yilmaz@imr.example", "+47 55 23 85 40",
      "meeting", "Journal subscriptions review.", "Cancel nothing the researchers still read.", 9 },
    { "Pieter van der Berg", SPC, "Curator of Maps", U, STAGE_CUSTOMER, 320, 90,
      "cartography", "pieter.vanderberg@uni.example", "", "email", NULL, NULL, 7 },
    { "Eleni Papadopoulou", HIS, "Postdoctoral Researcher", U, STAGE_END_USER, 55, 12,
      "byzantine studies", "eleni.papadopoulou@uni.example", "", "email", NULL,
      NULL, 9 },
    { "Marcus Whitfield", SOL, "Head of Legal Practice Unit", D, STAGE_END_USER, 35, 9,
      "clinical legal education", "m.whitfield@law.example", "", "phone", NULL,
      NULL, -1 },
    { "Søren Kierkegaard Jensen", ARC, "Volunteer Coordinator", U, STAGE_END_USER, 95, 95,
      "volunteers,transcription", "soren.jensen@cityarchives.example", "",
      "email", NULL, NULL, -1 },
    { "Leilani Kahale", MED, "Medical Student", U, STAGE_END_USER, 10, 1,
      "anatomy", "leilani.kahale@med.example", "", "email", NULL, NULL, -1 },
    { "Rania Aziz", DH, "Project Manager", B, STAGE_CLIENT, 380, 18,
      "project management,grants", "rania.aziz@ncdh.example", "+47 22 85 50 33",
      "meeting", "Infrastructure grant for the text lab.",
      "A shared research data service with the library.", 10 },
};
#define PEOPLE (sizeof people / sizeof people[0])

/* What a note says, per kind; picked in turn, so the data stays the same
 * from run to run. */
struct template {
    const char *kind;
    const char *body;
};

static const struct template templates[] = {
    { "consultation", "Research consultation: search strategy for the literature review.\nAgreed on the databases and the main subject headings." },
    { "email", "Sent the list of new acquisitions in their subject area." },
    { "call", "Called about access problems off campus; fixed the proxy link." },
    { "meeting", "Met in their office.\nTalked about their current project and what the library could do for it.\nThey asked for a short training session for their group." },
    { "delivery", "Delivered the scanned chapters and the bibliography." },
    { "note", "Mentioned at the faculty meeting that the new database trial went well." },
    { "consultation", "Data management plan reviewed: storage, licences and retention." },
    { "email", "Asked for their advice on which journals to keep next year." },
    { "meeting", "Training session for their team: reference manager and alerts." },
    { "delivery", "Interlibrary loan delivered (two volumes, due back in four weeks)." },
    { "call", "Short call: they recommended us to a new colleague." },
    { "note", "Prefers short emails; busy in teaching weeks." },
};
#define TEMPLATES (sizeof templates / sizeof templates[0])

struct followup_plan {
    int person;       /* index into people */
    int days;         /* from today: negative is overdue */
    int minutes;      /* -1: no time of day */
    const char *text;
    int every_days;   /* 0: once */
    int snooze_days;  /* 0: not snoozed */
};

static const struct followup_plan followups[] = {
    { 0, -3, -1, "Send the draft annotation guidelines back with comments", 0, 0 },
    { 2, -1, 600, "Propose a date for the newspaper archive demo", 0, 0 },
    { 16, -5, -1, "Check whether the palaeography handbook arrived", 0, 0 },
    { 3, 0, 570, "Weekly current-awareness bulletin", 7, 0 },
    { 4, 0, -1, "Ask how the living review's update went", 0, 0 },
    { 12, 0, 840, "Confirm the repository migration timeline", 0, 0 },
    { 1, 2, -1, "Review the data management plan before submission", 0, 0 },
    { 9, 3, -1, "Share the metadata template", 0, 0 },
    { 19, 5, 660, "Search update for the cardiology guideline", 0, 0 },
    { 35, 6, -1, "Prepare the subscription usage figures", 0, 0 },
    { 41, 10, -1, "Grant report: library contribution section", 0, 0 },
    { 27, 14, -1, "Platform renewal: collect the offices' feedback", 0, 0 },
    { 8, -10, -1, "Licence renewal quote for the law databases", 0, 5 },
};
#define FOLLOWUPS (sizeof followups / sizeof followups[0])

struct demo {
    time_t now;
};

/* A moment `days` before now, during office hours (9:00 to 16:45),
 * never in the future. */
static time_t days_ago(time_t now, int days, int slot)
{
    struct date day = date_add_days(date_from_time(now), -days);
    time_t t = date_to_time(day) + (time_t)(9 + slot % 7) * 3600
               + (time_t)(slot * 17 % 4) * 15 * 60;
    return t < now ? t : now - 60;
}

static void split_tags(const char *tags, struct strlist *out)
{
    const char *p = tags;
    while (p && *p) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char item[128];
        snprintf(item, sizeof item, "%.*s", (int)len, p);
        strlist_push(out, item);
        p = comma ? comma + 1 : NULL;
    }
}

static enum store_status add_person(struct store *st, const struct person *p,
                                    size_t index, time_t now, int64_t *id_out)
{
    struct contact c;
    contact_init(&c);
    c.name = strdup(p->name);
    c.org = strdup(p->org);
    c.title = strdup(p->title);
    c.roles = p->roles;
    c.stage = STAGE_END_USER;
    c.channel = p->channel ? strdup(p->channel) : NULL;
    c.projects = p->projects ? strdup(p->projects) : NULL;
    c.goals = p->goals ? strdup(p->goals) : NULL;
    split_tags(p->tags, &c.tags);
    if (p->email && *p->email)
        strlist_push(&c.emails, p->email);
    if (p->phone && *p->phone)
        phone_list_push(&c.phones, p->phone, "work");   /* their office */

    /* Events in the order they happened: the store keeps the derived
     * columns (stage since, last interaction) from their times. */
    enum store_status rc = contact_add(st, &c, days_ago(now, p->age, 0));
    int64_t id = c.id;
    *id_out = id;
    contact_clear(&c);
    if (rc != STORE_OK)
        return rc;

    int span = p->age - p->last;
    int notes = 3 + (int)(index * 7 % 6);
    int promote_at[STAGE_COUNT] = { 0 };
    /* Customers moved up a third of the way through; clients again at
     * two thirds. */
    if (p->stage >= STAGE_CUSTOMER)
        promote_at[STAGE_CUSTOMER] = p->age - span / 3;
    if (p->stage >= STAGE_CLIENT)
        promote_at[STAGE_CLIENT] = p->age - span * 2 / 3;
    /* A few moved up lately, so this month's promotions are not empty. */
    if (p->stage > STAGE_END_USER && index % 3 == 1 && p->last < 20)
        promote_at[p->stage] = p->last + 1;
    static const char *const reasons[STAGE_COUNT] = {
        NULL,
        "Came back three times this term and referred a colleague.",
        "Now plans their projects with us; asked for our advice on the grant.",
    };

    for (int n = 0; n < notes; n++) {
        /* Spread from just after joining to the last interaction. */
        int day = notes == 1 ? p->last
                             : p->age - 1 - (span - 1) * n / (notes - 1);
        if (n == notes - 1 || day < p->last)
            day = p->last;
        for (int s = STAGE_CUSTOMER; s <= (int)p->stage; s++) {
            if (promote_at[s] && promote_at[s] >= day) {
                rc = stage_set(st, id, (enum stage)s, reasons[s],
                               days_ago(now, promote_at[s], 3));
                if (rc != STORE_OK)
                    return rc;
                promote_at[s] = 0;
            }
        }
        const struct template *t = &templates[(index * 5 + (size_t)n) % TEMPLATES];
        rc = note_add(st, id, t->kind, t->body, days_ago(now, day, n), NULL);
        if (rc != STORE_OK)
            return rc;
    }
    /* A few end users were customers for a while and went back, so the
     * Reports screen's demotions are not empty. */
    if (p->stage == STAGE_END_USER && index % 4 == 2 && p->last >= 40) {
        rc = stage_set(st, id, STAGE_CUSTOMER,
                       "Joined the research consultation series.",
                       days_ago(now, p->last - 10, 2));
        if (rc == STORE_OK)
            rc = stage_set(st, id, STAGE_END_USER,
                           "The project ended; back to occasional visits.",
                           days_ago(now, p->last - 30, 2));
        if (rc != STORE_OK)
            return rc;
    }
    if (p->score >= 0) {
        rc = score_add(st, id, p->score,
                       p->score >= 9 ? "Very happy with the service."
                       : p->score <= 6 ? "Slow answers during exam weeks."
                                       : NULL,
                       days_ago(now, p->last, 5), NULL);
    }
    return rc;
}

/* Budget dates, days from today: two organisations in season (their
 * deans and directors not contacted lately show on the Review), the
 * others out of it, one just past; with the notes an organisation's
 * page shows. */
static const struct budget_plan {
    const char *org;
    int days;
    const char *notes;
} budgets[] = {
    { SOL, 30, "Licences are renewed by the Dean's office; the faculty board "
               "approves anything over 10,000." },
    { MAR, 45, "Budget round in January; the director signs, the data team "
               "uses the repository daily." },
    { MED, 120, "Two campuses; the clinical librarians are the day-to-day "
                "contacts." },
    { HIS, -30, NULL },
    { LAW, 200, "Law firm: the knowledge team buys, the associates use." },
};
#define BUDGETS (sizeof budgets / sizeof budgets[0])

static enum store_status set_budgets(struct store *st, time_t now)
{
    enum store_status rc = STORE_OK;
    struct date today = date_from_time(now);
    for (size_t i = 0; i < BUDGETS && rc == STORE_OK; i++) {
        struct org o = { 0 };
        rc = store_org_get(st, budgets[i].org, 0, &o);
        struct date d = date_add_days(today, budgets[i].days);
        char md[16];
        snprintf(md, sizeof md, "%02d-%02d", d.month % 100, d.day % 100);
        struct org_change change = { .budget = md, .notes = budgets[i].notes };
        if (rc == STORE_OK)
            rc = org_edit(st, &o, &change, now);
        org_clear(&o);
    }
    return rc;
}

static enum store_status fill(struct store *st, void *arg)
{
    const struct demo *d = arg;
    enum store_status rc = STORE_OK;
    int64_t ids[PEOPLE] = { 0 };
    for (size_t i = 0; i < PEOPLE && rc == STORE_OK; i++)
        rc = add_person(st, &people[i], i, d->now, &ids[i]);
    if (rc != STORE_OK)
        return rc;

    struct date today = date_from_time(d->now);
    for (size_t i = 0; i < FOLLOWUPS && rc == STORE_OK; i++) {
        const struct followup_plan *f = &followups[i];
        struct interval every = { 0 };
        if (f->every_days) {
            every.count = f->every_days % 7 == 0 ? f->every_days / 7
                                                 : f->every_days;
            every.unit = f->every_days % 7 == 0 ? 'w' : 'd';
        }
        int64_t id = 0;
        /* Written a little before they fall due, as people do. */
        time_t created = days_ago(d->now, f->days < 0 ? 20 - f->days : 2, 1);
        rc = followup_add(st, ids[f->person],
                          date_add_days(today, f->days), f->minutes, f->text,
                          every, created, &id);
        if (rc == STORE_OK && f->snooze_days)
            rc = followup_snooze(st, id, date_add_days(today, f->snooze_days),
                                 created);
    }
    if (rc == STORE_OK) {
        /* One who left: archived, kept, and back with undo or unarchive. */
        struct contact c;
        contact_init(&c);
        c.name = strdup("Gunnhild Ravnsdóttir");
        c.org = strdup(ARC);
        c.title = strdup("Former Deputy Archivist");
        c.stage = STAGE_CUSTOMER;
        strlist_push(&c.emails, "gunnhild.r@cityarchives.example");
        rc = contact_add(st, &c, days_ago(d->now, 800, 2));
        if (rc == STORE_OK)
            rc = note_add(st, c.id, "note",
                          "Retired; handed her projects to Henrik Lindqvist.",
                          days_ago(d->now, 200, 2), NULL);
        if (rc == STORE_OK)
            rc = contact_archive(st, c.id, days_ago(d->now, 199, 2));
        contact_clear(&c);
    }
    if (rc == STORE_OK)
        rc = set_budgets(st, d->now);
    return rc;
}

enum store_status demo_fill(struct store *st, time_t now)
{
    struct demo d = { .now = now };
    return store_batch(st, NULL, fill, &d);
}
