import { Knex } from 'knex';
import type {
  ChangeStore,
  PilotReads,
  WatchedEtag,
  WatchedRole,
} from './ChangeStore';

const ETAGS = 'ai_readiness_etags';
const INPUTS = 'ai_readiness_pilot_inputs';
/** Rows or values per statement: well below SQLite's and PostgreSQL's bound-value limits. */
const CHUNK = 300;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK)
    out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The pilot's role wins over input, input over candidate. */
const RANK: Record<WatchedRole, number> = { pilot: 3, input: 2, candidate: 1 };

export class DatabaseChangeStore implements ChangeStore {
  constructor(private readonly db: Knex) {}

  async listWatched(): Promise<WatchedEtag[]> {
    const rows = await this.db(ETAGS).select('entity_ref', 'etag', 'role');
    return rows.map(r => ({ ref: r.entity_ref, etag: r.etag, role: r.role }));
  }

  async pilotsReading(refs: readonly string[]): Promise<string[]> {
    const found = new Set<string>();
    for (const part of chunks([...new Set(refs)])) {
      const rows = await this.db(INPUTS)
        .distinct('pilot_ref')
        .whereIn('input_ref', part);
      rows.forEach(r => found.add(r.pilot_ref));
    }
    return [...found];
  }

  async recordReads(
    reads: readonly PilotReads[],
    options: { replaceAll?: boolean } = {},
  ): Promise<void> {
    const etags = new Map<string, WatchedEtag>();
    const put = (row: WatchedEtag) => {
      const had = etags.get(row.ref);
      if (!had || RANK[row.role] > RANK[had.role]) etags.set(row.ref, row);
    };
    const inputs: { pilot_ref: string; input_ref: string }[] = [];
    for (const { pilot, inputs: read } of reads) {
      put({ ...pilot, role: 'pilot' });
      const seen = new Set<string>([pilot.ref]);
      inputs.push({ pilot_ref: pilot.ref, input_ref: pilot.ref });
      for (const input of read) {
        put({ ...input, role: 'input' });
        if (seen.has(input.ref)) continue;
        seen.add(input.ref);
        inputs.push({ pilot_ref: pilot.ref, input_ref: input.ref });
      }
    }
    await this.db.transaction(async trx => {
      if (options.replaceAll) {
        await trx(INPUTS).delete();
        await trx(ETAGS).whereNot('role', 'candidate').delete();
      } else {
        for (const part of chunks(reads.map(r => r.pilot.ref)))
          await trx(INPUTS).whereIn('pilot_ref', part).delete();
      }
      await this.upsertEtags(trx, [...etags.values()]);
      for (const part of chunks(inputs)) await trx(INPUTS).insert(part);
    });
  }

  async setEtags(rows: readonly WatchedEtag[]): Promise<void> {
    await this.upsertEtags(this.db, rows);
  }

  async forget(refs: readonly string[]): Promise<void> {
    await this.db.transaction(async trx => {
      for (const part of chunks([...new Set(refs)])) {
        await trx(INPUTS).whereIn('pilot_ref', part).delete();
        await trx(ETAGS).whereIn('entity_ref', part).delete();
      }
    });
  }

  private async upsertEtags(db: Knex, rows: readonly WatchedEtag[]) {
    for (const part of chunks(rows)) {
      await db(ETAGS)
        .insert(
          part.map(r => ({ entity_ref: r.ref, etag: r.etag, role: r.role })),
        )
        .onConflict('entity_ref')
        .merge(['etag', 'role']);
    }
  }
}
