# Shared by the HTTP benchmarks (sourced, not run): start a throwaway `vigil serve` on a free-ish
# loopback port with a temporary database, stop it on exit, and summarise wrk runs.

command -v wrk >/dev/null || { echo "bench: installing wrk"; apt-get install -y -qq wrk >/dev/null; }
vigil=${VIGIL_BIN:-build/vigil}
tmp=$(mktemp -d)
port=$(( 20000 + RANDOM % 20000 ))
base="http://127.0.0.1:$port"
cleanup() { [ -n "${server:-}" ] && kill -TERM "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

# Starts the server with extra serve arguments and waits until /healthz answers.
start_server() {
  "$vigil" serve --listen "127.0.0.1:$port" --db "$tmp/vigil.db" --log-level error "$@" >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 50); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done
}

# Runs wrk (one thread, $connections connections, $duration seconds) with the given arguments and
# prints "req/s | p50 | p90 | p99".
wrk_row() {
  local out
  out=$(wrk -t1 -c"${connections:-32}" -d"${duration}s" --latency "$@")
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') | $(echo "$out" | awk '$1 == "50%" {print $2}') |" \
       "$(echo "$out" | awk '$1 == "90%" {print $2}') | $(echo "$out" | awk '$1 == "99%" {print $2}')"
}
