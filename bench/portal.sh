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

command -v wrk >/dev/null || { echo "bench: installing wrk"; apt-get install -y -qq wrk >/dev/null; }
vigil=${VIGIL_BIN:-build/vigil}
tmp=$(mktemp -d)
port=$(( 20000 + RANDOM % 20000 ))
cleanup() { [ -n "${server:-}" ] && kill -TERM "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
"$vigil" serve --listen "127.0.0.1:$port" --db "$tmp/vigil.db" --data ./data --log-level error >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"

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

run() {
  local out
  out=$(wrk -t1 -c32 -d"${duration}s" --latency -H 'Accept-Encoding: gzip' "$1")
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') | $(echo "$out" | awk '$1 == "50%" {print $2}') | $(echo "$out" | awk '$1 == "99%" {print $2}')"
}
speed="| page | req/s | p50 | p99 |
|---|---|---|---|
| \`/en/warning-signs\` | $(run "$base/en/warning-signs") |
| \`/ar/learn/prevention\` (largest) | $(run "$base/ar/learn/prevention") |
| \`/uk/search?q=вербування\` | $(run "$base/uk/search?q=%D0%B2%D0%B5%D1%80%D0%B1%D1%83%D0%B2%D0%B0%D0%BD%D0%BD%D1%8F") |"

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
