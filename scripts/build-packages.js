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
 * config.schema.json; postpack restores it) and writes the tarballs there,
 * two packages at a time (each pack is one process on one core).
 * `--skip-tsc` reuses dist-types/ from an earlier tsc; `--no-build` only packs
 * (the packages were built before).
 */
const { spawn, spawnSync } = require('child_process');
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

async function main(argv) {
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
    await inParallel(PACKAGES, 2, dir =>
      run('npm', ['pack', '--pack-destination', packDir], path.join(root, dir)),
    );
    console.log(`[build:packages] tarballs in ${packDir}`);
  }
}

/** Like sh, in the background: the output is printed when the command ends. */
function run(cmd, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', d => output.push(d));
    child.stderr.on('data', d => output.push(d));
    child.on('error', reject);
    child.on('close', code => {
      process.stdout.write(Buffer.concat(output));
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${cmd} ${args.join(' ')} failed in ${path.relative(root, cwd)}`,
          ),
        );
    });
  });
}

/** Runs `task` on each item, `limit` at a time; rejects with the first failure once all have ended. */
async function inParallel(items, limit, task) {
  const queue = [...items];
  const failures = [];
  const worker = async () => {
    while (queue.length) {
      await task(queue.shift()).catch(e => failures.push(e));
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  if (failures.length) throw failures[0];
}

main(process.argv.slice(2)).catch(e => {
  console.error(`[build:packages] ${e.message}`);
  process.exit(1);
});
