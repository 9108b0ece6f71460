#!/bin/sh
# Writes N vCards (default 100,000) to standard output, the file the
# import benchmark reads: every card with an organisation, a title, one
# or two emails, a phone, a one-line note and a UID. The same N always
# gives the same file, so runs compare.
#
#   bench/make-vcards.sh [N] > cards.vcf
set -eu
n=${1:-100000}
exec awk -v n="$n" 'BEGIN {
    split("Zoë Ana Jonas Mei Siobhán Omar Priya Lars Amélie Kenji Fatima Tomás Ingrid Kwame Sofia Li", given, " ")
    split("Ødegård Novak Schmidt Chen Ní-Bhriain Haddad Iyer Lindqvist Dubois Tanaka Okafor García Berg Mensah Rossi Wang", family, " ")
    split("Faculty of Law|Department of History|City Archives|School of Medicine|Maritime Museum|Institute of Physics|Public Library|Centre for Digital Humanities", orgs, "|")
    split("Lecturer|Professor|Archivist|Research Fellow|Librarian|PhD Candidate|Curator|Data Steward", titles, "|")
    split("registers digitised shipping manuscripts consultation dataset licence workshop citation archive thesis metadata catalogue preservation journal reading-room", words, " ")
    for (i = 0; i < n; i++) {
        g = given[i % 16 + 1]; f = family[int(i / 16) % 16 + 1]
        printf "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        printf "FN:%s %s %d\r\n", g, f, i
        printf "N:%s %d;%s;;;\r\n", f, i, g
        printf "ORG:%s\r\n", orgs[i % 8 + 1]
        printf "TITLE:%s\r\n", titles[int(i / 8) % 8 + 1]
        printf "EMAIL;TYPE=work:person%d@example.org\r\n", i
        if (i % 3 == 0)
            printf "EMAIL;TYPE=home:p%d.home@example.net\r\n", i
        printf "TEL;TYPE=work:+47 55 %02d %02d %02d\r\n", int(i / 10000) % 100, int(i / 100) % 100, i % 100
        printf "NOTE:Asked about the %s and the %s for the %s project\r\n", words[i % 16 + 1], words[int(i * 7 / 3) % 16 + 1], words[int(i / 16) % 16 + 1]
        printf "UID:urn:uuid:00000000-0000-4000-8000-%012d\r\n", i
        printf "END:VCARD\r\n"
    }
}'
