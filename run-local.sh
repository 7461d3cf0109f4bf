#!/usr/bin/env bash
# Runs the whole system on this machine with nothing but a JDK: builds it, then starts Kafka, Redis,
# PostgreSQL and the three services on embedded defaults, waits until all are healthy and prints their
# URLs. Data stays under .local/ (git-ignored). Ctrl-C stops everything.
#   ./run-local.sh           build and run
#   ./run-local.sh --demo    build, run, and play a scripted morning at a French bank through the reference
#                            adapters, printing each routing decision with its explanation and the brief
#   ./run-local.sh --smoke   build, start, check health, stop (what CI-minded people run)
#   ./run-local.sh --token <agent|supervisor|admin|platform> <tenant> [agent id]
#                            print a development bearer token for the running system (no build)
set -euo pipefail
cd "$(dirname "$0")"
if [[ "${1:-}" == "--token" ]]; then
  if [[ ! -d adapters/target/lib ]]; then
    echo "Build and start the system first: ./run-local.sh" >&2
    exit 1
  fi
  exec java -cp "adapters/target/classes:adapters/target/lib/*" dev.alicia.infra.tokens.MintToken "$@"
fi
./mvnw -B -q -DskipTests install
exec java -cp "adapters/target/classes:adapters/target/lib/*" dev.alicia.adapters.Demo "$@"
