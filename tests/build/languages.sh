#!/bin/bash
# The README's quick start speaks the user's language (SPEC §7): a build
# out of its source tree, as `make distcheck` makes it, run uninstalled
# with LANG=de_DE.UTF-8 and no RAPPORT_LOCALEDIR, is German on the
# command line and in the TUI; so is the same build installed through
# DESTDIR, from the install prefix and not from the build tree.
. "$top_srcdir/tests/lib/tap.sh"

# gettext switches language only in a locale the system has; C.UTF-8
# alone stays English.
has_locale() { locale -a 2>/dev/null | grep -qix "$1\.utf-\{0,1\}8"; }
has_locale de_DE || skip_all "no de_DE.UTF-8 locale (scripts/install-deps.sh --test makes it)"
. "$top_srcdir/tests/lib/tmux.sh"

# As a user's shell would have it: LANG only. The make that runs the
# suite must not steer this test's own make.
unset LC_ALL LANGUAGE RAPPORT_LOCALEDIR MAKEFLAGS MFLAGS MAKELEVEL
export LANG=C.UTF-8
src=$TEST_DIR/src build=$TEST_DIR/build prefix=$TEST_DIR/prefix
log=$TEST_DIR/build.log
trap 'chmod -R u+w "$src" 2>/dev/null; tmux_ kill-server >/dev/null 2>&1; rm -rf "$TEST_DIR"' EXIT

show_log() { tail -n 30 "$log" | sed 's/^/#   | /'; }

# The sources as the release tarball has them, read-only as distcheck
# makes them (a tree configured in place cannot be built out of place,
# so the copy is made even then), and a build folder beside them.
# Automake's distdir must be relative to the build folder.
make -C "$top_builddir" distdir \
        distdir="$(realpath -m --relative-to="$top_builddir" "$src")" >"$log" 2>&1 \
    && chmod -R a-w "$src" && mkdir "$build" \
    && (cd "$build" && "$src/configure" --prefix="$prefix" \
            --disable-dependency-tracking && make -j2) >>"$log" 2>&1
status=$?
is "$status" 0 "rapport builds out of a read-only source tree"
if [ "$status" -ne 0 ]; then
    show_log
    done_testing
    exit
fi

for lang in de fr es; do
    ok "$([ -f "$build/locale/$lang/LC_MESSAGES/rapport.mo" ]; echo $?)" \
       "the build tree holds locale/$lang/LC_MESSAGES/rapport.mo"
done

# speaks NAME BINARY: rapport is German on the command line and in the TUI.
speaks() {
    out=$(LANG=de_DE.UTF-8 "$2" --help 2>&1)
    like "$out" '^Aufruf: rapport' "$1: --help is German"
    # A database to ask: a command that only reads does not make one.
    [ -e "$TEST_DIR/l.db" ] || "$2" --db "$TEST_DIR/l.db" add "Ada Lovelace" >/dev/null 2>&1
    out=$(LANG=de_DE.UTF-8 "$2" --db "$TEST_DIR/l.db" show zed 2>&1)
    like "$out" 'kein Kontakt passt zu "zed"' "$1: an error is German"
    RAPPORT=$2
    tui_start -e LANG=de_DE.UTF-8 -- --demo
    wait_for "Verstummt (" 10 "$1: the TUI's Review is German"
    wait_for "x erledigt" 2 "$1: and its hints"
    tui_quit
}

english=$("$build/rapport" --help 2>&1)
like "$english" '^Usage: rapport' "in C.UTF-8 it speaks English"
speaks "uninstalled" "$build/rapport"
for lang in fr_FR es_ES; do
    if has_locale "$lang"; then
        out=$(LANG=$lang.UTF-8 "$build/rapport" --help 2>&1)
        ok "$([ "$out" != "$english" ]; echo $?)" "uninstalled: --help is translated in $lang"
    else
        skip "uninstalled: --help is translated in $lang" "no $lang.UTF-8 locale"
    fi
done

# RAPPORT_LOCALEDIR overrides the build tree: here a French catalogue
# posing as the German one.
mkdir -p "$TEST_DIR/other/de/LC_MESSAGES"
cp "$build/locale/fr/LC_MESSAGES/rapport.mo" "$TEST_DIR/other/de/LC_MESSAGES/"
out=$(RAPPORT_LOCALEDIR=$TEST_DIR/other LANG=de_DE.UTF-8 "$build/rapport" --help 2>&1)
like "$out" '^Usage : rapport' "RAPPORT_LOCALEDIR overrides the build tree's catalogues"

# Installed through DESTDIR, then moved into place as a package would be.
make -C "$build" install DESTDIR="$TEST_DIR/stage" >>"$log" 2>&1
status=$?
is "$status" 0 "make install DESTDIR=... works"
[ "$status" -eq 0 ] || show_log
staged=$TEST_DIR/stage$prefix
ok "$([ -f "$staged/share/locale/de/LC_MESSAGES/rapport.mo" ]; echo $?)" \
   "the catalogues are installed under the prefix"
# Not yet in its place, the installed copy finds no catalogue: it does
# not read the build tree's.
out=$(LANG=de_DE.UTF-8 "$staged/bin/rapport" --help 2>&1)
like "$out" '^Usage: rapport' "an installed binary does not read the build tree"
mv "$staged" "$prefix"
rm -rf "$build/locale"
speaks "installed" "$prefix/bin/rapport"
out=$(RAPPORT_LOCALEDIR=$TEST_DIR/other LANG=de_DE.UTF-8 "$prefix/bin/rapport" --help 2>&1)
like "$out" '^Usage : rapport' "RAPPORT_LOCALEDIR overrides the install prefix too"

done_testing
