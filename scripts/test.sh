#!/usr/bin/env bash
# `npm test`: what a contributor runs before every commit: the type check,
# lint and every jest suite. The database suites run on SQLite, and also on
# PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING and
# AI_READINESS_TEST_PG_ID are set (`npm run test:all` sets them for its private
# server). Stops at the first failing step; prints its time either way.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
finish() {
  local code=$?
  echo
  echo "npm test: $([ $code -eq 0 ] && echo passed || echo FAILED) in $((SECONDS - start)) s."
  echo "The rest: npm run test:e2e (browser tests), npm run test:all (everything CI runs)."
}
trap finish EXIT
# TestDatabases: never start Docker containers; PostgreSQL only when given.
export BACKSTAGE_TEST_DISABLE_DOCKER=1

# Not incremental: the API reports (`npm run test:all` checks them next)
# print types expanded in the order the checker met them, which only a full
# check makes the same on every machine.
# The type check and lint each use one core: they run side by side.
echo "> tsc --incremental false, beside backstage-cli repo lint"
tsc_log=$(mktemp)
npx tsc --incremental false >"$tsc_log" 2>&1 &
tsc_pid=$!
lint_code=0
npx backstage-cli repo lint || lint_code=$?
tsc_code=0
wait "$tsc_pid" || tsc_code=$?
cat "$tsc_log"
rm -f "$tsc_log"
[ "$tsc_code" -eq 0 ] || { echo "tsc failed (exit $tsc_code)"; exit 1; }
[ "$lint_code" -eq 0 ] || { echo "lint failed (exit $lint_code)"; exit 1; }
echo "> backstage-cli repo test" && CI=true npx backstage-cli repo test
