#!/usr/bin/env node
/*
 * npm run bench: runs every benchmark of the repository, one after the other
 * (they measure speed, so never in parallel), each printing its figures and
 * its ratios against a baseline measured in the same run.
 *
 * Benchmarks live in `plugins/<pkg>/bench/*.bench.ts` and
 * `packages/<pkg>/bench/*.bench.ts`. `npm run bench -- engine` runs only those
 * whose path contains "engine".
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const filter = process.argv[2];

const files = [];
for (const top of ['plugins', 'packages']) {
  const dir = path.join(root, top);
  for (const pkg of fs.readdirSync(dir).sort()) {
    const bench = path.join(dir, pkg, 'bench');
    if (!fs.existsSync(bench)) continue;
    for (const file of fs.readdirSync(bench).sort()) {
      if (file.endsWith('.bench.ts') || file.endsWith('.bench.js')) {
        const full = path.join(bench, file);
        if (!filter || full.includes(filter)) files.push(full);
      }
    }
  }
}

const results = [];
for (const file of files) {
  const rel = path.relative(root, file);
  console.log(`\n=== ${rel}`);
  const started = Date.now();
  const runner = file.endsWith('.ts')
    ? [path.join(__dirname, 'run-ts.js'), file]
    : [file];
  const run = spawnSync(
    process.execPath,
    ['--max-old-space-size=8192', '--expose-gc', ...runner],
    {
      cwd: root,
      stdio: 'inherit',
      env: process.env,
    },
  );
  const ok = run.status === 0;
  results.push({ rel, ok, seconds: (Date.now() - started) / 1000 });
}

console.log('\n=== benchmarks');
for (const r of results)
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.rel} (${r.seconds.toFixed(0)} s)`);
process.exit(results.every(r => r.ok) ? 0 : 1);
