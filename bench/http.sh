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

command -v wrk >/dev/null || { echo "bench: installing wrk"; apt-get install -y -qq wrk >/dev/null; }
vigil=${VIGIL_BIN:-build/vigil}
tmp=$(mktemp -d)
port=$(( 20000 + RANDOM % 20000 ))
cleanup() { [ -n "${server:-}" ] && kill -TERM "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

echo "a benchmark password" | "$vigil" user add bench --role viewer --db "$tmp/vigil.db" >/dev/null 2>&1
"$vigil" serve --listen "127.0.0.1:$port" --db "$tmp/vigil.db" --log-level error >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d '{"name":"bench","password":"a benchmark password"}' "http://127.0.0.1:$port/api/v1/session" |
  sed -n 's/^Set-Cookie: \(vigil_session=[^;]*\).*/\1/p')
[ -n "$cookie" ] || { echo "bench: sign-in failed" >&2; exit 1; }

# Prints: requests/s, p50, p90, p99 for one endpoint.
run() {
  local out
  out=$(wrk -t1 -c"$connections" -d"${duration}s" --latency "$@")
  local rps p50 p90 p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p90=$(echo "$out" | awk '$1 == "90%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  echo "$rps | $p50 | $p90 | $p99"
}

echo "bench: ${duration}s per endpoint, $connections connections" >&2
health=$(run "http://127.0.0.1:$port/healthz")
session=$(run -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/session")

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
