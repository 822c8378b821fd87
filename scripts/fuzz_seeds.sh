#!/bin/sh
# Writes starting inputs for the fuzz targets into fuzz/corpus/<target>/ from the bundled data
# and corpus (a selector byte first where the target reads one). Run from the repository root
# before `cargo fuzz run`; fuzz/corpus/ is not committed.
set -eu
c=fuzz/corpus
mkdir -p $c/extract $c/merge $c/json_lines $c/data_files
n=0
for f in data/corpus/seed/*.txt data/corpus/crisis/1[0-2]?_*.txt data/corpus/dev/*.txt; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    { printf '\003'; head -c 4000 "$f"; } > $c/extract/seed-$n
    { printf '\005'; head -c 1500 "$f"; printf '\000\011'; head -c 1500 data/corpus/seed/000_*.txt; } > $c/merge/seed-$n
done
printf '{"id": "a", "text": "Esper spoke on Friday.", "published": "2020-01-03"}\n{"id": "b", "text": "x", "mode": "narrative"}\n' > $c/json_lines/seed-1
printf '{"id": "c", "text": "\\u00e9\\n", "published": "2020-01-03T10:00:00Z"}\r\n\n[1]\n{"id"' > $c/json_lines/seed-2
i=0
for f in data/gazetteer/story.tsv data/names/cues.tsv data/names/first_names.txt data/text/abbreviations.tsv \
    data/text/headers.tsv data/text/credits.txt data/time/calendar.tsv data/events/kinds.tsv \
    data/events/triggers.tsv data/events/cues.tsv; do
    { printf "\\$(printf '%03o' $i)"; head -c 6000 "$f"; } > $c/data_files/seed-$i
    i=$((i + 1))
done
tml=$(ls ../shared/tempeval/*/*/*.tml 2>/dev/null | head -1 || true)
[ -n "$tml" ] && { printf '\012'; head -c 6000 "$tml"; } > $c/data_files/seed-10
{ printf '\015'; head -c 6000 data/corpus/crisis/timeline.tsv; } > $c/data_files/seed-13
echo "seeded $c"
