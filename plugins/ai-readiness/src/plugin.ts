import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { aiReadinessApiRef, AiReadinessClient } from './api';
import { rootRouteRef } from './routes';

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
