#!/usr/bin/env bash
# Builds the engine and the bench (tests skipped) and runs the bench; arguments go to EngineBench
# (--help lists them). The report is printed and written to bench/results/<date>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/java-home.sh
./mvnw -B -q -DskipTests -Dquick -pl bench -am package
exec java -jar bench/target/bench.jar "$@"
