#!/usr/bin/env node
/*
 * npm run bench:against -- REF BENCH [ROUNDS] [-- BENCH ARGS]
 *
 * Runs one benchmark of this tree and of another revision of the repository
 * (a git ref, checked out in a temporary worktree that uses this tree's
 * node_modules) in alternation, ROUNDS times each (default 3), so that both
 * see the same machine load, and prints each run's figure and the ratio of
 * the medians (this tree / REF: below 1 is faster).
 *
 * The figure read from a run is the first table row whose value is in
 * seconds ("| what | 1.23 s |"). Example:
 *   npm run bench:against -- main plugins/ai-readiness-common/bench/engine.bench.ts 3 -- --pilots 20000 --total 30000
 */
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const dash = args.indexOf('--');
const [ref, bench, roundsText] = dash >= 0 ? args.slice(0, dash) : args;
const benchArgs = dash >= 0 ? args.slice(dash + 1) : [];
if (!ref || !bench) {
  console.error('usage: bench-against.js REF BENCH [ROUNDS] [-- BENCH ARGS]');
  process.exit(2);
}
const rounds = Number(roundsText ?? 3);

const sha = execFileSync('git', ['rev-parse', '--short', ref], { cwd: root })
  .toString()
  .trim();
const other = path.join(os.tmpdir(), `ai-readiness-bench-${sha}`);
if (!fs.existsSync(other)) {
  execFileSync('git', ['worktree', 'add', '--detach', other, sha], {
    cwd: root,
    stdio: 'ignore',
  });
  // This tree's node_modules (the root's and each package's, which hold
  // their own dependency versions), hard-linked: workspace links are
  // relative, so they point at the other revision's packages.
  const dirs = ['.'];
  for (const top of ['plugins', 'packages'])
    for (const pkg of fs.readdirSync(path.join(root, top)))
      dirs.push(path.join(top, pkg));
  for (const dir of dirs) {
    const from = path.join(root, dir, 'node_modules');
    const to = path.join(other, dir, 'node_modules');
    if (fs.existsSync(from) && fs.existsSync(path.dirname(to)))
      execFileSync('cp', ['-al', from, to]);
  }
}

function runOnce(tree) {
  const result = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=8192',
      '--expose-gc',
      path.join(tree, 'scripts', 'run-ts.js'),
      path.join(tree, bench),
      ...benchArgs,
    ],
    { cwd: tree, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`${bench} failed in ${tree}`);
  }
  const row = result.stdout
    .split('\n')
    .find(l => /^\|[^|]+\|\s*[\d.]+ s\s*\|/.test(l));
  if (!row) throw new Error(`no "| ... | N s |" row in the output of ${bench}`);
  return {
    label: row.split('|')[1].trim(),
    seconds: Number(row.split('|')[2].trim().split(' ')[0]),
  };
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const here = [];
const there = [];
let label = '';
for (let i = 0; i < rounds; i++) {
  const a = runOnce(root);
  const b = runOnce(other);
  label = a.label;
  here.push(a.seconds);
  there.push(b.seconds);
  console.log(
    `round ${i + 1}: this tree ${a.seconds} s, ${ref} (${sha}) ${b.seconds} s`,
  );
}
const ratio = median(here) / median(there);
console.log(
  `\n${label}: median ${median(here)} s here, ${median(
    there,
  )} s at ${ref} (${sha})`,
);
console.log(`ratio this tree / ${ref}: ${ratio.toFixed(3)}`);
