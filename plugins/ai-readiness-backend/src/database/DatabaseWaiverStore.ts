import {
  WAIVER_REQUEST_STATES,
  WaiverCategory,
  WaiverRequest,
  WaiverRequestState,
  WaiverRequestWithAudit,
} from '@ai-readiness/plugin-ai-readiness-common';
import { Knex } from 'knex';
import type {
  WaiverFilter,
  WaiverStore,
  WaiverTransition,
} from './WaiverStore';

const REQUESTS = 'ai_readiness_waiver_requests';
const AUDIT = 'ai_readiness_waiver_audit';

interface RequestRow {
  id: string;
  entity_ref: string;
  check_id: string;
  category: string;
  justification: string;
  expires: string;
  control_url: string | null;
  ticket: string | null;
  requested_by: string;
  requested_at: string;
  state: string;
  decided_by: string | null;
  decided_at: string | null;
  comment: string | null;
  reminded_at: string | null;
}

interface AuditRow {
  id: number;
  request_id: string;
  at: string;
  actor: string;
  from_state: string | null;
  to_state: string;
  comment: string | null;
}

const STATES = new Set<string>(WAIVER_REQUEST_STATES);

function stateOf(value: string): WaiverRequestState {
  // An unknown state (a newer version's) never waives: read it as denied.
  return STATES.has(value) ? (value as WaiverRequestState) : 'denied';
}

function fromRow(row: RequestRow): WaiverRequest {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    category: (row.category === 'mitigated'
      ? 'mitigated'
      : 'waiver') as WaiverCategory,
    justification: row.justification,
    expires: row.expires,
    controlUrl: row.control_url,
    ticket: row.ticket,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    state: stateOf(row.state),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    comment: row.comment,
  };
}

/** The knex implementation of {@link WaiverStore} (SQLite and PostgreSQL). */
export class DatabaseWaiverStore implements WaiverStore {
  /** On a migrated database (initializePersistenceContext). */
  constructor(private readonly db: Knex) {}

  async create(request: WaiverRequest): Promise<void> {
    await this.db.transaction(async trx => {
      await trx<RequestRow>(REQUESTS).insert({
        id: request.id,
        entity_ref: request.entityRef.toLowerCase(),
        check_id: request.checkId,
        category: request.category,
        justification: request.justification,
        expires: request.expires,
        control_url: request.controlUrl ?? null,
        ticket: request.ticket ?? null,
        requested_by: request.requestedBy,
        requested_at: request.requestedAt,
        state: request.state,
        decided_by: null,
        decided_at: null,
        comment: null,
        reminded_at: null,
      });
      await trx(AUDIT).insert({
        request_id: request.id,
        at: request.requestedAt,
        actor: request.requestedBy,
        from_state: null,
        to_state: request.state,
        comment: request.justification,
      });
    });
  }

  async get(id: string): Promise<WaiverRequestWithAudit | undefined> {
    const row = await this.db<RequestRow>(REQUESTS).where({ id }).first();
    if (!row) return undefined;
    const audit = await this.db<AuditRow>(AUDIT)
      .where({ request_id: id })
      .orderBy('id', 'asc');
    return {
      ...fromRow(row),
      audit: audit.map(a => ({
        at: a.at,
        by: a.actor,
        from: a.from_state === null ? null : stateOf(a.from_state),
        to: stateOf(a.to_state),
        comment: a.comment,
      })),
    };
  }

  async list(filter: WaiverFilter): Promise<WaiverRequest[]> {
    const query = this.db<RequestRow>(REQUESTS).select();
    if (filter.entityRef)
      query.where('entity_ref', filter.entityRef.toLowerCase());
    if (filter.checkId) query.where('check_id', filter.checkId);
    if (filter.states) query.whereIn('state', [...filter.states]);
    const rows = await query
      .orderBy('requested_at', 'desc')
      .orderBy('id', 'asc');
    return rows.map(fromRow);
  }

  async transition(
    change: WaiverTransition,
  ): Promise<WaiverRequest | undefined> {
    return this.db.transaction(async trx => {
      const update: Partial<RequestRow> = { state: change.to };
      if (change.decision) {
        update.decided_by = change.by;
        update.decided_at = change.at;
        update.comment = change.comment;
      }
      const count = await trx<RequestRow>(REQUESTS)
        .where({ id: change.id, state: change.from })
        .update(update);
      if (!count) return undefined;
      await trx(AUDIT).insert({
        request_id: change.id,
        at: change.at,
        actor: change.by,
        from_state: change.from,
        to_state: change.to,
        comment: change.comment,
      });
      const row = await trx<RequestRow>(REQUESTS)
        .where({ id: change.id })
        .first();
      return row ? fromRow(row) : undefined;
    });
  }

  async claimReminder(id: string, at: string): Promise<boolean> {
    const count = await this.db<RequestRow>(REQUESTS)
      .where({ id })
      .whereNull('reminded_at')
      .update({ reminded_at: at });
    return count > 0;
  }
}
