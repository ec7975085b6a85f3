/*
 * The Backstage project scripts/e2e/outside-workspace.js makes in its
 * temporary folder: create-app's default template (new frontend system), with
 * the app of create-app's `--legacy` template beside it as
 * packages/app-legacy (one npm install for both), committed to git as
 * create-app left them; then what an adopter adds, and nothing else:
 *   - the packages (the tarballs) in packages/app, packages/app-legacy and
 *     packages/backend, and the backend's one `backend.add` line;
 *   - configuration: an `aiReadiness` block in app-config.yaml and an AI
 *     pilot in the template's example catalog;
 *   - in the legacy app only, the wiring that docs/frontend.md shows
 *     (legacy-wiring.js).
 * `git diff` of those changes is what the test prints.
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { createApp, npmify, readJson, writeJson } = require('./create-app');
const { wireLegacyApp } = require('./legacy-wiring');

const git = (dir, ...args) => {
  const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`git ${args.join(' ')}: ${r.stderr || r.stdout}`);
  }
  return r.stdout;
};

/** The pilot the test opens: an LLM app with the enabled annotation. */
const PILOT = `---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: claims-summarizer
  description: Summarises incoming claims for the handlers
  annotations:
    ai-readiness/enabled: 'true'
    ai-readiness/business-owner: group:default/guests
  links:
    - url: https://wiki.example.com/claims-summarizer/runbook
      title: Runbook
      type: runbook
spec:
  type: llm-app
  lifecycle: experimental
  owner: guests
  system: examples
`;

const AI_READINESS_CONFIG = `
# AI readiness: score the catalog one second after start, then every 30
# minutes
aiReadiness:
  schedule:
    frequency: { minutes: 30 }
    initialDelay: { seconds: 1 }
`;

/** Adds a dependency to a workspace package.json, keeping the keys sorted. */
function addDependency(file, name, spec) {
  const pkg = readJson(file);
  pkg.dependencies = Object.fromEntries(
    Object.entries({ ...pkg.dependencies, [name]: spec }).sort(([a], [b]) =>
      a.localeCompare(b),
    ),
  );
  writeJson(file, pkg);
}

/** Inserts `text` after the first line that matches `anchor`; throws if none does. */
function insertAfter(file, anchor, text) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex(l => anchor.test(l));
  if (at < 0) throw new Error(`${file}: no line matches ${anchor}`);
  lines.splice(at + 1, 0, text);
  fs.writeFileSync(file, lines.join('\n'));
}

/**
 * Makes the project in `dir`/portal from create-app (the legacy template in
 * `dir`/legacy, of which only packages/app is kept); returns its folder.
 */
function createProject(dir) {
  const project = path.join(dir, 'portal');
  const legacy = path.join(dir, 'legacy');
  createApp(project);
  createApp(legacy, { legacy: true });
  const legacyApp = path.join(project, 'packages', 'app-legacy');
  fs.cpSync(path.join(legacy, 'packages', 'app'), legacyApp, {
    recursive: true,
  });
  fs.rmSync(legacy, { recursive: true, force: true });
  const legacyPkg = readJson(path.join(legacyApp, 'package.json'));
  legacyPkg.name = 'app-legacy';
  writeJson(path.join(legacyApp, 'package.json'), legacyPkg);
  npmify(project);

  if (!fs.existsSync(path.join(project, '.git'))) git(project, 'init', '-q');
  git(project, 'add', '-A');
  git(
    project,
    '-c',
    'user.name=e2e',
    '-c',
    'user.email=e2e@localhost',
    'commit',
    '-q',
    '--allow-empty',
    '-m',
    'create-app (default and --legacy), for npm',
  );
  return project;
}

/**
 * What an adopter adds (see the file comment); returns `git diff` of it.
 * `tarballs` maps each package name to its file in `tarballDir`.
 */
function addAiReadiness(project, tarballDir, tarballs) {
  const tgz = name => `file:${path.join(tarballDir, tarballs[name])}`;
  // The tarballs depend on each other by version (0.1.0), which is not on
  // the registry: point those edges at the tarballs (npm overrides).
  const rootFile = path.join(project, 'package.json');
  const root = readJson(rootFile);
  root.overrides = {
    ...root.overrides,
    ...Object.fromEntries(Object.keys(tarballs).map(n => [n, tgz(n)])),
  };
  writeJson(rootFile, root);

  const frontend = '@ai-readiness/plugin-ai-readiness';
  const backend = '@ai-readiness/plugin-ai-readiness-backend';
  for (const app of ['app', 'app-legacy']) {
    addDependency(
      path.join(project, 'packages', app, 'package.json'),
      frontend,
      tgz(frontend),
    );
  }
  addDependency(
    path.join(project, 'packages', 'backend', 'package.json'),
    backend,
    tgz(backend),
  );
  insertAfter(
    path.join(project, 'packages', 'backend', 'src', 'index.ts'),
    /^backend\.add\(import\('@backstage\/plugin-catalog-backend'\)\);$/,
    `backend.add(import('${backend}'));`,
  );

  fs.appendFileSync(path.join(project, 'app-config.yaml'), AI_READINESS_CONFIG);
  fs.appendFileSync(path.join(project, 'examples', 'entities.yaml'), PILOT);

  wireLegacyApp(path.join(project, 'packages', 'app-legacy'));

  return git(project, '--no-pager', 'diff', '--no-color');
}

module.exports = { addAiReadiness, createProject };
