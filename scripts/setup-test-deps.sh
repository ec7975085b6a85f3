#!/usr/bin/env bash
# Installs what `npm run test:e2e` and `npm run test:all` need beside
# node_modules, when it is missing:
# PostgreSQL (a private server for the database tests) and Chromium (the
# browser tests). Needs root and apt-get; otherwise it only reports what is
# missing. Idempotent: does nothing when both are present.
set -euo pipefail

missing=()
if ! compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null && ! command -v pg_ctl >/dev/null; then
  missing+=(postgresql)
fi
if ! command -v chromium >/dev/null && [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium)
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-test-deps: postgresql and chromium are present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "setup-test-deps: missing ${missing[*]}; install them (e.g. sudo apt-get install -y ${missing[*]})" >&2
  exit 1
fi

echo "setup-test-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}"
