/*
 * PostgreSQL for the end-to-end scripts: the server named by
 * AI_READINESS_PG_CONNECTION (scripts/with-postgres.sh sets it to its private server),
 * clients on its databases, and the clean-up of the databases a run made.
 */
const { Client } = require('pg');

/** AI_READINESS_PG_CONNECTION as a URL (a fresh copy each call). */
function pgUrl() {
  const url = process.env.AI_READINESS_PG_CONNECTION;
  if (!url) {
    throw new Error(
      'AI_READINESS_PG_CONNECTION is not set (scripts/with-postgres.sh sets it; e.g. postgresql://postgres@127.0.0.1:55432/postgres)',
    );
  }
  return new URL(url);
}

/** The connection as node-postgres / Backstage config fields. */
function pgConnection() {
  const u = pgUrl();
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || 'postgres'),
    password: decodeURIComponent(u.password || ''),
  };
}

/** A connected client on `database` (default: the one of the URL). */
async function connect(database) {
  const u = pgUrl();
  if (database) u.pathname = `/${database}`;
  const client = new Client({ connectionString: u.toString() });
  await client.connect();
  return client;
}

/** Drops every database whose name starts with `prefix`; failures are logged. */
async function dropDatabases(prefix, log) {
  const db = await connect();
  try {
    const { rows } = await db.query(
      `select datname from pg_database where datname like $1`,
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await db
        .query(`drop database if exists "${datname}" with (force)`)
        .catch(e => log(`drop ${datname}: ${e.message}`));
    }
  } finally {
    await db.end();
  }
}

module.exports = { connect, dropDatabases, pgConnection, pgUrl };
