import aiReadinessFeatures, {
  aiReadinessCatalogModule,
  aiReadinessPlugin,
} from './index';

/** The shape app.packages discovery keeps (frontend-defaults' discovery). */
type Loader = {
  $$type: string;
  loader(deps: { config: unknown }): Promise<unknown[]>;
};

describe('the /alpha entry point', () => {
  it('default-exports a feature loader, which discovery (app.packages) installs', () => {
    expect((aiReadinessFeatures as unknown as Loader).$$type).toBe(
      '@backstage/FrontendFeatureLoader',
    );
  });

  it('loads the plugin and the catalog module (the readiness column)', async () => {
    // the loader reads no configuration
    const features = await (aiReadinessFeatures as unknown as Loader).loader({
      config: undefined,
    });
    expect(features).toEqual([aiReadinessPlugin, aiReadinessCatalogModule]);
    expect(aiReadinessPlugin.id).toBe('ai-readiness');
    expect(aiReadinessCatalogModule).toMatchObject({
      $$type: '@backstage/FrontendModule',
      pluginId: 'catalog',
    });
  });
});
