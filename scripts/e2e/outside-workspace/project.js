/*
 * The Backstage project scripts/e2e/outside-workspace.js makes in its
 * temporary folder: the root package.json (the tarballs as overrides), a
 * plain JavaScript backend, app-config.yaml on the test's PostgreSQL, a small
 * catalog and the app's package.json; the app's sources are app-source.js.
 */
const fs = require('fs');
const path = require('path');
const { pgConnection } = require('../lib/postgres');
const { appSource } = require('./app-source');

/** The Backstage 1.55 release's ranges (shared/toolchain.md). */
const V = {
  '@backstage/cli': '^0.36.6',
  '@backstage/backend-defaults': '^0.18.0',
  '@backstage/plugin-catalog-backend': '^4.0.0',
  '@backstage/app-defaults': '^1.7.12',
  '@backstage/core-app-api': '^1.20.5',
  '@backstage/core-plugin-api': '^1.12.10',
  '@backstage/core-components': '^0.18.14',
  '@backstage/plugin-catalog': '~2.0.9',
  '@backstage/plugin-catalog-react': '^3.2.3',
  '@backstage/theme': '^0.7.3',
  '@backstage/catalog-model': '^1.10.1',
  '@material-ui/core': '^4.12.2',
  react: '^18.0.2',
  'react-dom': '^18.0.2',
  'react-router': '^6.30.2',
  'react-router-dom': '^6.30.2',
  pg: '^8.11.3',
};
const pick = (...names) => Object.fromEntries(names.map(n => [n, V[n]]));

function write(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    typeof content === 'string'
      ? content
      : `${JSON.stringify(content, null, 2)}\n`,
  );
}

/**
 * Writes the project into `dir`; `tarballs` maps each package name to its
 * file in `dir`/tarballs.
 */
function projectFiles(dir, tarballs, port, token, prefix) {
  const tgz = name => `file:${path.join(dir, 'tarballs', tarballs[name])}`;
  const ours = Object.fromEntries(Object.keys(tarballs).map(n => [n, tgz(n)]));
  write(path.join(dir, 'package.json'), {
    name: 'outside-portal',
    version: '0.0.0',
    private: true,
    workspaces: ['packages/*'],
    // the tarballs depend on each other by version (0.1.0), which is not on
    // the registry: point those edges at the tarballs too
    overrides: { ...ours, '@types/react': '^18', '@types/react-dom': '^18' },
    // the CLI's modules (build, ...), as create-app sets them up
    devDependencies: { '@backstage/cli-defaults': '^0.1.6' },
  });
  write(
    path.join(dir, '.npmrc'),
    'legacy-peer-deps=true\nfund=false\naudit=false\n',
  );

  // --- backend: plain JavaScript, run with node
  write(path.join(dir, 'packages/backend/package.json'), {
    name: 'backend',
    version: '0.0.0',
    private: true,
    main: 'index.js',
    dependencies: {
      ...pick(
        '@backstage/backend-defaults',
        '@backstage/plugin-catalog-backend',
        'pg',
      ),
      '@ai-readiness/plugin-ai-readiness-backend':
        ours['@ai-readiness/plugin-ai-readiness-backend'],
    },
  });
  write(
    path.join(dir, 'packages/backend/index.js'),
    `const { createBackend } = require('@backstage/backend-defaults');
const backend = createBackend();
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@ai-readiness/plugin-ai-readiness-backend'));
backend.start();
`,
  );
  const pg = pgConnection();
  write(
    path.join(dir, 'app-config.yaml'),
    `app:
  title: Outside portal
  baseUrl: http://localhost:${port}
backend:
  baseUrl: http://localhost:${port}
  listen: { port: ${port}, host: 127.0.0.1 }
  database:
    client: pg
    prefix: ${prefix}
    connection:
      host: ${pg.host}
      port: ${pg.port}
      user: ${pg.user}
      password: ${JSON.stringify(pg.password || 'unused')}
  auth:
    externalAccess:
      - type: static
        options:
          token: ${token}
          subject: outside-e2e
catalog:
  rules:
    - allow: [Component, Group, User, System, Resource, API, Location]
  locations:
    - type: file
      target: ${path.join(dir, 'catalog.yaml')}
aiReadiness:
  schedule:
    frequency: { minutes: 30 }
    initialDelay: { seconds: 1 }
`,
  );
  write(
    path.join(dir, 'catalog.yaml'),
    `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: claims-summarizer
  annotations:
    ai-readiness/enabled: 'true'
    ai-readiness/business-owner: group:default/team-a
  links:
    - url: https://wiki.example.com/claims-summarizer/runbook
      title: Runbook
      type: runbook
spec:
  type: llm-app
  lifecycle: experimental
  owner: team-a
`,
  );

  // --- app: the legacy frontend system, like `create-app --legacy`
  write(path.join(dir, 'packages/app/package.json'), {
    name: 'app',
    version: '0.0.0',
    private: true,
    bundled: true,
    backstage: { role: 'frontend' },
    scripts: { build: 'backstage-cli package build' },
    dependencies: {
      ...pick(
        '@backstage/app-defaults',
        '@backstage/core-app-api',
        '@backstage/core-components',
        '@backstage/core-plugin-api',
        '@backstage/plugin-catalog',
        '@backstage/plugin-catalog-react',
        '@backstage/theme',
        '@backstage/catalog-model',
        '@material-ui/core',
        'react',
        'react-dom',
        'react-router',
        'react-router-dom',
      ),
      '@ai-readiness/plugin-ai-readiness':
        ours['@ai-readiness/plugin-ai-readiness'],
    },
    devDependencies: pick('@backstage/cli'),
    browserslist: ['last 1 chrome version'],
  });
  for (const [file, content] of Object.entries(appSource)) {
    write(path.join(dir, 'packages/app', file), content);
  }
}

module.exports = { projectFiles };
