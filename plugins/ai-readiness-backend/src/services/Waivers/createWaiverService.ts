import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  aiReadinessScorecardReadPermission,
  aiReadinessWaiverApprovePermission,
  approvedRequestProblem,
  controlItemOf,
  entityRefKey,
  EvidenceItem,
  EvidenceView,
  formatDay,
  parseIsoDate,
  ReadinessEngine,
  todayUtc,
  WaiverConfig,
  waiverMaxDays,
  waiverPolicyOf,
  WaiverRequest,
  waiverTierOf,
} from '@ai-readiness/plugin-ai-readiness-common';
import { randomUUID } from 'crypto';
import type { WaiverStore } from '../../database/WaiverStore';
import type { CatalogReader } from '../CatalogReader/types';
import type { ScorecardQueries } from '../ScorecardQueries/types';
import type { ScorecardRefresher } from '../ScorecardRefresher/types';
import { requirePermission } from '../permissions/requirePermission';
import type { WaiverNotifier } from './createWaiverNotifier';
import type { ApprovedWaivers } from './createApprovedWaivers';
import type { WaiverService } from './types';

/** Days before expiry the owners are reminded. */
export const REMINDER_DAYS = 14;

/** The actor of expiry and lapse in the audit. */
export const SYSTEM_ACTOR = 'system';

