#!/bin/sh
# Keeps the layers of src/ honest (README, Layout): prints each broken
# rule as "FILE:LINE: why" and exits 1 when there is one.
#
#   scripts/check-layers.sh [SRC]      SRC defaults to the src/ beside it
#
# The rules:
#  - a file includes headers of its own folder and of the folders below
#    it, never above: base < model < store < core < io < cli, tui, and
#    src/main.c on top; cli/ and tui/ are side by side and include
#    neither the other;
#  - store/'s private headers (db.h, schema.h, plan.h) are included only
#    in store/;
#  - SQLite (sqlite3_, <sqlite3.h>) is spoken only in store/;
#  - curses only in tui/;
#  - the domain, the store and the model print nothing (core/, store/,
#    model/): the front ends say what they report;
#  - no file is longer than 800 lines.
set -u
src=${1:-$(dirname "$0")/../src}
[ -d "$src" ] || { echo "check-layers: no folder $src" >&2; exit 2; }

find "$src" -name '*.[ch]' | sort | awk -v src="$src" '
function rank(layer) {
    if (layer == "base") return 0
    if (layer == "model") return 1
    if (layer == "store") return 2
    if (layer == "core") return 3
    if (layer == "io") return 4
    if (layer == "cli" || layer == "tui") return 5
    if (layer == "") return 6
    return -1
}
{
    file = $0
    rel = substr(file, length(src) + 2)
    n = split(rel, part, "/")
    layer = n > 1 ? part[1] : ""
    if (rank(layer) < 0) {
        printf "%s: the folder %s is no layer of src/\n", rel, layer
        bad = 1
        next
    }
    lines = 0
    while ((getline line < file) > 0) {
        lines++
        if (line ~ /^[ \t]*#[ \t]*include[ \t]*"/) {
            inc = line
            sub(/^[^"]*"/, "", inc)
            sub(/".*/, "", inc)
            m = split(inc, ipart, "/")
            target = m > 1 ? ipart[1] : ""
            if (m < 2 || rank(target) < 0 || rank(target) == 6) {
                printf "%s:%d: includes \"%s\"; name headers by their folder (\"core/contact.h\")\n", rel, lines, inc
                bad = 1
            } else if (layer != "store" && inc ~ /^store\/(db|schema|plan)\.h$/) {
                printf "%s:%d: includes \"%s\", private to store/\n", rel, lines, inc
                bad = 1
            } else if (rank(target) > rank(layer) \
                       || (rank(layer) == 5 && rank(target) == 5 && target != layer)) {
                printf "%s:%d: %s/ includes \"%s\", a layer above it\n", rel, lines, layer == "" ? "src" : layer, inc
                bad = 1
            }
        }
        if (layer != "store" && (line ~ /sqlite3_/ || line ~ /<sqlite3\.h>/)) {
            printf "%s:%d: SQLite outside store/\n", rel, lines
            bad = 1
        }
        if ((layer == "core" || layer == "store" || layer == "model") \
            && line ~ /(^|[^a-z_])(printf|fprintf|puts|fputs|putchar|fputc|perror|fwrite)[ \t]*\(/) {
            printf "%s:%d: %s/ prints; return the text and let a front end say it\n", rel, lines, layer
            bad = 1
        }
        if (layer != "tui" && line ~ /^[ \t]*#[ \t]*include[ \t]*<n?curses(w\/curses)?\.h>/) {
            printf "%s:%d: curses outside tui/\n", rel, lines
            bad = 1
        }
    }
    close(file)
    if (lines > 800) {
        printf "%s: %d lines; a file past 800 holds two ideas, split it\n", rel, lines
        bad = 1
    }
}
END { exit bad ? 1 : 0 }'
