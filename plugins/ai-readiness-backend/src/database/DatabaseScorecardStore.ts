import {
  DimensionId,
  entityRefKey,
  HistoryPoint,
  ReadinessLevel,
  Scorecard,
  ScorecardSummary,
  toScorecardSummary,
} from '@ai-readiness/plugin-ai-readiness-common';
import { Knex } from 'knex';
import {
  HistoryDeletion,
  LevelDrop,
  LevelHistoryRow,
  PreviousState,
  ScorecardQuery,
  ScorecardRow,
  ScorecardStore,
  ScorecardWrite,
  WriteResult,
} from './ScorecardStore';
import { DropRow, HistoryRow, LatestRow } from './rows';

const LATEST = 'ai_readiness_scorecards';
const HISTORY = 'ai_readiness_history';
const DROPS = 'ai_readiness_level_drops';
const REVISION = 'ai_readiness_revision';

/** Rows per statement: well below SQLite's and PostgreSQL's bound-variable limits. */
const CHUNK = 200;

const ROW_COLUMNS = [
  'entity_ref',
  'kind',
  'namespace',
  'name',
  'title',
  'owner',
  'system',
  'level',
  'score',
  'failing_checks',
  'dimension_scores',
  'evaluated_at',
];

const ORDER_COLUMNS = {
  score: 'score',
  level: 'level',
  evaluatedAt: 'evaluated_at',
} as const;

/** The key's kind, namespace and name (the key is kind:namespace/name). */
function splitKey(key: string): {
  kind: string;
  namespace: string;
  name: string;
} {
  const colon = key.indexOf(':');
  const slash = key.indexOf('/', colon + 1);
  return {
    kind: key.slice(0, colon),
    namespace: key.slice(colon + 1, slash),
    name: key.slice(slash + 1),
  };
}

function dimensionScores(
  card: Scorecard,
): Partial<Record<DimensionId, number | null>> {
  const scores: Partial<Record<DimensionId, number | null>> = {};
  for (const dimension of card.dimensions) {
    scores[dimension.id] = dimension.score;
  }
  return scores;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, c => `\\${c}`);
}

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}

function parseJson<T>(value: unknown, fallback: T): T {
  if (typeof value !== 'string') return (value as T) ?? fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}

/** The knex implementation of {@link ScorecardStore} (SQLite and PostgreSQL). */
export class DatabaseScorecardStore implements ScorecardStore {
  /** On a migrated database (initializePersistenceContext). */
  constructor(private readonly db: Knex) {}

  async getRevision(): Promise<number> {
    const row = await this.db(REVISION).where({ id: 1 }).first('revision');
    return Number(row?.revision ?? 0);
  }

  async getPreviousStates(
    entityRefs: string[],
  ): Promise<Map<string, PreviousState>> {
    const states = new Map<string, PreviousState>();
    const state = (ref: string) => {
      let found = states.get(ref);
      if (!found) states.set(ref, (found = {}));
      return found;
    };
    for (const refs of chunks(entityRefs.map(ref => entityRefKey(ref)))) {
      const latest: Pick<LatestRow, 'entity_ref' | 'level' | 'evaluated_at'>[] =
        await this.db<LatestRow>(LATEST)
          .whereIn('entity_ref', refs)
          .select('entity_ref', 'level', 'evaluated_at');
      for (const row of latest) {
        state(row.entity_ref).latest = {
          level: row.level,
          evaluatedAt: row.evaluated_at,
        };
      }
      const history: Pick<
        HistoryRow,
        'entity_ref' | 'level' | 'score' | 'day'
      >[] = await this.db<HistoryRow>(HISTORY)
        .whereIn(
          'id',
          this.db(HISTORY)
            .max('id')
            .whereIn('entity_ref', refs)
            .groupBy('entity_ref'),
        )
        .select('entity_ref', 'level', 'score', 'day');
      for (const row of history) {
        state(row.entity_ref).lastHistory = {
          level: row.level,
          score: Number(row.score),
          day: row.day,
        };
      }
    }
    return states;
  }

  async writeScorecards(writes: ScorecardWrite[]): Promise<WriteResult> {
    // The last write of an entity wins when one is given twice.
    const byRef = new Map<string, ScorecardWrite>();
    for (const write of writes)
      byRef.set(entityRefKey(write.card.entityRef), write);
    const result: WriteResult = { written: 0, historyRows: 0, drops: 0 };
    for (const chunk of chunks([...byRef.entries()])) {
      const part = await this.db.transaction(tx => this.writeChunk(tx, chunk));
      result.written += part.written;
      result.historyRows += part.historyRows;
      result.drops += part.drops;
    }
    return result;
  }

