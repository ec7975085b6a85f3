/*
 * The sources of the outside project's app (packages/app), like
 * `create-app --legacy`: the legacy frontend system, with the plugin's page,
 * its entity card on the overview and its entity tab wired in.
 * File paths are relative to packages/app.
 */
const appSource = {
  'public/index.html': `<!DOCTYPE html>
<html lang="en">
  <head><meta charset="utf-8" /><title><%= config.getString('app.title') %></title></head>
  <body><div id="root"></div></body>
</html>
`,
  'src/index.tsx': `import '@backstage/cli/asset-types';
import ReactDOM from 'react-dom/client';
import App from './App';

ReactDOM.createRoot(document.getElementById('root')!).render(<App />);
`,
  'src/App.tsx': `import { createApp } from '@backstage/app-defaults';
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';
import { Navigate, Route } from 'react-router-dom';
import {
  CatalogEntityPage,
  CatalogIndexPage,
  EntityLayout,
  EntitySwitch,
  catalogPlugin,
} from '@backstage/plugin-catalog';
import {
  AiReadinessPage,
  EntityAiReadinessCard,
  EntityAiReadinessContent,
  aiReadinessPlugin,
  isAiPilot,
} from '@ai-readiness/plugin-ai-readiness';

const app = createApp({ plugins: [catalogPlugin, aiReadinessPlugin] });

const entityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <EntitySwitch>
        <EntitySwitch.Case if={isAiPilot}>
          <EntityAiReadinessCard />
        </EntitySwitch.Case>
      </EntitySwitch>
    </EntityLayout.Route>
    <EntityLayout.Route path="/ai-readiness" title="AI readiness" if={isAiPilot}>
      <EntityAiReadinessContent />
    </EntityLayout.Route>
  </EntityLayout>
);

export default app.createRoot(
  <AppRouter>
    <FlatRoutes>
      <Route path="/" element={<Navigate to="catalog" />} />
      <Route path="/catalog" element={<CatalogIndexPage />} />
      <Route path="/catalog/:namespace/:kind/:name" element={<CatalogEntityPage />}>
        {entityPage}
      </Route>
      <Route path="/ai-readiness" element={<AiReadinessPage />} />
    </FlatRoutes>
  </AppRouter>,
);
`,
};

module.exports = { appSource };
