/*
 * The outside project's first install, without unpacking again the packages
 * this repository's `npm ci` already unpacked (and building better-sqlite3
 * again). The project stays npm's own install of its own package.json:
 *   1. `npm install --package-lock-only` resolves the project: its
 *      package-lock.json is the tree npm would install, every path in it;
 *   2. each package of that tree that this repository has installed in the
 *      same version is hard-linked into its path in the project (without
 *      its own node_modules, which the tree places itself);
 *   3. `npm install` installs what is missing, keeps the rest (a package in
 *      place in the locked version; its install script ran when this
 *      repository installed it) and links every package's commands.
 * Hard links need one file system: elsewhere step 2 links nothing and step 3
 * installs everything.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { sh } = require('../lib/process');

const root = path.resolve(__dirname, '..', '..', '..');
const NPM_FLAGS = [
  '--prefer-offline',
  '--no-audit',
  '--no-fund',
  '--loglevel=error',
];

/** The package name in a lockfile path (`node_modules/a/node_modules/@s/b` is `@s/b`). */
const nameAt = lockPath =>
  lockPath.slice(
    lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length,
  );

/** name@version -> folder, for every package installed in this repository. */
function installedHere() {
  const lock = JSON.parse(
    fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'),
  ).packages;
  const found = new Map();
  for (const [at, meta] of Object.entries(lock)) {
    if (!at.includes('node_modules/') || meta.link || !meta.version) continue;
    const dir = path.join(root, at);
    const key = `${nameAt(at)}@${meta.version}`;
    // the shortest path: a top-level copy rather than one nested in another package
    const seen = found.get(key);
    if (
      (!seen || seen.length > dir.length) &&
      fs.existsSync(path.join(dir, 'package.json'))
    )
      found.set(key, dir);
  }
  return found;
}

/** Whether a file of this repository can be hard-linked into the project. */
function canHardLink(project) {
  const probe = path.join(project, '.hard-link-probe');
  try {
    fs.linkSync(path.join(root, 'package.json'), probe);
    fs.unlinkSync(probe);
    return true;
  } catch {
    return false;
  }
}

/**
 * Hard-links into the project the locked packages found here; returns how
 * many of how many.
 */
function linkLockedPackages(project) {
  const lock = JSON.parse(
    fs.readFileSync(path.join(project, 'package-lock.json'), 'utf8'),
  ).packages;
  const here = canHardLink(project) ? installedHere() : new Map();
  const wanted = Object.entries(lock).filter(
    ([at, meta]) => at.includes('node_modules/') && !meta.link,
  );
  // one `cp` per destination folder, parents first
  const batches = new Map();
  let linked = 0;
  for (const [at, meta] of wanted) {
    const from = here.get(`${nameAt(at)}@${meta.version}`);
    if (!from) continue;
    const into = path.dirname(path.join(project, at));
    const depth = at.split('/').length;
    const key = `${depth} ${into}`;
    if (!batches.has(key)) batches.set(key, { depth, into, from: [] });
    batches.get(key).from.push(from);
  }
  for (const { into, from } of [...batches.values()].sort(
    (a, b) => a.depth - b.depth,
  )) {
    fs.mkdirSync(into, { recursive: true });
    // cp refuses a folder it met before inside another source (a nested
    // node_modules, removed below) and goes on with the rest
    spawnSync('cp', ['-al', ...from, into]);
    for (const f of from) {
      const copy = path.join(into, path.basename(f));
      if (fs.existsSync(path.join(copy, 'package.json'))) linked++;
      // the tree places their dependencies itself
      fs.rmSync(path.join(copy, 'node_modules'), {
        recursive: true,
        force: true,
      });
    }
  }
  return { linked, of: wanted.length };
}

/** The project's first install (see the file comment); returns what was linked. */
function installProject(project, env) {
  sh('npm', ['install', '--package-lock-only', ...NPM_FLAGS], {
    cwd: project,
    env,
  });
  const counts = linkLockedPackages(project);
  sh('npm', ['install', ...NPM_FLAGS], { cwd: project, env });
  return counts;
}

module.exports = { installProject, NPM_FLAGS };
