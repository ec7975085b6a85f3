/*
 * A Backstage project as `@backstage/create-app` makes it today, for
 * scripts/e2e/outside-workspace.js: the default template (new frontend
 * system) and the `--legacy` one. create-app refuses Node 20, so it runs on a
 * Node 22 taken from the npm registry (`npx -p node@22`). The project is
 * then made installable with npm (the only package manager proven here): no
 * yarn files, `resolutions` as `overrides`, the template's Backstage
 * packages pinned to the release create-app names (releaseVersions), the
 * backend's `link:` dependency on the app as a workspace version. Nothing
 * else in the template changes.
 */
const fs = require('fs');
const path = require('path');
const { sh } = require('../lib/process');

/** create-app of the Backstage 1.55 release. */
const CREATE_APP = '@backstage/create-app@0.9.2';

/** Runs create-app into `dest` (which must not exist); `legacy` for --legacy. */
function createApp(dest, { legacy = false } = {}) {
  sh(
    'npx',
    [
      '-y',
      '-p',
      'node@22',
      '-p',
      'yarn@1.22.22',
      '-p',
      CREATE_APP,
      '--',
      'sh',
      '-c',
      `backstage-create-app ${
        legacy ? '--legacy ' : ''
      }--skip-install --path "${dest}"`,
    ],
    {
      env: {
        ...process.env,
        BACKSTAGE_APP_NAME: 'outside-portal',
        NODE_PATH: '',
      },
    },
  );
  if (!fs.existsSync(path.join(dest, 'packages', 'app', 'package.json'))) {
    throw new Error(`create-app made no packages/app in ${dest}`);
  }
}

const readJson = file => JSON.parse(fs.readFileSync(file, 'utf8'));
const writeJson = (file, value) =>
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

/**
 * The Backstage release that create-app writes: each `@backstage/*` range of
 * the template is `^` and the release's version. With yarn, create-app's
 * seed lock (fetched from GitHub, out of reach here) keeps the project on
 * that release; npm would take the newest version in each range, mixing
 * releases (a newer plugin-signals-backend needs a newer backend-defaults
 * and stops the backend). Pinned as npm overrides, they stay on the release.
 */
function releaseVersions(dir) {
  const pins = {};
  const packagesDir = path.join(dir, 'packages');
  for (const name of fs.readdirSync(packagesDir)) {
    const file = path.join(packagesDir, name, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = readJson(file);
    for (const deps of [pkg.dependencies, pkg.devDependencies]) {
      for (const [dep, range] of Object.entries(deps ?? {})) {
        const m = /^\^(\d+\.\d+\.\d+)$/.exec(range);
        if (dep.startsWith('@backstage/') && m) pins[dep] = m[1];
      }
    }
  }
  return pins;
}

/** The template made installable with npm workspaces (see the file comment). */
function npmify(dir) {
  for (const f of ['.yarn', '.yarnrc.yml', 'yarn.lock']) {
    fs.rmSync(path.join(dir, f), { recursive: true, force: true });
  }
  const rootFile = path.join(dir, 'package.json');
  const pkg = readJson(rootFile);
  delete pkg.packageManager;
  // npm refuses an override that differs from the root's own dependency
  const pins = releaseVersions(dir);
  for (const dep of Object.keys(pkg.devDependencies ?? {})) delete pins[dep];
  pkg.overrides = { ...pkg.resolutions, ...pins };
  delete pkg.resolutions;
  for (const [name, script] of Object.entries(pkg.scripts ?? {})) {
    pkg.scripts[name] = script.replace(
      /yarn workspace (\S+) (\S+)/g,
      'npm run $2 -w $1',
    );
  }
  writeJson(rootFile, pkg);

  const backendFile = path.join(dir, 'packages', 'backend', 'package.json');
  const backend = readJson(backendFile);
  if (backend.dependencies?.app?.startsWith('link:')) {
    backend.dependencies.app = '0.0.0';
  }
  writeJson(backendFile, backend);
  // @material-ui/core 4 declares React 16/17 as peers; the app uses React 18.
  // npm 11 runs no dependency's install script unless allowed: the
  // template's embedded database (better-sqlite3) builds its native module.
  fs.writeFileSync(
    path.join(dir, '.npmrc'),
    'legacy-peer-deps=true\nallow-scripts=better-sqlite3\nfund=false\naudit=false\n',
  );
}

module.exports = { createApp, npmify, readJson, writeJson };
