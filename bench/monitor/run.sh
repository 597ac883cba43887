#!/usr/bin/env bash
# Monitor scan benchmark (issue 5, item 8; not a test). In one run on one generated corpus:
#  1. monitor_scan_corpus writes POSTS posts (seed SEED, 20 % near-duplicate family copies) and
#     prints the mix it generated;
#  2. `vigil monitor scan` on 1 and 2 threads under /usr/bin/time: wall and CPU seconds, posts/s,
#     MB/s of the input file, peak memory, the command's own phase times; the two JSON outputs must
#     be the same once "seconds" is removed (sha256 compared);
#  3. the raw-scan yardstick `LC_ALL=C grep -o -i -F -f PHRASES CORPUS | wc -l`, PHRASES being the
#     lexicon's literal phrases as monitor_stages_bench --phrases reads them through the codec;
#  4. monitor_stages_bench: each stage alone over all posts (MB/s per stage), the measured mix and
#     the near-duplicate index's bytes per post;
#  5. optionally EXTERNAL_CMD (e.g. EXTERNAL_CMD='some-tool {corpus}'; {corpus} is replaced by the
#     corpus path) timed the same way, side by side.
# Prints a Markdown block ready for docs/benchmarks.md ("Monitor scan") with the machine, the load
# and the exact command. Builds the three programs first (two jobs), so a rerun after a change
# measures the change. Usage: [POSTS=1000000] [SEED=1] [BUILD_DIR=build] [WORK_DIR=DIR]
# [EXTERNAL_CMD='tool {corpus}'] bench/monitor/run.sh   (WORK_DIR holds the corpus and outputs,
# default $BUILD_DIR/bench/monitor-run; about 0.6 KB of corpus and 1 KB of output per post).
set -euo pipefail
cd "$(dirname "$0")/../.."

