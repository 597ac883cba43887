#!/usr/bin/env bash
# Runs one named stage of a make target and prints how long it took.
# Usage: scripts/stage.sh NAME COMMAND [ARG...]
set -uo pipefail
name=$1
shift
start=$(date +%s%N)
"$@"
status=$?
end=$(date +%s%N)
seconds=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.1f", ns / 1e9 }')
printf '== stage %-10s %7s s%s\n' "$name" "$seconds" "$([ $status -eq 0 ] || echo "  (FAILED, exit $status)")"
exit $status
