import type {
  EvidenceItem,
  EvidenceState,
} from '@ai-readiness/plugin-ai-readiness-common';
import { Knex } from 'knex';
import type {
  EvidenceStore,
  EvidenceWriteResult,
  StoredEvidence,
} from './EvidenceStore';

const TABLE = 'ai_readiness_evidence';
/** Rows per statement: 5 bound values a row, well below SQLite's and PostgreSQL's limits. */
const CHUNK = 150;

interface EvidenceRow {
  collector: string;
  target: string;
  state: string;
  detail: string;
  checked_at: string;
}

const STATES = new Set<EvidenceState>(['verified', 'refuted', 'unverified']);

function fromRow(row: EvidenceRow): StoredEvidence {
  return {
    collector: row.collector,
    target: row.target,
    state: STATES.has(row.state as EvidenceState)
      ? (row.state as EvidenceState)
      : 'unverified',
    detail: row.detail,
    checkedAt: row.checked_at,
  };
}

function keyOf(item: EvidenceItem): string {
  return `${item.collector}\u0000${item.target}`;
}

/** The knex implementation of {@link EvidenceStore} (SQLite and PostgreSQL). */
export class DatabaseEvidenceStore implements EvidenceStore {
  /** On a migrated database (initializePersistenceContext). */
  constructor(private readonly db: Knex) {}

  async listResults(): Promise<StoredEvidence[]> {
    const rows = await this.db<EvidenceRow>(TABLE).select();
    return rows.map(fromRow);
  }

  async getResults(items: readonly EvidenceItem[]): Promise<StoredEvidence[]> {
    const byCollector = new Map<string, string[]>();
    for (const item of items) {
      const targets = byCollector.get(item.collector) ?? [];
      targets.push(item.target);
      byCollector.set(item.collector, targets);
    }
    const found: StoredEvidence[] = [];
    for (const [collector, targets] of byCollector) {
      for (let i = 0; i < targets.length; i += CHUNK * 4) {
        const rows = await this.db<EvidenceRow>(TABLE)
          .where({ collector })
          .whereIn('target', targets.slice(i, i + CHUNK * 4));
        found.push(...rows.map(fromRow));
      }
    }
    return found;
  }

  async writeResults(
    results: readonly StoredEvidence[],
  ): Promise<EvidenceWriteResult> {
    const latest = new Map<string, StoredEvidence>();
    for (const result of results) latest.set(keyOf(result), result);
    const unique = [...latest.values()];
    if (!unique.length) return { changed: [] };
    const before = new Map(
      (await this.getResults(unique)).map(r => [keyOf(r), r.state]),
    );
    await this.db.transaction(async trx => {
      for (let i = 0; i < unique.length; i += CHUNK) {
        await trx<EvidenceRow>(TABLE)
          .insert(
            unique.slice(i, i + CHUNK).map(r => ({
              collector: r.collector,
              target: r.target,
              state: r.state,
              detail: r.detail,
              checked_at: r.checkedAt,
            })),
          )
          .onConflict(['collector', 'target'])
          .merge(['state', 'detail', 'checked_at']);
      }
    });
    return {
      changed: unique
        .filter(r => before.get(keyOf(r)) !== r.state)
        .map(r => ({ collector: r.collector, target: r.target })),
    };
  }

  async deleteCheckedBefore(time: Date): Promise<number> {
    return this.db(TABLE).where('checked_at', '<', time.toISOString()).delete();
  }
}
