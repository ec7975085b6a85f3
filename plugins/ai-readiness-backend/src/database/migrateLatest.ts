import { Knex } from 'knex';

/** PostgreSQL advisory lock key that serialises this plugin's migrations across replicas. */
const MIGRATION_ADVISORY_LOCK = 726_011_251_120_000;

/**
 * Runs the migrations. Replicas starting at once would race to create knex's
 * migrations and lock tables (a race that can even leave two lock rows and a
 * lock nobody can take). On PostgreSQL the whole run is serialised with an
 * advisory lock held by a transaction on another connection; elsewhere, and
 * as a fallback, a lost race ("already locked", "already exists") is retried
 * for at most a minute.
 */
export async function migrateLatest(
  client: Knex,
  migrationsDir: string,
  tableName: string,
): Promise<void> {
  const run = async () => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        await client.migrate.latest({
          directory: migrationsDir,
          tableName,
        });
        return;
      } catch (error) {
        const race =
          /already locked|knex_migrations.*already exists|pg_type_typname_nsp_index/is.test(
            String((error as Error)?.message),
          );
        if (!race || Date.now() > deadline) throw error;
        await new Promise(resolve =>
          setTimeout(resolve, 250 + Math.random() * 500),
        );
      }
    }
  };
  if ((client.client as { dialect?: string }).dialect === 'postgresql') {
    await client.transaction(async trx => {
      await trx.raw('select pg_advisory_xact_lock(?)', [
        MIGRATION_ADVISORY_LOCK,
      ]);
      await run();
    });
  } else {
    await run();
  }
}
