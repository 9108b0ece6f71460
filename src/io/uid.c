/* Stable UIDs: what a contact or follow-up goes out with when none is
 * stored, so that every export of one database names it the same, and
 * reading back a UID rapport wrote. Uses core/ and below. */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>

#include "io/format.h"

/* Derived from what never changes about a contact, so that every export
 * of one database gives a contact the same UID (RFC 6350 §6.7.6) even
 * before an import stored one. */
void io_contact_uid(const struct contact *c, char *buf, size_t size)
{
    uint64_t h = 1469598103934665603ULL;
    uint64_t parts[2] = { (uint64_t)c->id, (uint64_t)c->created };
    const unsigned char *p = (const unsigned char *)parts;
    for (size_t i = 0; i < sizeof parts; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    uint64_t g = h * 6364136223846793005ULL + 1442695040888963407ULL;
    snprintf(buf, size, "urn:uuid:%08" PRIx32 "-%04" PRIx32 "-4%03" PRIx32
             "-8%03" PRIx32 "-%012" PRIx64,
             (uint32_t)(h >> 32), (uint32_t)(h >> 16) & 0xffff,
             (uint32_t)h & 0xfff, (uint32_t)(g >> 52) & 0xfff,
             (uint64_t)(g & 0xffffffffffffULL));
}

void io_followup_uid(int64_t series_id, int64_t series_created, char *buf,
                     size_t size)
{
    snprintf(buf, size, "rapport-followup-%lld-%lld", (long long)series_id,
             (long long)series_created);
}

bool io_followup_uid_parse(const char *uid, int64_t *id, int64_t *created)
{
    long long a = 0, b = 0;
    int end = 0;
    if (!uid || sscanf(uid, "rapport-followup-%lld-%lld%n", &a, &b, &end) != 2
        || uid[end] != '\0' || a <= 0)
        return false;
    *id = a;
    *created = b;
    return true;
}
