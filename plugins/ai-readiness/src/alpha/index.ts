/**
 * The ai-readiness plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */
import { createFrontendFeatureLoader } from '@backstage/frontend-plugin-api';
import aiReadinessPlugin from './plugin';
import { aiReadinessCatalogModule } from './catalogModule';

export * from './plugin';
export { aiReadinessPlugin, aiReadinessCatalogModule };

/**
 * Everything the new frontend system needs: the plugin (API, pages, tab,
 * cards, level filter) and the catalog module (the readiness column of the
 * catalog list). The default export, so that an app with
 * `app.packages: all` finds both from the installed package; list it in
 * `createApp({ features })` where discovery is off.
 *
 * @alpha
 */
export const aiReadinessFeatures = createFrontendFeatureLoader({
  loader: () => [aiReadinessPlugin, aiReadinessCatalogModule],
});

export default aiReadinessFeatures;
