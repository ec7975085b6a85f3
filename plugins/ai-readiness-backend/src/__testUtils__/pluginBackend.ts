/*
 * The whole plugin in a test backend, on the conformance catalog: what the
 * plugin-level tests (plugin.test.ts, evidence.test.ts) start.
 */
import { withCatalogRelations } from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import {
  BackendFeature,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import type { Entity } from '@backstage/catalog-model';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { aiReadinessPlugin } from '../plugin';
import { permissionAwareCatalog, RESTRICTED_USER } from './catalog';
import { conformanceEntities } from './conformance';
import { catalogAndNotifications } from './serviceFactories';

/**
 * Starts the plugin on the conformance catalog plus `extra` entities, with
 * RESTRICTED_USER barred from the `restricted` refs, notifications through
 * `send`, a mock actions registry and `config` as the root config.
 */
export async function startPluginBackend(options: {
  restricted: string[];
  config?: object;
  extra?: Entity[];
  send?: NotificationService['send'];
  /** More features or service factories (a mock URL reader, ...). */
  features?: BackendFeature[];
}) {
  const entities = withCatalogRelations([
    ...conformanceEntities(),
    ...(options.extra ?? []),
  ]);
  const catalog = permissionAwareCatalog(entities, {
    [RESTRICTED_USER]: options.restricted,
  });
  const actions = actionsRegistryServiceMock({
    logger: mockServices.logger.mock(),
  });
  const backend = await startTestBackend({
    features: [
      aiReadinessPlugin,
      ...catalogAndNotifications(() => catalog, options.send),
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => actions,
      }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      ...(options.features ?? []),
    ],
  });
  return { backend, server: backend.server, entities, actions, catalog };
}
