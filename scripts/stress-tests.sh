#!/usr/bin/env bash
# Runs the whole test suite N times (default 3) on a fresh clone of this checkout's HEAD, with one extra CPU
# busy-loop per core, to find timing-sensitive tests before CI does. Results: <workdir>/summary (one line per run,
# then the failing tests), full logs in <workdir>/runN.log. Usage: scripts/stress-tests.sh [runs] [workdir]
set -uo pipefail
runs="${1:-3}"
work="${2:-/tmp/evs-stress}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
rm -rf "$work/clone" && mkdir -p "$work" && git clone -q "$repo" "$work/clone" || exit 1
cd "$work/clone" && source scripts/java-env.sh >/dev/null
./mvnw -B -q -o package -DskipTests >/dev/null 2>&1 || ./mvnw -B -q package -DskipTests   # nothing installed into ~/.m2
for i in $(seq 1 "$runs"); do
  busy=()
  for _ in $(seq 1 "$(nproc)"); do (while :; do :; done) & busy+=($!); done
  ./mvnw -B -o verify -fae > "$work/run$i.log" 2>&1
  rc=$?
  kill "${busy[@]}" 2>/dev/null
  echo "run $i rc=$rc $(date +%T)" >> "$work/summary"
  grep -E "<<< (FAILURE|ERROR)!" "$work/run$i.log" >> "$work/summary"
done
cat "$work/summary"
