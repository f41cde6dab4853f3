#!/usr/bin/env bash
# Writes the hand-picked seed inputs in seeds/ from the texts in ../seeds/: short excerpts, a
# few KB each. Run it again after the texts change, and review the diff.
#
#   seeds/text/      whole texts, for `segment`
#   seeds/sentence/  one byte (a document year, 1900 + the byte) then one paragraph, for the
#                    extractors `dates`, `numbers`, `names`, `modality`
#   seeds/pair/      two bytes (where the English text ends, a little-endian u16), the English
#                    text, then the Spanish text, for `align`, `check` and the `render_*` targets
#   seeds/glossary/  one byte (0 TSV, 1 CSV, 2 TBX) then a glossary, for `glossary`
set -euo pipefail
cd "$(dirname "$0")"
export LC_ALL=C.UTF-8
src=../seeds
rm -rf seeds/text seeds/sentence seeds/pair seeds/glossary
mkdir -p seeds/text seeds/sentence seeds/pair seeds/glossary

# Glossary: the test fixtures, in each format.
g=../tests/fixtures/glossary
{ printf '\x00'; cat "$g/government.tsv"; } > seeds/glossary/government-tsv.txt
{ printf '\x01'; cat "$g/government.csv"; } > seeds/glossary/government-csv.txt
{ printf '\x02'; cat "$g/government.tbx"; } > seeds/glossary/government-tbx.txt
{ printf '\x02'; cat "$g/government.martif.tbx"; } > seeds/glossary/government-martif.txt

# Text: an excerpt of each layout.
sed -n 1,12p "$src/2025-2028.en.txt" > seeds/text/plan-en-head.txt
tail -n 6 "$src/2025-2028.en.txt" > seeds/text/plan-en-tail.txt
sed -n 1,27p "$src/2025-2028.es.txt" > seeds/text/plan-es-head.txt
sed -n 59,93p "$src/2025-2028.es.txt" | sed -E 's/^(.{400}).*/\1/' > seeds/text/plan-es-tail.txt
sed -n 1,16p "$src/2021.en.txt" > seeds/text/2021-head.txt
sed -n 1,80p "$src/2014-2016.en.txt" > seeds/text/2014-head.txt
sed -n 1,6p "$src/2025-09-20-statement.en.txt" > seeds/text/statement.txt
printf '\xef\xbb\xbfANNEX\r\nArticle 4\r\n2.4.1. Scope\r\na) Energy\r\n  o Sub-item\r\nB.2.6. Reporting\r\n3\r\n' > seeds/text/headings-crlf.txt

# Sentence: paragraphs rich in dates, numbers, names and modal verbs, with the plan's year.
n=0
sentence() {
    n=$((n + 1))
    { printf '\x7d'; printf '%s' "$1"; } > "seeds/sentence/$(printf %02d $n).txt"
}
sentence "$(sed -n 2p "$src/2025-2028.en.txt")"
sentence "$(sed -n 9p "$src/2025-2028.es.txt")"
sentence "$(grep -m1 'March 31, 2026' "$src/2025-2028.en.txt")"
sentence "$(grep -m1 '31 de marzo de 2026' "$src/2025-2028.es.txt")"
sentence "$(grep -m1 'Memorandum of Collaboration' "$src/2025-2028.en.txt")"
sentence "$(grep -m1 'memorándum de entendimiento' "$src/2025-2028.es.txt")"
sentence "$(grep -m1 'SAWP' "$src/2025-2028.en.txt")"
sentence "$(grep -m1 'podrán impulsar' "$src/2025-2028.es.txt" | sed -E 's/^(.{1200}).*/\1/')"
sentence "Both countries may sign the first 3 agreements, 50% of the 1,200 projects, by the end of this year, and will explore a fourth until 2027."
sentence "Ambos países podrán firmar los primeros tres acuerdos antes de que concluya el 2025, este mismo año, y el 25 por ciento a partir del 1.º de enero de 2026."

# Pair: matching excerpts of the two versions, and small pairs with divergences.
pair() {
    local name=$1 en=$2 es=$3
    local len
    len=$(printf '%s' "$en" | wc -c)
    {
        printf "\\x$(printf %02x $((len & 255)))\\x$(printf %02x $((len >> 8)))"
        printf '%s' "$en"
        printf '%s' "$es"
    } > "seeds/pair/$name.txt"
}
pair plan-head "$(sed -n 1,8p "$src/2025-2028.en.txt")
" "$(sed -n 1,19p "$src/2025-2028.es.txt" | sed -E 's/^(.{1500}).*/\1/')
"
pair plan-security "$(sed -n 37,44p "$src/2025-2028.en.txt")
" "$(sed -n 59,74p "$src/2025-2028.es.txt")
"
pair trade "Action Plan

I. Prosperity
1. Trade
Canada and Mexico will cooperate under CUSMA. Both will report in 2026.
" "Plan de Acción

I. Prosperidad
1. Comercio
México y Canadá cooperarán en el marco del T-MEC. Ambos informarán en 2026.
"
pair parks "1. Parks
Parks Canada will sign the agreement by March 31, 2026.
2. Security
Both countries will meet four times, in defence planning and operations.
" "1. Parques
Parques Canadá podrá firmar el memorándum antes del 30 de abril de 2026.
2. Seguridad
Ambos países se reunirán cinco veces con el G7.
"
pair markup "1. <script>alert(1)</script> & \"Q\" ]]> 'x'
Text, with a comma; a tab	and \"quotes\" by 2026.
" "1. <SCRIPT>x</SCRIPT> &amp; <![CDATA[ y ]]>
Texto, con coma; un tab	y \"comillas\" en 2027.
"
