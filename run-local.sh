#!/usr/bin/env bash
# Runs the whole system on this machine with nothing but a JDK: builds it, then starts Kafka, Redis,
# PostgreSQL and the three services on embedded defaults, waits until all are healthy and prints their
# URLs. Data stays under .local/ (git-ignored). Ctrl-C stops everything.
#   ./run-local.sh           build and run
#   ./run-local.sh --smoke   build, start, check health, stop (what CI-minded people run)
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests install
exec java -cp "platform/embedded-infra/target/classes:platform/embedded-infra/target/lib/*" \
  dev.alicia.infra.local.LocalSystem "$@"
