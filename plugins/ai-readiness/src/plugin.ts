import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { aiReadinessApiRef, AiReadinessClient } from './api';
import {
  campaignsRouteRef,
  rootRouteRef,
  scaffolderRouteRef,
  waiversRouteRef,
} from './routes';

/** @public */
export const aiReadinessPlugin = createPlugin({
  id: 'ai-readiness',
  apis: [
    createApiFactory({
      api: aiReadinessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AiReadinessClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    campaigns: campaignsRouteRef,
    waivers: waiversRouteRef,
  },
  externalRoutes: {
    scaffolder: scaffolderRouteRef,
  },
});

/**
 * The org-wide page; mount it at `/ai-readiness`.
 *
 * @public
 */
export const AiReadinessPage = aiReadinessPlugin.provide(
  createRoutableExtension({
    name: 'AiReadinessPage',
    component: () =>
      import('./components/AiReadinessPage').then(m => m.AiReadinessPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The readiness tab of an AI pilot; use with `if={isAiPilot}`.
 *
 * @public
 */
export const EntityAiReadinessContent = aiReadinessPlugin.provide(
  createComponentExtension({
    name: 'EntityAiReadinessContent',
    component: {
      lazy: () =>
        import('./components/EntityAiReadinessContent').then(
          m => m.EntityAiReadinessContent,
        ),
    },
  }),
);

/**
 * The readiness card for the entity overview page.
 *
 * @public
 */
export const EntityAiReadinessCard = aiReadinessPlugin.provide(
  createComponentExtension({
    name: 'EntityAiReadinessCard',
    component: {
      lazy: () =>
        import('./components/EntityAiReadinessCard').then(
          m => m.EntityAiReadinessCard,
        ),
    },
  }),
);

/**
 * The campaign pages (list and one page per campaign); mount it at
 * `/ai-readiness/campaigns`.
 *
 * @public
 */
export const AiReadinessCampaignsPage = aiReadinessPlugin.provide(
  createRoutableExtension({
    name: 'AiReadinessCampaignsPage',
    component: () =>
      import('./components/CampaignsPage').then(m => m.CampaignsPage),
    mountPoint: campaignsRouteRef,
  }),
);

/**
 * The approvers' waiver page (pending requests first, approve or deny, the
 * risk register); mount it at `/ai-readiness/waivers`.
 *
 * @public
 */
export const AiReadinessWaiversPage = aiReadinessPlugin.provide(
  createRoutableExtension({
    name: 'AiReadinessWaiversPage',
    component: () =>
      import('./components/WaiversPage').then(m => m.WaiversPage),
    mountPoint: waiversRouteRef,
  }),
);

/**
 * The AI readiness of a Group's pilots (sub-groups included), for Group pages.
 *
 * @public
 */
export const EntityGroupAiReadinessCard = aiReadinessPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupAiReadinessCard',
    component: {
      lazy: () =>
        import('./components/EntityTeamReadinessCard').then(
          m => m.EntityTeamReadinessCard,
        ),
    },
  }),
);

/**
 * The AI readiness of a System's pilots, for System pages.
 *
 * @public
 */
export const EntitySystemAiReadinessCard = aiReadinessPlugin.provide(
  createComponentExtension({
    name: 'EntitySystemAiReadinessCard',
    component: {
      lazy: () =>
        import('./components/EntityTeamReadinessCard').then(
          m => m.EntityTeamReadinessCard,
        ),
    },
  }),
);
