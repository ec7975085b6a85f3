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
echo "> tsc --incremental false" && npx tsc --incremental false
echo "> backstage-cli repo lint" && npx backstage-cli repo lint
echo "> backstage-cli repo test" && CI=true npx backstage-cli repo test
