/*
 * The AI Readiness portal backend: the catalog (with AI agents), guest
 * sign-in, permissions, notifications and signals, MCP actions, the
 * scaffolder, and the AI
 * readiness plugin.
 */

// First: the example campaigns' dates, relative to today (see the file).
import './exampleCampaignDates';
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

// the features, added in this order
const features = [
  // serves the built frontend (packages/app) on the backend's base URL
  import('@backstage/plugin-app-backend'),

  // auth with the guest provider (see https://backstage.io/docs/auth/guest/provider)
  import('@backstage/plugin-auth-backend'),
  import('@backstage/plugin-auth-backend-module-guest-provider'),

  // catalog, with processing errors written to the log
  import('@backstage/plugin-catalog-backend'),
  import('@backstage/plugin-catalog-backend-module-logs'),
  // the AiResource kind (AI agents and skills) and `mcp-server` APIs
  import('@backstage/plugin-catalog-backend-module-ai-model'),
  // the Template kind, for the scaffolder's templates
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),

  // permissions: allow-all policy by default
  // (see https://backstage.io/docs/permissions/getting-started to write your own)
  import('@backstage/plugin-permission-backend'),
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),

  // events: with PostgreSQL, the events backend's database-backed bus (LISTEN/
  // NOTIFY) carries events and signals to every replica; on SQLite it keeps them
  // in memory, inside one process
  import('@backstage/plugin-events-backend'),

  // notifications and signals
  import('@backstage/plugin-notifications-backend'),
  import('@backstage/plugin-signals-backend'),

  // MCP actions for agents
  import('@backstage/plugin-mcp-actions-backend'),

  // scaffolder: the template ai-readiness-fix (templates/) opens pull requests
  // on GitHub and merge requests on GitLab (set a token under integrations)
  import('@backstage/plugin-scaffolder-backend'),
  import('@backstage/plugin-scaffolder-backend-module-github'),
  import('@backstage/plugin-scaffolder-backend-module-gitlab'),
  import('@ai-readiness/plugin-ai-readiness-backend-module-scaffolder'),

  // AI readiness scorecards (/api/ai-readiness). src/modules/securityReviewCheck.ts
  // is an example module that adds a check through the plugin's extension point;
  // it is not added here, so that the portal scores exactly what
  // `npx ai-readiness check examples/ --config app-config.yaml` scores. Add yours
  // to this list: import('./modules/yourCheck').
  import('@ai-readiness/plugin-ai-readiness-backend'),
  // an example evidence collector through the plugin's evidence extension point
  // (src/modules/killSwitchEvidence.ts; off unless featureFlags.known is set,
  // so it changes no score by itself)
  import('./modules/killSwitchEvidence'),
  // the example waivers (one approved with a verified control, one pending)
  // and the control document it links to; example data, drop it in your portal
  import('./modules/exampleWaivers'),
];
for (const feature of features) backend.add(feature);

backend.start();