/** The owner Group of an entity (its ownedBy relation, else spec.owner), lower-cased. */
export function ownerOf(entity: Entity | undefined): string | undefined {
  const relation = entity?.relations?.find(r => r.type === 'ownedBy');
  if (relation) return relation.targetRef.toLowerCase();
  const owner = (entity?.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string') return undefined;
  try {
    return entityRefKey(owner, { defaultKind: 'group' });
  } catch {
    return undefined;
  }
}

export function createWaiverService(options: {
  engine: Pick<ReadinessEngine, 'rubric'>;
  settings: WaiverConfig;
  store: WaiverStore;
  /** The approved requests evaluation reads; reloaded after each change. */
  approved: ApprovedWaivers;
  queries: Pick<ScorecardQueries, 'get' | 'getVisibleEntity' | 'listAll'>;
  reader: Pick<CatalogReader, 'canRead' | 'getEntity'>;
  refresher: Pick<ScorecardRefresher, 'refreshEntity'>;
  permissions: PermissionsService;
  userInfo: UserInfoService;
  auth: AuthService;
  notifier: WaiverNotifier;
  logger: LoggerService;
  /** The stored evidence (lapse of `mitigated` requests); none when absent. */
  evidence?: () => EvidenceView | undefined;
  /** Looks up control URLs before each upkeep (the evidence service's collect). */
  collect?: (items: EvidenceItem[], signal: AbortSignal) => Promise<unknown>;
  /** The clock; tests pin it. */
  now?: () => Date;
}): WaiverService {
  const { engine, settings, store, queries, reader, refresher } = options;
  const { permissions, userInfo, auth, notifier, logger } = options;
  const now = options.now ?? (() => new Date());
  const evidence = options.evidence ?? (() => undefined);
  const approvers = settings.approvers.map(ref =>
    entityRefKey(ref, { defaultKind: 'group' }),
  );
  const reload = () => options.approved.reload();

  /** Keeps the requests whose pilot the caller may read. */
  async function visible(
    credentials: BackstageCredentials,
    requests: WaiverRequest[],
  ): Promise<WaiverRequest[]> {
    const refs = [...new Set(requests.map(r => r.entityRef))];
    const readable = await reader.canRead(refs, credentials);
    const allowed = new Set(refs.filter((_, i) => readable[i]));
    return requests.filter(r => allowed.has(r.entityRef));
  }

  async function serviceEntity(entityRef: string) {
    const credentials = await auth.getOwnServiceCredentials();
    return reader.getEntity(entityRef, credentials).catch(() => undefined);
  }

  /** Re-evaluates a pilot after one of its requests changed; a failure waits for the next refresh. */
  async function reevaluate(entityRef: string) {
    await reload();
    try {
      await refresher.refreshEntity(entityRef);
    } catch (error) {
      logger.warn(
        `Could not re-evaluate ${entityRef} after its waiver changed: ${error}`,
      );
    }
  }

  function riskTierOf(entity: Entity): string | undefined {
    const key = `${engine.rubric.prefix}risk-tier`;
    const value =
      entity.metadata.labels?.[key] ?? entity.metadata.annotations?.[key];
    return typeof value === 'string' ? value : undefined;
  }

  /** Who decides: a signed-in approver with the permission, independent of the pilot when asked. */
  async function requireDecider(
    credentials: BackstageCredentials,
    request: WaiverRequest,
    independent: boolean,
  ): Promise<string> {
    await requirePermission(
      permissions,
      credentials,
      aiReadinessWaiverApprovePermission,
    );
    if (!auth.isPrincipal(credentials, 'user'))
      throw new NotAllowedError('Only a signed-in user can decide a waiver');
    const info = await userInfo.getUserInfo(credentials);
    const user = info.userEntityRef.toLowerCase();
    const mine = new Set(info.ownershipEntityRefs.map(r => r.toLowerCase()));
    mine.add(user);
    if (approvers.length && !approvers.some(ref => mine.has(ref)))
      throw new NotAllowedError(
        `Only members of ${approvers.join(', ')} can decide waivers`,
      );
    if (!independent) return user;
    if (request.requestedBy.toLowerCase() === user)
      throw new NotAllowedError('The requester cannot decide their own waiver');
    if (settings.independent) {
      const owner = ownerOf(await serviceEntity(request.entityRef));
      if (owner && mine.has(owner))
        throw new NotAllowedError(
          `Members of the owner ${owner} cannot decide its waivers`,
        );
    }
    return user;
  }

  async function visibleRequest(credentials: BackstageCredentials, id: string) {
    const request = await store.get(id);
    if (!request || !(await visible(credentials, [request])).length)
      throw new NotFoundError(`No waiver request ${id}`);
    return request;
  }

  async function listAll(
    credentials: BackstageCredentials,
    query: Parameters<WaiverService['listAll']>[1],
  ) {
    await requirePermission(
      permissions,
      credentials,
      aiReadinessScorecardReadPermission,
    );
    const found = await store.list({
      entityRef: query.entityRef,
      checkId: query.checkId,
      states: query.state ? [query.state] : undefined,
    });
    let shown = await visible(credentials, found);
    if (query.owner) {
      // The owner's pilots as the scorecard lists filter them (visible ones only).
      const owned = new Set(
        (await queries.listAll(credentials, { owner: query.owner })).map(p =>
          p.entityRef.toLowerCase(),
        ),
      );
      shown = shown.filter(r => owned.has(r.entityRef));
    }
    // Pending first: what waits for a decision leads the approvers' list.
    return [
      ...shown.filter(r => r.state === 'pending'),
      ...shown.filter(r => r.state !== 'pending'),
    ];
  }

  return {
    view: () => options.approved.view(),
    reload,
    listAll,

    async create(credentials, input) {
      await requirePermission(
        permissions,
        credentials,
        aiReadinessScorecardReadPermission,
      );
      const entity = await queries.getVisibleEntity(
        credentials,
        input.entityRef,
      );
      const entityRef = entityRefKey(entity);
      const check = engine.rubric.checks.find(c => c.id === input.checkId);
      if (!check)
        throw new InputError(
          `Invalid body "checkId": no check ${input.checkId} in the rubric`,
        );
      if (!check.waivable || waiverPolicyOf(settings, check.id) === 'none')
        throw new InputError(
          `Invalid body "checkId": ${check.id} cannot be waived`,
        );
      const card = await queries.get(credentials, entityRef);
      const result = card.dimensions
        .flatMap(d => d.checks)
        .find(c => c.id === check.id);
      if (
        !result ||
        result.status === 'pass' ||
        result.status === 'not-applicable'
      )
        throw new InputError(
          `Invalid body "checkId": ${check.id} is ${
            result?.status ?? 'not evaluated'
          } for ${entityRef}; only a check short of pass can be waived`,
        );
      const today = todayUtc(now());
      const todayDay = parseIsoDate(today)!;
      const expiresDay = parseIsoDate(input.expires);
      const maxDays = waiverMaxDays(settings, riskTierOf(entity));
      if (expiresDay === undefined || expiresDay < todayDay)
        throw new InputError(
          `Invalid body "expires": expected a day from ${today} on, found ${input.expires}`,
        );
      if (expiresDay > todayDay + maxDays)
        throw new InputError(
          `Invalid body "expires": at most ${maxDays} days for this pilot's risk tier, that is ${formatDay(
            todayDay + maxDays,
          )} at the latest`,
        );
      const requestedBy = auth.isPrincipal(credentials, 'user')
        ? credentials.principal.userEntityRef
        : `service:${
            auth.isPrincipal(credentials, 'service')
              ? credentials.principal.subject
              : 'unknown'
          }`;
      const request: WaiverRequest = {
        id: randomUUID(),
        entityRef,
        checkId: check.id,
        category: input.category,
        justification: input.justification.trim(),
        expires: input.expires,
        controlUrl: input.controlUrl ?? null,
        ticket: input.ticket ?? null,
        requestedBy: requestedBy.toLowerCase(),
        requestedAt: now().toISOString(),
        state: 'pending',
        decidedBy: null,
        decidedAt: null,
        comment: null,
      };
      await store.create(request);
      await notifier.requested(request, approvers);
      return request;
    },

    async policy(credentials, entityRef) {
      await requirePermission(
        permissions,
        credentials,
        aiReadinessScorecardReadPermission,
      );
      const entity = await queries.getVisibleEntity(credentials, entityRef);
      const tierValue = riskTierOf(entity);
      const maxDays = waiverMaxDays(settings, tierValue);
      return {
        entityRef: entityRefKey(entity),
        tier: waiverTierOf(tierValue),
        maxDays,
        latestExpires: formatDay(parseIsoDate(todayUtc(now()))! + maxDays),
        checks: Object.fromEntries(
          engine.rubric.checks.map(c => [
            c.id,
            c.waivable ? waiverPolicyOf(settings, c.id) : 'none',
          ]),
        ),
      };
    },

    async list(credentials, query, page) {
      const all = await listAll(credentials, query);
      return {
        items: all.slice(page.offset, page.offset + page.limit),
        totalCount: all.length,
      };
    },

    async get(credentials, id) {
      await requirePermission(
        permissions,
        credentials,
        aiReadinessScorecardReadPermission,
      );
      return visibleRequest(credentials, id);
    },

    async decide(credentials, id, decision, comment) {
      const request = await visibleRequest(credentials, id);
      const by = await requireDecider(
        credentials,
        request,
        decision !== 'revoke',
      );
      const from = decision === 'revoke' ? 'approved' : 'pending';
      const to = { approve: 'approved', deny: 'denied', revoke: 'revoked' }[
        decision
      ] as WaiverRequest['state'];
      if (request.state !== from)
        throw new ConflictError(
          `Waiver request ${id} is ${request.state}; only a ${from} request can be ${to}`,
        );
      const changed = await store.transition({
        id,
        from,
        to,
        by,
        at: now().toISOString(),
        comment,
        decision: decision !== 'revoke',
      });
      if (!changed)
        throw new ConflictError(
          `Waiver request ${id} was changed by someone else; reload it`,
        );
      if (to !== 'denied') await reevaluate(changed.entityRef);
      const owner = ownerOf(await serviceEntity(changed.entityRef));
      await notifier.decided(changed, owner, by);
      return changed;
    },

    async upkeep(signal) {
      const report = { expired: 0, lapsed: 0, reminded: 0 };
      const current = await store.list({ states: ['approved'] });
      const view = evidence();
      if (view && options.collect) {
        const items = current.flatMap(r => {
          const item = controlItemOf(r, view.claimers);
          return item ? [item] : [];
        });
        if (items.length)
          await options.collect(items, signal ?? new AbortController().signal);
      }
      const today = todayUtc(now());
      const todayDay = parseIsoDate(today)!;
      for (const request of current) {
        const problem = approvedRequestProblem(request, todayDay, evidence());
        const owner = async () =>
          ownerOf(await serviceEntity(request.entityRef));
        if (problem) {
          const expiresDay = parseIsoDate(request.expires);
          const to =
            expiresDay === undefined || expiresDay < todayDay
              ? 'expired'
              : 'lapsed';
          const changed = await store.transition({
            id: request.id,
            from: 'approved',
            to,
            by: SYSTEM_ACTOR,
            at: now().toISOString(),
            comment: problem,
          });
          if (!changed) continue;
          report[to] += 1;
          await reevaluate(request.entityRef);
          await notifier.ending(changed, await owner(), to);
          continue;
        }
        const daysLeft = parseIsoDate(request.expires)! - todayDay;
        if (
          daysLeft <= REMINDER_DAYS &&
          (await store.claimReminder(request.id, now().toISOString()))
        ) {
          report.reminded += 1;
          await notifier.ending(
            request,
            await owner(),
            `expires on ${request.expires} (in ${daysLeft} day${
              daysLeft === 1 ? '' : 's'
            })`,
          );
        }
      }
      await reload();
      return report;
    },
  };
}
