#!/usr/bin/env bash
# Portal benchmark (not a test): requests per second and latency for portal pages (wrk,
# loopback, gzip accepted), and the first-load weight of every page in every language
# (HTML + CSS as transferred with gzip). With --record, appends the results to
# docs/benchmarks.md. Usage: bench/portal.sh [--record] [--duration SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."

record=false
duration=10
while [ $# -gt 0 ]; do
  case "$1" in
    --record) record=true ;;
    --duration) duration=$2; shift ;;
    *) echo "usage: bench/portal.sh [--record] [--duration S]" >&2; exit 2 ;;
  esac
  shift
done

source bench/lib.sh
start_server --data ./data

# Bytes on the wire for a URL with gzip accepted (compressed body size).
size() { curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$1"; }
css=$(size "$base/portal.css")

pages=(/ /warning-signs /get-help /rights /learn /learn/definition /learn/crsv /learn/prevention /search?q=job /about)
weights="| page | en | uk | ru | pl | ro | ar |
|---|---|---|---|---|---|---|"
heaviest=0
for page in "${pages[@]}"; do
  row="| \`$page\` |"
  for lang in en uk ru pl ro ar; do
    bytes=$(( $(size "$base/$lang$page") + css ))
    [ "$bytes" -gt "$heaviest" ] && heaviest=$bytes
    row="$row $bytes |"
  done
  weights="$weights
$row"
done

speed="| page | req/s | p50 | p90 | p99 |
|---|---|---|---|---|
| \`/en/warning-signs\` | $(wrk_row -H 'Accept-Encoding: gzip' "$base/en/warning-signs") |
| \`/ar/learn/prevention\` (largest) | $(wrk_row -H 'Accept-Encoding: gzip' "$base/ar/learn/prevention") |
| \`/uk/search?q=вербування\` | $(wrk_row -H 'Accept-Encoding: gzip' "$base/uk/search?q=%D0%B2%D0%B5%D1%80%D0%B1%D1%83%D0%B2%D0%B0%D0%BD%D0%BD%D1%8F") |"

echo "$speed"
echo
echo "First load, bytes transferred with gzip (HTML + CSS; the CSS is $css B):"
echo "$weights"
echo "heaviest: $heaviest B (budget 61440 B)"

if $record; then
  {
    echo
    echo "### $(date -u +%Y-%m-%d) — \`bench/portal.sh --record --duration $duration\`"
    echo
    echo "Machine: $(nproc) cores, $(awk '/model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo); \`vigil serve --threads 2\`, wrk -t1 -c32 on the same machine over loopback, gzip accepted."
    echo
    echo "$speed"
    echo
    echo "First load of each page, bytes transferred with gzip (HTML + the CSS, $css B; the 528 B script is optional):"
    echo
    echo "$weights"
    echo
    echo "Heaviest: $heaviest B against the 60 KB (61,440 B) budget."
  } >> docs/benchmarks.md
fi
