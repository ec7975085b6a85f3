import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCatalogInfoPatchAction } from './actions/createCatalogInfoPatchAction';

/**
 * Adds the action ai-readiness:catalog-info:patch to the scaffolder, which the
 * template ai-readiness-fix runs between fetching an entity's catalog-info.yaml
 * and opening the pull request.
 *
 * @public
 */
export const scaffolderModuleAiReadiness = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'ai-readiness',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
      },
      async init({ scaffolder, auth, discovery, config, catalog }) {
        scaffolder.addActions(
          createCatalogInfoPatchAction({
            auth,
            discovery,
            catalog,
            integrations: ScmIntegrations.fromConfig(config),
          }),
        );
      },
    });
  },
});
