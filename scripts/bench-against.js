#!/usr/bin/env node
/*
 * npm run bench:against -- REF BENCH [ROUNDS] [-- BENCH ARGS]
 *
 * Runs one benchmark of this tree and of another revision of the repository
 * (a git ref, checked out in a temporary worktree that uses this tree's
 * node_modules) in alternation, ROUNDS times each (default 3), so that both
 * see the same machine load, and prints each run's figure, the ratio of
 * the medians and the median of each round's ratio (this tree / REF: below
 * 1 is faster).
 *
 * The figure read from a run is the first table row whose value is in
 * seconds ("| what | 1.23 s |"), or, with BENCH_FIGURES, each named figure:
 * a JSON object of name -> regular expression whose first group is the
 * number, e.g. {"refresh": "refresh \\(second[^:]*: ([\\d.]+) s"}. A run
 * that exits non-zero after printing its figures (a benchmark's own target
 * missed on a busy machine) still counts. Example:
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
const figures = process.env.BENCH_FIGURES
  ? Object.entries(JSON.parse(process.env.BENCH_FIGURES)).map(
      ([name, pattern]) => ({ name, pattern: new RegExp(pattern, 'm') }),
    )
  : [
      {
        name: undefined,
        pattern: /^\|([^|]+)\|\s*([\d.]+) s\s*\|/m,
      },
    ];

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
  const read = figures.map(({ name, pattern }) => {
    const match = result.stdout.match(pattern);
    if (!match) return undefined;
    return name === undefined
      ? { label: match[1].trim(), value: Number(match[2]) }
      : { label: name, value: Number(match[1]) };
  });
  if (read.some(r => r === undefined)) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(
      `${bench} in ${tree} exited ${result.status} without every figure`,
    );
  }
  if (result.status !== 0)
    console.log(`(${tree}: exit ${result.status}, its figures counted)`);
  return read;
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const here = figures.map(() => []);
const there = figures.map(() => []);
let labels = [];
for (let i = 0; i < rounds; i++) {
  const a = runOnce(root);
  const b = runOnce(other);
  labels = a.map(f => f.label);
  a.forEach((f, j) => here[j].push(f.value));
  b.forEach((f, j) => there[j].push(f.value));
  console.log(
    `round ${i + 1}: ` +
      labels
        .map((l, j) => `${l} ${a[j].value} here, ${b[j].value} at ${ref}`)
        .join('; '),
  );
}
console.log('');
labels.forEach((label, j) => {
  const ratio = median(here[j]) / median(there[j]);
  // Each round's two runs are next to each other in time: the median of
  // their ratios cancels the machine's slow drifts in load.
  const paired = median(here[j].map((h, i) => h / there[j][i]));
  console.log(
    `${label}: median ${median(here[j])} here, ${median(
      there[j],
    )} at ${ref} (${sha}); ratio this tree / ${ref}: ${ratio.toFixed(
      3,
    )}; median of the rounds' ratios: ${paired.toFixed(3)}`,
  );
});
