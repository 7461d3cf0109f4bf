#!/usr/bin/env bash
# Runs a benchmark and writes its results into docs/benchmarks.md. Run it alone: no test build at the same time.
#   benchmarks/run.sh presence     reservations/s and eligible-agents query latency, 20,000 agents
#   benchmarks/run.sh context      conversation events ingested/s and handoff brief assembly latency
#   benchmarks/run.sh scoring      the router's scoring and choice for one contact over 20,000 agents (JMH)
#   benchmarks/run.sh e2e          the whole system under open-loop load: publish -> offer/assignment latency and
#                                  CPU per contact by part, after a warm-up, with one then two routers, 20,000 agents,
#                                  saturation, peak RSS. Options in BENCH_JAVA_OPTS: -Dwarmup=90 -DwarmupRate=80
#                                  -Drates=250,500,1000 -Dburst=6000 -Drouters=1,2 -Dagents=20000 -Dtail=90;
#                                  -DrouterCpus=0.4 holds each router to that CPU share by a cgroup quota once warmed up
#                                  (root, cgroup cpu controller) and writes the scale-out section instead (e.g. with
#                                  -Drates= -Dburst=4000)
# The Redis floor comes from redis-benchmark (Debian: apt-get install redis-tools); without it the table
# says so and shows no ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = e2e ]; then
  # the services' runnable jars too (not the whole reactor: deploy/ has no artifact to install)
  ./mvnw -B -q -DskipTests install -pl benchmarks,agent-presence-service,context-service,router-service -am
else
  ./mvnw -B -q -DskipTests install -pl benchmarks -am
fi
case "${1:-}" in
  presence) main=dev.alicia.bench.PresenceBenchmark ;;
  context) main=dev.alicia.bench.ContextBenchmark ;;
  scoring) main=dev.alicia.bench.ScoringBenchmark ;;
  e2e) main=dev.alicia.bench.EndToEndBenchmark ;;
  *) echo "usage: benchmarks/run.sh presence|context|scoring|e2e" >&2; exit 2 ;;
esac
exec java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "benchmarks/target/classes:benchmarks/target/lib/*" "$main" docs/benchmarks.md
