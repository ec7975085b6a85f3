/*
 * The example portal's waivers (docs/waivers.md), so that a fresh start shows
 * both sides of the approval flow: treasury-forecast-agent holds an approved
 * `mitigated` waiver of SEC-4 whose compensating control the links collector
 * verifies, and claims-letter-drafter a pending request for SEC-3 that waits
 * for the AI risk committee. The control document is served by this module
 * (GET /api/ai-readiness/example-controls/:name), so the evidence is real
 * without reaching outside the machine.
 *
 * Example data only: a real portal has no such module. Requests are written
 * once (fixed ids), with expiries counted from the day the portal first starts.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The example's compensating controls, by name. */
export const EXAMPLE_CONTROLS: Record<string, string> = {
  'treasury-prompt-access-review':
    'Quarterly review of who can read the treasury forecast agent prompts and outputs; ' +
    'logs are kept 90 days in the finance SIEM while the retention setting is built.',
};

interface ExampleRequest {
  id: string;
  entityRef: string;
  checkId: string;
  category: 'waiver' | 'mitigated';
  justification: string;
  expiresInDays: number;
  controlName?: string;
  ticket: string;
  requestedBy: string;
  decision?: { by: string; comment: string };
}

export const EXAMPLE_REQUESTS: ExampleRequest[] = [
  {
    id: 'example-treasury-forecast-sec-4',
    entityRef: 'component:default/treasury-forecast-agent',
    checkId: 'SEC-4',
    category: 'mitigated',
    justification:
      'Log retention and prompt access are not declared yet; a quarterly access review and the finance SIEM cover them until the platform setting ships.',
    expiresInDays: 120,
    controlName: 'treasury-prompt-access-review',
    ticket: 'RISK-214',
    requestedBy: 'user:default/marco.rossi',
    decision: {
      by: 'user:default/fatima.zahra',
      comment: 'Accepted with the quarterly review as the control.',
    },
  },
  {
    id: 'example-claims-letter-drafter-sec-3',
    entityRef: 'component:default/claims-letter-drafter',
    checkId: 'SEC-3',
    category: 'waiver',
    justification:
      'The claim letters corpus is being classified by the data office; masking follows once the classification is published.',
    expiresInDays: 60,
    ticket: 'RISK-231',
    requestedBy: 'user:default/daniel.okafor',
  },
];

/** The example requests as rows of the plugin's tables, dated from `now`. */
export function exampleWaiverRows(now: Date, backendBaseUrl: string) {
  const at = (offsetDays: number) =>
    new Date(now.getTime() + offsetDays * DAY_MS).toISOString();
  const requests = EXAMPLE_REQUESTS.map(r => ({
    id: r.id,
    entity_ref: r.entityRef,
    check_id: r.checkId,
    category: r.category,
    justification: r.justification,
    expires: at(r.expiresInDays).slice(0, 10),
    control_url: r.controlName
      ? `${backendBaseUrl}/api/ai-readiness/example-controls/${r.controlName}`
      : null,
    ticket: r.ticket,
    requested_by: r.requestedBy,
    requested_at: at(-3),
    state: r.decision ? 'approved' : 'pending',
    decided_by: r.decision?.by ?? null,
    decided_at: r.decision ? at(-1) : null,
    comment: r.decision?.comment ?? null,
    reminded_at: null,
  }));
  const audit = EXAMPLE_REQUESTS.flatMap(r => [
    {
      request_id: r.id,
      at: at(-3),
      actor: r.requestedBy,
      from_state: null,
      to_state: 'pending',
      comment: r.justification,
    },
    ...(r.decision
      ? [
          {
            request_id: r.id,
            at: at(-1),
            actor: r.decision.by,
            from_state: 'pending',
            to_state: 'approved',
            comment: r.decision.comment,
          },
        ]
      : []),
  ]);
  return { requests, audit };
}

export const aiReadinessModuleExampleWaivers = createBackendModule({
  pluginId: 'ai-readiness',
  moduleId: 'example-waivers',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
      },
      async init({ config, database, httpRouter, lifecycle, logger }) {
        type Handler = Parameters<typeof httpRouter.use>[0];
        const controls: Handler = (req, res, next) => {
          const match = /^\/example-controls\/([a-z0-9-]+)$/.exec(req.path);
          const text = match ? EXAMPLE_CONTROLS[match[1]] : undefined;
          if (!text || (req.method !== 'GET' && req.method !== 'HEAD')) {
            next();
            return;
          }
          res.type('text/plain; charset=utf-8').send(text);
        };
        httpRouter.use(controls);
        httpRouter.addAuthPolicy({
          path: '/example-controls',
          allow: 'unauthenticated',
        });

        // After the plugin's migrations (run in its init): at start-up.
        lifecycle.addStartupHook(async () => {
          const client = await database.getClient();
          const { requests, audit } = exampleWaiverRows(
            new Date(),
            config.getString('backend.baseUrl'),
          );
          const existing = await client('ai_readiness_waiver_requests')
            .whereIn(
              'id',
              requests.map(r => r.id),
            )
            .pluck('id');
          const fresh = requests.filter(r => !existing.includes(r.id));
          if (!fresh.length) return;
          const ids = new Set(fresh.map(r => r.id));
          await client.transaction(async trx => {
            await trx('ai_readiness_waiver_requests').insert(fresh);
            await trx('ai_readiness_waiver_audit').insert(
              audit.filter(a => ids.has(a.request_id)),
            );
          });
          logger.info(`Seeded ${fresh.length} example waiver requests`);
        });
      },
    });
  },
});

export default aiReadinessModuleExampleWaivers;
