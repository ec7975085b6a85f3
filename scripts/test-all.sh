#!/usr/bin/env bash
# `npm run test:all`: everything CI proves, each step run even after an
# earlier one failed, then a summary ending in "N passed, M failed".
# PostgreSQL is a private server for the whole run (scripts/with-postgres.sh).
# The production build comes before the browser tests, which reuse its app.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ -z "${AI_READINESS_PG_CONNECTION:-}" ]; then
  bash scripts/setup-test-deps.sh || exit 1
  exec bash scripts/with-postgres.sh bash "$0" "$@"
fi

rm -f e2e-test-report/results.json
logs=$(mktemp -d /tmp/ai-readiness-test-all-XXXXXX)
start=$SECONDS
names=() results=() times=()
record() { # name, exit code, seconds
  names+=("$1") results+=("$2") times+=("$3")
  echo "[test:all] $([ "$2" -eq 0 ] && echo PASS || echo "FAIL (exit $2)") $1 in $3 s"
}
step() {
  local name=$1 t=$SECONDS log="$logs/${#names[@]}.log"
  shift
  echo
  echo "[test:all] $name ..."
  "$@" 2>&1 | tee "$log"
  record "$name" "${PIPESTATUS[0]}" $((SECONDS - t))
}
# Lanes that run side by side, each a list of "name|command" steps (one per
# line) run one after the other; every step writes its own log (numbered on
# from the steps recorded before), printed when all lanes have ended.
together() { # lane ...
  local pids=() labels=() lane line first base=${#names[@]}
  echo
  for lane in "$@"; do
    first=${#labels[@]}
    local steps=()
    while IFS= read -r line; do
      [ -n "$line" ] || continue
      steps+=("$line")
      labels+=("${line%%|*}")
      echo "[test:all] ${line%%|*} ... (side by side)"
    done <<<"$lane"
    (
      i=$((base + first))
      for line in "${steps[@]}"; do
        t=$SECONDS
        bash -c "${line#*|}" >"$logs/$i.log" 2>&1
        echo "$? $((SECONDS - t))" >"$logs/$i.result"
        i=$((i + 1))
      done
    ) &
    pids+=($!)
  done
  wait "${pids[@]}"
  local i code secs
  for i in "${!labels[@]}"; do
    cat "$logs/$((base + i)).log"
    read -r code secs <"$logs/$((base + i)).result" || code=1 secs=0
    record "${labels[$i]}" "$code" "$secs"
  done
}
# The engine's and the CLI's suites: pure JavaScript, run by users on their own Node.
on_node() {
  local node
  node=$(node scripts/node-versions.js "$1") || return 1
  CI=true "$node" node_modules/@backstage/cli/bin/backstage-cli repo test plugins/ai-readiness-common/ packages/cli/
}

# The outside-the-workspace test's first steps (create-app, the project's
# first install) need nothing but node_modules: they begin now, at the lowest
# priority, on what the steps before that test leave of the two cores.
outside_dir=$(mktemp -d /tmp/ai-readiness-outside-XXXXXX)
(
  t=$SECONDS
  nice -n 19 node scripts/e2e/outside-workspace.js --prepare "$outside_dir" \
    >"$logs/outside-prepare.log" 2>&1
  echo "$? $((SECONDS - t))" >"$logs/outside-prepare.result"
) &
# The rest of that test, once the project is prepared.
outside_test() {
  until [ -f "$logs/outside-prepare.result" ]; do sleep 1; done
  cat "$logs/outside-prepare.log"
  local code secs
  read -r code secs <"$logs/outside-prepare.result"
  echo "[test:all] outside project prepared in $secs s (exit $code), beside the steps before"
  if [ "$code" -ne 0 ]; then
    rm -rf "$outside_dir"
    return "$code"
  fi
  E2E_SKIP_BUILD=1 node scripts/e2e/outside-workspace.js --prepared "$outside_dir"
}
export -f on_node outside_test
export logs outside_dir

step "npm test (SQLite and PostgreSQL $AI_READINESS_TEST_PG_ID)" npm test
# After npm test: its full (non-incremental) tsc wrote the declarations the
# reports and the package bundles read (npm run build is tsc, then the
# bundles). The build leaves a core idle in its single-threaded parts: the
# Node 22 and 24 suites run beside it.
together \
  "engine and CLI suites on Node 22|on_node 22
engine and CLI suites on Node 24|on_node 24" \
  "API reports up to date (npm run build:api-reports updates them)|npm run api-reports:only -- --ci
production build (npm run build: tsc in npm test, then build:bundles)|npm run build:bundles"
step "browser tests (npm run test:e2e, the app of the build)" env SKIP_APP_BUILD=1 npm run test:e2e
# The replica test mostly waits on its backends' schedules: it runs beside
# the outside-the-workspace test.
together \
  'outside-the-workspace install (scripts/e2e/outside-workspace.js)|outside_test' \
  'two-process replica test (scripts/e2e/replicas.js)|node scripts/e2e/replicas.js'

echo
echo "[test:all] summary ($((SECONDS - start)) s; logs in $logs)"
failed=0
for i in "${!names[@]}"; do
  [ "${results[$i]}" -eq 0 ] && s=PASS || { s=FAIL; failed=$((failed + 1)); }
  printf '  %s  %s  (%s s)\n' "$s" "${names[$i]}" "${times[$i]}"
done
grep -h '^Test Suites:' "$logs"/*.log | sed 's/^/  jest /'
node -e '
  const r = require("./e2e-test-report/results.json").stats;
  console.log(`  browser specs: ${r.expected} passed, ${r.unexpected} failed, ${r.flaky} flaky, ${r.skipped} skipped`);
' 2>/dev/null || echo "  browser specs: no report (e2e-test-report/results.json)"
echo
echo "$(( ${#names[@]} - failed )) passed, $failed failed"
[ "$failed" -eq 0 ]