  private async writeChunk(
    tx: Knex.Transaction,
    chunk: [string, ScorecardWrite][],
  ): Promise<WriteResult> {
    const latestRows: LatestRow[] = [];
    const historyRows: HistoryRow[] = [];
    const dropRows: DropRow[] = [];
    for (const [ref, { card, appendHistory, drop }] of chunk) {
      const summary = toScorecardSummary(card);
      const scoresJson = JSON.stringify(dimensionScores(card));
      const failingDimensions = card.dimensions
        .filter(d => d.score !== null && d.score < 1)
        .map(d => d.id);
      const owner = card.owner ? entityRefKey(card.owner) : null;
      const system = card.system ? entityRefKey(card.system) : null;
      latestRows.push({
        entity_ref: ref,
        ...splitKey(ref),
        title: card.title,
        owner,
        system,
        level: card.level,
        score: card.score,
        failing_checks: JSON.stringify(summary.failingChecks),
        failing_dimensions: `|${failingDimensions.join('|')}|`,
        dimension_scores: scoresJson,
        search_text: [ref, card.title, owner ?? '', system ?? '']
          .join('\n')
          .toLocaleLowerCase('en-US'),
        evaluated_at: card.evaluatedAt,
        evidence_refuted: card.evidence?.refuted ?? 0,
        scope_rule: card.scope?.rule ?? null,
        summary: JSON.stringify(summary),
        scorecard: JSON.stringify(card),
      });
      if (appendHistory) {
        historyRows.push({
          entity_ref: ref,
          evaluated_at: card.evaluatedAt,
          day: card.evaluatedAt.slice(0, 10),
          level: card.level,
          score: card.score,
          dimension_scores: scoresJson,
        });
      }
      if (drop) {
        dropRows.push({
          entity_ref: ref,
          previous_evaluated_at: drop.previousEvaluatedAt,
          evaluated_at: card.evaluatedAt,
          from_level: drop.fromLevel,
          to_level: card.level,
          title: card.title,
          owner: card.owner,
          notified_at: null,
        });
      }
    }

    await tx(LATEST).insert(latestRows).onConflict('entity_ref').merge();
    if (historyRows.length)
      await tx.batchInsert(HISTORY, historyRows as any[], CHUNK);
    let drops = 0;
    if (dropRows.length) {
      const inserted = await tx(DROPS)
        .insert(dropRows)
        .onConflict(['entity_ref', 'previous_evaluated_at'])
        .ignore()
        .returning('id');
      drops = inserted.length;
    }
    await tx(REVISION).where({ id: 1 }).increment('revision', 1);
    return {
      written: latestRows.length,
      historyRows: historyRows.length,
      drops,
    };
  }

  async deleteScorecardsExcept(keep: ReadonlySet<string>): Promise<number> {
    const stored: string[] = await this.db(LATEST).pluck('entity_ref');
    const stale = stored.filter(ref => !keep.has(ref));
    return this.deleteScorecards(stale);
  }

  async deleteScorecards(entityRefs: string[]): Promise<number> {
    const refs = entityRefs.map(ref => entityRefKey(ref));
    if (!refs.length) return 0;
    let deleted = 0;
    for (const chunk of chunks(refs)) {
      deleted += await this.db.transaction(async tx => {
        const n = await tx(LATEST).whereIn('entity_ref', chunk).delete();
        await tx(REVISION).where({ id: 1 }).increment('revision', 1);
        return n;
      });
    }
    return deleted;
  }

  async getScorecard(entityRef: string): Promise<Scorecard | undefined> {
    const row = await this.db(LATEST)
      .where({ entity_ref: entityRefKey(entityRef) })
      .first('scorecard');
    return row
      ? parseJson<Scorecard | undefined>(row.scorecard, undefined)
      : undefined;
  }

  async queryRows(query: ScorecardQuery): Promise<ScorecardRow[]> {
    const q = this.db(LATEST).select(ROW_COLUMNS);
    if (query.owner) q.where('owner', entityRefKey(query.owner));
    if (query.system) q.where('system', entityRefKey(query.system));
    if (query.level) q.where('level', query.level);
    if (query.dimension) {
      q.where('failing_dimensions', 'like', `%|${query.dimension}|%`);
    }
    if (query.evidence === 'refuted') q.where('evidence_refuted', '>', 0);
    if (query.scope) q.where('scope_rule', query.scope);
    if (query.q) {
      q.whereRaw('search_text like ? escape ?', [
        `%${escapeLike(query.q.toLocaleLowerCase('en-US'))}%`,
        '\\',
      ]);
    }
    const direction = query.order === 'desc' ? 'desc' : 'asc';
    if (!query.orderBy || query.orderBy === 'title') {
      q.orderByRaw(`lower(title) ${direction}`);
    } else {
      q.orderBy(ORDER_COLUMNS[query.orderBy], direction);
    }
    q.orderBy('entity_ref', 'asc');
    const rows: LatestRow[] = await q;
    return rows.map(
      (row): ScorecardRow => ({
        entityRef: row.entity_ref,
        kind: row.kind,
        namespace: row.namespace,
        name: row.name,
        title: row.title,
        owner: row.owner ?? null,
        system: row.system ?? null,
        level: row.level,
        score: Number(row.score),
        failingChecks: parseJson<string[]>(row.failing_checks, []),
        dimensionScores: parseJson(row.dimension_scores, {}),
        evaluatedAt: row.evaluated_at,
      }),
    );
  }

