#!/usr/bin/env bash
# HTTP benchmark (not a test): wrk on loopback against /healthz and an authenticated small JSON
# endpoint (GET /api/v1/session with a session cookie). Prints a Markdown table and, with
# --record, appends it with the machine and command to docs/benchmarks.md.
# Usage: bench/http.sh [--record] [--duration SECONDS] [--connections N]
set -euo pipefail
cd "$(dirname "$0")/.."

record=false
duration=10
connections=32
while [ $# -gt 0 ]; do
  case "$1" in
    --record) record=true ;;
    --duration) duration=$2; shift ;;
    --connections) connections=$2; shift ;;
    *) echo "usage: bench/http.sh [--record] [--duration S] [--connections N]" >&2; exit 2 ;;
  esac
  shift
done

source bench/lib.sh

echo "a benchmark password" | "$vigil" user add bench --role viewer --db "$tmp/vigil.db" >/dev/null 2>&1
start_server
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d '{"name":"bench","password":"a benchmark password"}' "$base/api/v1/session" |
  sed -n 's/^Set-Cookie: \(vigil_session=[^;]*\).*/\1/p')
[ -n "$cookie" ] || { echo "bench: sign-in failed" >&2; exit 1; }

echo "bench: ${duration}s per endpoint, $connections connections" >&2
health=$(wrk_row "$base/healthz")
session=$(wrk_row -H "Cookie: $cookie" "$base/api/v1/session")

table="| endpoint | req/s | p50 | p90 | p99 |
|---|---|---|---|---|
| GET /healthz | $health |
| GET /api/v1/session (cookie; session lookup in SQLite) | $session |"
echo "$table"

if $record; then
  {
    echo
    echo "### $(date -u +%Y-%m-%d) — \`bench/http.sh --record --duration $duration --connections $connections\`"
    echo
    echo "Machine: $(nproc) cores, $(awk '/model name/ {sub(/.*: /, ""); print; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM;"
    echo "vigil $("$vigil" version | awk '{print $2}') (Release), \`vigil serve --threads 2\`, wrk -t1 -c$connections on the same machine over loopback."
    echo
    echo "$table"
  } >> docs/benchmarks.md
  echo "bench: recorded in docs/benchmarks.md" >&2
fi