build=${BUILD_DIR:-build}
posts=${POSTS:-1000000}
seed=${SEED:-1}
work=${WORK_DIR:-$build/bench/monitor-run}
external=${EXTERNAL_CMD:-}
[[ "$posts" =~ ^[1-9][0-9]*$ && "$seed" =~ ^[0-9]+$ ]] || { echo "bench/monitor/run.sh: POSTS must be a positive integer and SEED an integer" >&2; exit 2; }
[ $# -eq 0 ] || { echo "usage: [POSTS=N] [SEED=S] [BUILD_DIR=DIR] [WORK_DIR=DIR] [EXTERNAL_CMD='tool {corpus}'] bench/monitor/run.sh" >&2; exit 2; }
[ -f "$build/build.ninja" ] || [ -f "$build/Makefile" ] || {
  echo "bench/monitor/run.sh: configure $build first (make configure BUILD_DIR=$build, Release)" >&2
  exit 1
}
# The three programs must come from the same sources (the stages are compared with the command).
if ! built=$(cmake --build "$build" --parallel 2 --target vigil monitor_scan_corpus monitor_stages_bench 2>&1); then
  echo "$built" | tail -20 >&2
  echo "bench/monitor/run.sh: the build failed (see above)" >&2
  exit 1
fi
[ -x /usr/bin/time ] || { echo "bench/monitor/run.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
mkdir -p "$work"
corpus=$work/posts.jsonl
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# 1. The corpus.
mix=$("$build/bench/monitor_scan_corpus" "$posts" "$seed" 2>&1 >"$corpus")
bytes=$(stat -c %s "$corpus")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')

# Runs a command under /usr/bin/time -v; sets wall, cpu, rss_mb (and leaves its stderr in $work/time.txt).
timed() {
  /usr/bin/time -v "$@" 2>"$work/time.txt" >/dev/null
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time.txt")
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$work/time.txt")
  rss_mb=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/time.txt")
}
# A number logged by `vigil monitor scan` (its JSON log line on stderr).
logged() { grep -o "\"$1\":[0-9.e+-]*" "$work/time.txt" | head -1 | cut -d: -f2; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "—" }'; }
mbs() { awk -v b="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.1f", b / s / 1e6; else print "—" }'; }
group() { sed -E ':a;s/^([0-9]+)([0-9]{3})/\1,\2/;ta' <<<"$1"; }

# 2. The whole command on 1 and 2 threads.
rows=""
declare -A hash wall_of cpu_of scan_of
for threads in 1 2; do
  out=$work/out-$threads.json
  timed "$build/vigil" monitor scan --in "$corpus" --threads "$threads" --format json --out "$out" --data data
  scan=$(logged scan_seconds)
  hash[$threads]=$(sed -E 's/"seconds":[-0-9.eE+]+,?//' "$out" | sha256sum | cut -c1-16)
  wall_of[$threads]=$wall
  cpu_of[$threads]=$cpu
  scan_of[$threads]=$scan
  rows="$rows
| \`vigil monitor scan\`, $threads thread$([ "$threads" = 1 ] || echo s) | $wall | $cpu | $(group "$(rate "$posts" "$wall")") | $(mbs "$bytes" "$wall") | $(group "$(rate "$posts" "$cpu")") | $(printf '%.2f / %.2f / %.2f / %.2f' "$(logged setup_seconds)" "$(logged read_seconds)" "$scan" "$(logged write_seconds)") | $(group "$(rate "$posts" "$scan")") | $(mbs "$bytes" "$scan") | $rss_mb |"
  rm -f "$out"
done
same="identical"
[ "${hash[1]}" = "${hash[2]}" ] || same="DIFFERENT (1 thread ${hash[1]}, 2 threads ${hash[2]})"

# 3. The raw-scan yardstick.
phrases=$work/phrases.txt
"$build/bench/monitor_stages_bench" --phrases --data data >"$phrases" 2>"$work/phrases.log"
start=$(date +%s.%N)
matches=$(LC_ALL=C grep -o -i -F -f "$phrases" "$corpus" | wc -l)
grep_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
rows="$rows
| \`LC_ALL=C grep -o -i -F -f PHRASES CORPUS \\| wc -l\` ($(cat "$work/phrases.log" | cut -d' ' -f1) phrases, $(group "$matches") matches) | $grep_s | — | $(group "$(rate "$posts" "$grep_s")") | $(mbs "$bytes" "$grep_s") | — | — | — | — | — |"

# 5. An external command on the same corpus.
if [ -n "$external" ]; then
  timed sh -c "${external//\{corpus\}/$corpus}"
  rows="$rows
| external: \`$external\` | $wall | $cpu | $(group "$(rate "$posts" "$wall")") | $(mbs "$bytes" "$wall") | $(group "$(rate "$posts" "$cpu")") | — | — | — | $rss_mb |"
fi

# 4. Each stage alone.
stages=$("$build/bench/monitor_stages_bench" --in "$corpus" --data data 2>/dev/null)
index_bytes=$(grep -o '= [0-9]* bytes per post' <<<"$stages" | grep -o '[0-9]*')

# Targets of issue 5 on this machine, judged on the whole command and on the pipeline alone.
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v >= t ? "met" : "not met") }'; }
p1=$(rate "$posts" "${wall_of[1]}"); s1=$(rate "$posts" "${scan_of[1]}")
m1=$(mbs "$bytes" "${wall_of[1]}"); ms1=$(mbs "$bytes" "${scan_of[1]}")
speedup=$(awk -v a="${wall_of[1]}" -v b="${wall_of[2]}" 'BEGIN { printf "%.2f", a / b }')
scan_speedup=$(awk -v a="${scan_of[1]}" -v b="${scan_of[2]}" 'BEGIN { printf "%.2f", a / b }')
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
busy=""
if awk -v a="${load_before%% *}" -v b="${load_after%% *}" -v n="$(nproc)" 'BEGIN { exit !(a > n / 2 || b > n / 2) }'; then
  busy="**The machine was busy (load average above half its $(nproc) cores): wall-clock figures and the
2-thread speedup are distorted by other work; the CPU-time columns are the fairer measure.**
"
fi
cpu_model=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
ram=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
revision=$(git describe --always --dirty 2>/dev/null || echo unknown)

cat <<EOF
### $(date -u +%Y-%m-%d) — \`POSTS=$posts SEED=$seed BUILD_DIR=$build bench/monitor/run.sh\`

Machine: $(nproc) cores, $cpu_model, $ram RAM; load average $load_before before, $load_after after
(other work shares the machine). Build: $build ($(grep -m1 CMAKE_BUILD_TYPE: "$build/CMakeCache.txt" | cut -d= -f2)), tree $revision.
Corpus: \`monitor_scan_corpus $posts $seed\`, $mb MB of JSON Lines. Generated mix: ${mix#generated: }.

| what | wall s | CPU s | posts/s (wall) | MB/s (wall) | posts/s (CPU) | setup / read / pipeline / write s | pipeline posts/s | pipeline MB/s | peak RSS MB |
|---|---|---|---|---|---|---|---|---|---|$rows

${busy}MB/s are of the corpus file ($bytes bytes). "pipeline" is the \`scan_seconds\` the command logs
(Pipeline::Run only: no lexicon compile, no reading or writing). The JSON outputs of 1 and 2
threads (without \`summary.seconds\`) are $same (sha256 ${hash[1]}…).

$stages

Targets (issue 5, this 2-core machine):
- 1 thread ≥ 50,000 posts/s and ≥ 25 MB/s (floor), goal 100,000 posts/s and 50 MB/s: whole command
  $(group "$p1") posts/s, $m1 MB/s — floor $(verdict "$p1" 50000) on posts/s, $(verdict "$m1" 25) on MB/s, goal $(verdict "$p1" 100000);
  pipeline alone $(group "$s1") posts/s, $ms1 MB/s — floor $(verdict "$s1" 50000), goal $(verdict "$s1" 100000).
- 2 threads ≥ 1.6× one thread: whole command ${speedup}× — $(verdict "$speedup" 1.6); pipeline alone ${scan_speedup}× — $(verdict "$scan_speedup" 1.6).
- Linking state ≤ 1 KB per post: near-duplicate index $index_bytes bytes per post — $(verdict 1024 "$index_bytes").
EOF
