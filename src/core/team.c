/* Setting up a team database (core/team.h): the group looked up, the
 * store makes the folder and the file, and what it warns of is said.
 * Uses base/, store/team.h, core/app.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "base/user.h"
#include "core/app.h"
#include "core/team.h"
#include "store/team.h"

int team_init(struct app *app, const char *path, const char *group)
{
    gid_t gid;
    if (user_group_id(group, &gid) != 0) {
        char *shown = text_sanitize(group, false);
        char *text = NULL;
        if (asprintf(&text, _("there is no group %s; an administrator makes it with: addgroup %s"),
                     shown, shown) < 0)
            text = NULL;
        app_say(app, true, text ? text : _("no such group"));
        free(text);
        free(shown);
        return 1;
    }
    struct strlist warnings = { 0 };
    struct store_opening how = { .warnings = &warnings };
    enum store_status rc = store_team_create(path, gid, &how, &app->st);
    return app_opened(app, rc, &how, _("cannot create the team database"));
}

const char *team_me(const struct app *app)
{
    return app->st && app->cfg.shared_database ? store_author(app->st) : NULL;
}

bool team_names_authors(struct app *app)
{
    if (!app->st)
        return false;
    if (app->authors == 0)
        app->authors = store_has_authors(app->st) ? 2 : 1;
    return app->authors == 2;
}

int team_login(const char *given, const char **out)
{
    if (!given || !*given || strcmp(given, "none") == 0) {
        *out = NULL;
        return 0;
    }
    if (!user_exists(given))
        return -1;
    *out = given;
    return 0;
}
