/* Clearing the Review's pipeline rows. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "model/suggest.h"

static void budget_entry_clear(struct budget_entry *e)
{
    contact_clear(&e->contact);
}

static void suggestion_clear(struct suggestion *s)
{
    contact_clear(&s->contact);
}

LIST_CLEAR(budget_list_clear, budget_list, budget_entry_clear)
LIST_CLEAR(suggestion_list_clear, suggestion_list, suggestion_clear)
