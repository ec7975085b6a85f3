#!/usr/bin/env node
/*
 * `npm run build:packages`: builds every publishable plugin package.
 *
 *   1. tsc (declarations into dist-types/, which `backstage-cli package build`
 *      bundles into each package's dist/*.d.ts)
 *   2. `backstage-cli package build` in each plugin package, in dependency
 *      order (common, node, backend, frontend)
 *
 * With `--pack <folder>` it then runs `npm pack` in each package (prepack
 * rewrites package.json to dist/ and compiles config.d.ts into
 * config.schema.json; postpack restores it) and writes the tarballs there.
 * `--skip-tsc` reuses dist-types/ from an earlier tsc; `--no-build` only packs
 * (the packages were built before).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

/** The plugin packages, in build order. */
const PACKAGES = [
  'plugins/ai-readiness-common',
  'plugins/ai-readiness-node',
  'plugins/ai-readiness-backend',
  'plugins/ai-readiness-backend-module-scaffolder',
  'plugins/ai-readiness',
];

function sh(cmd, args, cwd = root) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} failed in ${path.relative(root, cwd) || '.'}`,
    );
  }
}

function main(argv) {
  const packAt = argv.indexOf('--pack');
  const packDir = packAt >= 0 ? path.resolve(argv[packAt + 1] || '') : null;
  if (packAt >= 0 && !argv[packAt + 1]) {
    throw new Error('--pack needs a folder: --pack <folder>');
  }
  const build = !argv.includes('--no-build');
  if (build && !argv.includes('--skip-tsc')) sh('npx', ['tsc']);
  for (const dir of build ? PACKAGES : []) {
    console.log(`[build:packages] ${dir}`);
    sh('npx', ['backstage-cli', 'package', 'build'], path.join(root, dir));
  }
  if (packDir) {
    fs.mkdirSync(packDir, { recursive: true });
    for (const dir of PACKAGES) {
      sh('npm', ['pack', '--pack-destination', packDir], path.join(root, dir));
    }
    console.log(`[build:packages] tarballs in ${packDir}`);
  }
}

try {
  main(process.argv.slice(2));
} catch (e) {
  console.error(`[build:packages] ${e.message}`);
  process.exit(1);
}
