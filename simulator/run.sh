#!/usr/bin/env bash
# Regenerates docs/routing-quality.md: PREDICTIVE with the outcome learner against LONGEST_IDLE, ROUND_ROBIN and
# SKILLS_ONLY in the seeded contact-center simulator (about 5 minutes on 2 cores; run it alone).
#   simulator/run.sh                      6 seeds of 100,000 contacts per strategy and scenario
#   simulator/run.sh --seeds 10           more seeds, tighter intervals
#   simulator/run.sh --contacts 20000     a quick look (the report then says so in its ranges)
# Packages rather than installs, so the run leaves the local Maven repository alone.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests -Dquarkus.build.skip=true package -pl simulator -am
exec java -Xmx1g ${SIM_JAVA_OPTS:-} -cp "simulator/target/classes:simulator/target/lib/*" \
  dev.alicia.sim.RoutingQualityReport docs/routing-quality.md "$@"
