#!/usr/bin/env bash
# Lints the Prometheus alert rules with promtool (Debian's prometheus package). Installing it may
# fail (no apt, no network): that alone is tolerated and reported; failing rules are not.
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v promtool > /dev/null; then
  if ! (apt-get install -y -q prometheus > /dev/null 2>&1); then
    echo "promtool: not installable here; rule syntax is still checked against a scrape by DashboardsTest"
    exit 0
  fi
fi
promtool check rules dashboards/prometheus/*.yml
