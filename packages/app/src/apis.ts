import {
  ScmAuth,
  ScmIntegrationsApi,
  scmIntegrationsApiRef,
} from '@backstage/integration-react';
import {
  AnyApiFactory,
  configApiRef,
  createApiFactory,
} from '@backstage/core-plugin-api';

/**
 * App-level APIs on top of the defaults from `@backstage/app-defaults`
 * (storage is the browser's local storage: the user-settings backend is not
 * part of this portal). The standard entity pages of the catalog (the About
 * card's "View source" and "Edit" links) need the SCM integrations and the
 * SCM auth API; without them every entity page shows an error panel.
 * Plugins register their own APIs through `createPlugin({ apis })`.
 */
export const apis: AnyApiFactory[] = [
  createApiFactory({
    api: scmIntegrationsApiRef,
    deps: { configApi: configApiRef },
    factory: ({ configApi }) => ScmIntegrationsApi.fromConfig(configApi),
  }),
  ScmAuth.createDefaultApiFactory(),
];
