import {
  coreExtensionData,
  createExtensionDataRef,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import { Fragment } from 'react';
import { compatWrapper } from '@backstage/core-compat-api';
import catalogPlugin, {
  CatalogExportSettings,
} from '@backstage/plugin-catalog/alpha';

/**
 * What a CatalogExportConfigBlueprint extension gives the catalog page
 * (extension data is matched by id; the catalog does not export the ref).
 */
const catalogExportConfigDataRef = createExtensionDataRef<
  Pick<CatalogExportSettings, 'exporters' | 'columns' | 'onSuccess' | 'onError'>
>().with({ id: 'catalog.export-customization' });

/**
 * The catalog index page of the new frontend system with the AI readiness
 * column after the catalog's default columns. The catalog's page takes
 * filters and export settings as inputs but no columns, so this override
 * renders the same page (`CatalogIndexPage`) with the same filters,
 * pagination and export settings, adding only `columns`.
 */
const catalogIndexPageWithReadiness = catalogPlugin
  .getExtension('page:catalog')
  .override({
    factory(originalFactory, { inputs, config }) {
      return originalFactory({
        params: {
          loader: async () => {
            const [{ CatalogIndexPage }, { CatalogTable }, readiness] =
              await Promise.all([
                import('@backstage/plugin-catalog/alpha'),
                import('@backstage/plugin-catalog'),
                import('../components/CatalogReadiness'),
              ]);
            const filters = inputs.filters.map(filter => (
              <Fragment key={filter.node.spec.id}>
                {filter.get(coreExtensionData.reactElement)}
              </Fragment>
            ));
            // Merged as the catalog's own page does: config first, then the
            // export-config extensions (exporters add up, the first wins for
            // the rest).
            const exportSettings: CatalogExportSettings = {
              ...config.exportSettings,
            };
            for (const input of inputs.exportConfig) {
              const data = input.get(catalogExportConfigDataRef);
              if (!data) continue;
              if (data.exporters) {
                exportSettings.exporters = {
                  ...exportSettings.exporters,
                  ...data.exporters,
                };
              }
              exportSettings.columns ??= data.columns;
              exportSettings.onSuccess ??= data.onSuccess;
              exportSettings.onError ??= data.onError;
            }
            return compatWrapper(
              <CatalogIndexPage
                filters={<>{filters}</>}
                pagination={config.pagination}
                exportSettings={
                  exportSettings.enabled ? exportSettings : undefined
                }
                columns={context => [
                  ...CatalogTable.defaultColumnsFunc(context),
                  readiness.createAiReadinessColumn(),
                ]}
              />,
            );
          },
        },
      });
    },
  });

/**
 * A module for the catalog plugin (new frontend system): the catalog index
 * page with an "AI readiness" column, the level badge of each pilot. All
 * rows read one shared list of scorecards (one request). Install it beside
 * the ai-readiness plugin, which brings the level filter of that page.
 *
 * @alpha
 */
export const aiReadinessCatalogModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [catalogIndexPageWithReadiness],
});