  async getSummaries(entityRefs: string[]): Promise<ScorecardSummary[]> {
    const refs = entityRefs.map(ref => entityRefKey(ref));
    const found = new Map<string, ScorecardSummary>();
    for (const chunk of chunks(refs, 500)) {
      const rows: Pick<LatestRow, 'entity_ref' | 'summary'>[] = await this.db(
        LATEST,
      )
        .whereIn('entity_ref', chunk)
        .select('entity_ref', 'summary');
      for (const row of rows) {
        const summary = parseJson<ScorecardSummary | undefined>(
          row.summary,
          undefined,
        );
        if (summary) found.set(row.entity_ref, summary);
      }
    }
    return refs
      .map(ref => found.get(ref))
      .filter((s): s is ScorecardSummary => !!s);
  }

  async listKinds(): Promise<string[]> {
    const rows: Pick<LatestRow, 'kind'>[] = await this.db(LATEST).distinct(
      'kind',
    );
    return rows.map(row => String(row.kind)).sort();
  }

  async readLevelHistory(untilDay: string): Promise<LevelHistoryRow[]> {
    const rows = await this.db(HISTORY)
      .where('day', '<=', untilDay)
      .orderBy([
        { column: 'entity_ref', order: 'asc' },
        { column: 'evaluated_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .select('entity_ref', 'day', 'level');
    return rows.map((r: any) => ({
      entityRef: r.entity_ref,
      day: r.day,
      level: r.level as ReadinessLevel,
    }));
  }

  async getHistory(
    entityRef: string,
    range: { from?: string; to?: string } = {},
  ): Promise<HistoryPoint[]> {
    const q = this.db(HISTORY)
      .where('entity_ref', entityRefKey(entityRef))
      .select('evaluated_at', 'level', 'score', 'dimension_scores')
      .orderBy('id', 'asc');
    if (range.from) q.where('evaluated_at', '>=', range.from);
    if (range.to) q.where('evaluated_at', '<=', range.to);
    const rows: HistoryRow[] = await q;
    return rows.map(row => ({
      evaluatedAt: row.evaluated_at,
      level: row.level,
      score: Number(row.score),
      dimensions: parseJson(row.dimension_scores, {}),
    }));
  }

  async deleteHistory(deletion: HistoryDeletion): Promise<number> {
    let deleted = 0;
    if (deletion.before !== undefined) {
      deleted += await this.db(HISTORY)
        .where('evaluated_at', '<', deletion.before)
        .delete();
    }
    if (deletion.keepPerEntity !== undefined) {
      const ranked = this.db(HISTORY)
        .select(
          'id',
          this.db.raw(
            'row_number() over (partition by entity_ref order by id desc) as rn',
          ),
        )
        .as('ranked');
      const excess = this.db
        .from(ranked)
        .where('rn', '>', deletion.keepPerEntity)
        .select('id');
      deleted += await this.db(HISTORY).whereIn('id', excess).delete();
    }
    return deleted;
  }

  async listPendingDrops(): Promise<LevelDrop[]> {
    const rows: DropRow[] = await this.db(DROPS)
      .whereNull('notified_at')
      .orderBy('id', 'asc');
    return rows.map(row => ({
      id: Number(row.id),
      entityRef: row.entity_ref,
      title: row.title,
      owner: row.owner ?? null,
      fromLevel: row.from_level,
      toLevel: row.to_level,
      evaluatedAt: row.evaluated_at,
    }));
  }

  async claimDrop(id: number, at: Date): Promise<boolean> {
    const updated = await this.db(DROPS)
      .where({ id })
      .whereNull('notified_at')
      .update({ notified_at: at.toISOString() });
    return updated === 1;
  }

  async releaseDrop(id: number): Promise<void> {
    await this.db(DROPS).where({ id }).update({ notified_at: null });
  }
}
