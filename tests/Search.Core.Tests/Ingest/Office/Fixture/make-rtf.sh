#!/bin/sh
# Regenerates the .rtf fixtures with pandoc's RTF writer from two Wikinews articles among the
# project's seeds (seeds/wikinews_*.csv, CC BY 2.5): each row's title as the document's title
# (pandoc writes it as the first paragraph), its paragraphs as the text. pandoc escapes every
# character outside ASCII as \uN?, as Word does.
set -e
cd "$(dirname "$0")"
seeds=../../../../../seeds
python3 - "$seeds" <<'PY' | while IFS='	' read -r name markdown; do
import csv, re, sys
csv.field_size_limit(1 << 30)
picks = {
    "kaczynski": ("wikinews_2019.csv", "Polish_leader_Jaroslaw_Kaczynski_promises_stricter_punishments_for_child_abusers"),
    "seoul": ("wikinews_2020.csv", "Seoul_city_Mayor_Park_Won-soon_found_dead,_South_Korean_police_confirm"),
}
for name, (table, page) in picks.items():
    with open(f"{sys.argv[1]}/{table}", encoding="utf-8", newline="") as f:
        row = next(r for r in csv.DictReader(f) if r["url"].endswith("/wiki/" + page))
    # Every markdown mark in the text escaped, so the RTF holds the text as written.
    escape = lambda s: re.sub(r"([\\`*_{}\[\]<>#+!|~^$@&:-])", r"\\\1", s)
    paragraphs = [" ".join(p.split()) for p in row["text"].split("\n\n") if p.strip()]
    markdown = "---\ntitle: '" + row["title"].replace("'", "''") + "'\n---\n\n" + "\n\n".join(escape(p) for p in paragraphs) + "\n"
    print(name + "\t" + markdown.replace("\\", "\\\\").replace("\n", "\\n"))
PY
    printf '%b' "$markdown" | pandoc -s -f markdown-smart -t rtf -o "$name.rtf"
done
