/*
 * The four plugin packages as an adopter gets them, for
 * scripts/e2e/outside-workspace.js: packed into `dir`/tarballs (or copied from
 * E2E_TARBALLS), checked to point into dist/, and once installed, checked to
 * resolve inside the project rather than to this repository.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { sh } = require('../lib/process');

const root = path.resolve(__dirname, '..', '..', '..');

/**
 * Fills `tarballDir`: tarballs packed earlier (E2E_TARBALLS), or built and
 * packed now (scripts/build-packages.js; --no-build with E2E_SKIP_BUILD=1)
 * in the phase of `phase`.
 */
async function packTarballs(tarballDir, phase) {
  if (process.env.E2E_TARBALLS) {
    // tarballs made earlier (scripts/build-packages.js --pack <folder>)
    fs.mkdirSync(tarballDir);
    for (const f of fs.readdirSync(process.env.E2E_TARBALLS)) {
      if (f.endsWith('.tgz'))
        fs.copyFileSync(
          path.join(process.env.E2E_TARBALLS, f),
          path.join(tarballDir, f),
        );
    }
    return;
  }
  await phase('build and pack the plugin packages', () =>
    sh(
      process.execPath,
      [
        path.join(root, 'scripts/build-packages.js'),
        ...(process.env.E2E_SKIP_BUILD === '1' ? ['--no-build'] : []),
        '--pack',
        tarballDir,
      ],
      { cwd: root },
    ),
  );
}

/** The packages every adopter installs; the scaffolder module (fixes as pull requests) is optional. */
const ADOPTER_PACKAGES = [
  '@ai-readiness/plugin-ai-readiness',
  '@ai-readiness/plugin-ai-readiness-backend',
  '@ai-readiness/plugin-ai-readiness-common',
  '@ai-readiness/plugin-ai-readiness-node',
];

/** Package name -> tarball file of the four adopter packages in `tarballDir`. */
function readTarballs(tarballDir) {
  const tarballs = {};
  for (const file of fs.readdirSync(tarballDir)) {
    const listing = spawnSync(
      'tar',
      ['xzf', path.join(tarballDir, file), '-O', 'package/package.json'],
      {
        encoding: 'utf8',
      },
    );
    const pkg = JSON.parse(listing.stdout);
    tarballs[pkg.name] = file;
    // what an adopter gets: built entry points, types, the compiled config schema
    if (!/^dist\//.test(pkg.main || pkg.module) || !/^dist\//.test(pkg.types)) {
      throw new Error(
        `${file}: main/types do not point into dist/ (${pkg.main}, ${pkg.types})`,
      );
    }
  }
  const missing = ADOPTER_PACKAGES.filter(name => !tarballs[name]);
  if (missing.length) {
    throw new Error(
      `missing tarballs of ${missing.join(', ')}; found ${Object.keys(
        tarballs,
      ).join(', ')}`,
    );
  }
  return Object.fromEntries(
    ADOPTER_PACKAGES.map(name => [name, tarballs[name]]),
  );
}

/** Each package installed into `dir`'s own node_modules, from its tarball. */
function checkInstalled(dir, tarballs) {
  for (const name of Object.keys(tarballs)) {
    const resolved = fs.realpathSync(path.join(dir, 'node_modules', name));
    if (
      !resolved.startsWith(fs.realpathSync(dir)) ||
      resolved.startsWith(root)
    ) {
      throw new Error(
        `${name} resolves to ${resolved}, not inside the project`,
      );
    }
    const pkg = JSON.parse(
      fs.readFileSync(path.join(resolved, 'package.json'), 'utf8'),
    );
    if (
      pkg.version !== '0.1.0' ||
      !fs.existsSync(path.join(resolved, 'dist'))
    ) {
      throw new Error(
        `${name} in the project is not the packed build (${resolved})`,
      );
    }
  }
}

module.exports = { checkInstalled, packTarballs, readTarballs };
