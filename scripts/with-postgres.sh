#!/usr/bin/env bash
# Runs a command with a private PostgreSQL server (initdb in a temporary
# folder, a free port, trust auth; stopped and removed afterwards), exported as
#   BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING (TestDatabases),
#   AI_READINESS_TEST_PG_ID (e.g. POSTGRES_15) and
#   AI_READINESS_PG_CONNECTION (a postgresql:// URL for the scripts).
# As root, the server runs as user postgres (initdb refuses root).
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || bin=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
major=$("$bin/pg_ctl" --version | sed -E 's/.*\(PostgreSQL\) ([0-9]+).*/\1/')
dir=$(mktemp -d /tmp/ai-readiness-pg-XXXXXX)
as=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$dir"
  as=(runuser -u postgres --)
fi
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
stop() {
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM
"${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-sync >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=300" >/dev/null
url="postgresql://postgres@127.0.0.1:$port/postgres"
export "BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING=$url"
export AI_READINESS_TEST_PG_ID="POSTGRES_$major" AI_READINESS_PG_CONNECTION="$url"
echo "with-postgres: PostgreSQL $major at $url"
"$@"
