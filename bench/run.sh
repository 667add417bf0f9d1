#!/usr/bin/env bash
# EVSCallPro benchmarks (docs/benchmarks.md): builds telephony + bench with the Maven wrapper, runs every scenario
# on 2 CPUs and prints one table: metric, value, baseline measured in the same run, ratio, target, PASS/FAIL.
#
#   bench/run.sh                    # all scenarios, the durations recorded in docs/benchmarks.md (~4 min)
#   bench/run.sh --quick            # short runs (smoke test, not for the record)
#   bench/run.sh ami originate      # some scenarios only (ami, originate, agi, api, ui, ivr, dialer, import, reports)
#   bench/run.sh history            # the call history page over 10M generated calls (not in "all")
#   bench/run.sh predictive         # the predictive dialer in real time against the simulator (10 min; not in "all")
#   bench/run.sh supervision        # supervision event latency to Chromium supervisor pages (~3 min; not in "all")
#   bench/run.sh lifecycle          # call lifecycles/s on the whole stack vs the bare engine (~12 min; --quick ~2 min; not in "all")
#   bench/run.sh --no-build ...     # skip the Maven build
#   BENCH_JAVA_OPTS="-Xlog:gc:file=bench/target/gc.log" bench/run.sh ami   # extra JVM options
#
# Exit status: 0 all targets met, 1 a target missed, 2 a scenario crashed. Warnings logged during the run (asterisk-java
# "Slow processing of event", adapter lag warnings) go to bench/target/bench-warnings.log.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=../scripts/java-env.sh
source scripts/java-env.sh

build=1
args=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    *) args+=("$a") ;;
  esac
done

if [ "$build" = 1 ]; then
  echo "bench: building bench and the modules it needs (the whole application for api and ui) with $JAVA_HOME" >&2
  ./mvnw -B -q -pl bench -am package -DskipTests   # in one reactor: nothing installed into ~/.m2
fi

# The targets are "on 2 cores": the JVM sees 2 CPUs, and is pinned to 2 when the machine has more.
pin=()
if [ "$(nproc)" -gt 2 ] && command -v taskset >/dev/null 2>&1; then
  pin=(taskset -c 0,1)
fi
echo "bench: $(nproc) CPUs on this machine, load average $(cut -d' ' -f1-3 /proc/loadavg) (other work skews the figures)" >&2

mkdir -p bench/target
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
exec ${pin[@]+"${pin[@]}"} "$JAVA_HOME/bin/java" -XX:ActiveProcessorCount=2 -Xms2g -Xmx4g -XX:+UseG1GC \
  ${BENCH_JAVA_OPTS:-} -Dbench.log=bench/target/bench-warnings.log \
  -cp "bench/target/classes:bench/target/lib/*" com.evscallpro.bench.BenchMain ${args[@]+"${args[@]}"}
