/*
 * Benchmark: the real `ai-readiness check` binary on a generated catalog of
 * 10,000 entities (groups, users, systems, resources, APIs, components of
 * which a quarter are AI pilots) spread over many files, against a baseline
 * measured in the same run: a node process that only reads and parses the
 * same YAML files with the same yaml package. Target: ≤ 3 s wall clock.
 *
 * Run: node scripts/run-ts.js packages/cli/bench/cli.bench.ts [--entities N] [--runs N]
 * (--generate DIR only writes the catalog into DIR, to try the CLI on it by hand.)
 */
import { execFileSync, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { parseFast, parseWithYamlPackage } from '../src/load';
import { generate } from './generateCatalog';

const cliDir = path.resolve(__dirname, '..');
const bin = path.join(cliDir, 'bin', 'ai-readiness');
const TARGET_SECONDS = 3;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYaml(full));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

function time(
  cmd: string,
  args: string[],
): { seconds: number; status: number | null; stdout: string } {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.error) throw r.error;
  return { seconds, status: r.status, stdout: r.stdout };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function main() {
  const total = arg('--entities', 10_000);
  const runs = arg('--runs', 5);
  const only = process.argv.indexOf('--generate');
  if (only >= 0) {
    const target = path.resolve(process.argv[only + 1]);
    fs.mkdirSync(target, { recursive: true });
    const { files, pilots } = generate(target, total);
    console.log(
      `wrote ${total} entities (${pilots} AI pilots) in ${files} files to ${target}`,
    );
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-readiness-bench-'));
  try {
    const { files, pilots } = generate(dir, total);
    const bytes = listYaml(dir).reduce((n, f) => n + fs.statSync(f).size, 0);
    console.log(
      `catalog: ${total} entities (${pilots} AI pilots) in ${files} files, ${(
        bytes / 1e6
      ).toFixed(1)} MB`,
    );

    // Fresh bundle, then one warm-up run of each (file cache, bundle compile cache).
    execFileSync(process.execPath, [path.join(cliDir, 'build.js')], {
      stdio: 'ignore',
    });
    const cliArgs = [
      bin,
      'check',
      dir,
      '--as-of',
      '2026-11-25',
      '--format',
      'json',
    ];
    const yamlPath = require.resolve('yaml', { paths: [cliDir] });
    const baselineScript = `
      const fs = require('fs'), path = require('path');
      const { parseAllDocuments, LineCounter } = require(${JSON.stringify(
        yamlPath,
      )});
      function walk(d) { return fs.readdirSync(d, { withFileTypes: true }).flatMap(e =>
        e.isDirectory() ? walk(path.join(d, e.name)) : /\\.ya?ml$/.test(e.name) ? [path.join(d, e.name)] : []); }
      let n = 0;
      for (const f of walk(${JSON.stringify(dir)})) {
        const lineCounter = new LineCounter();
        for (const doc of parseAllDocuments(fs.readFileSync(f, 'utf8'), { lineCounter })) {
          if (doc.toJS()) n++;
        }
      }
      if (n !== ${total}) { console.error('parsed ' + n + ' documents'); process.exit(1); }
    `;
    const baselineArgs = ['-e', baselineScript];

    const warm = time(process.execPath, cliArgs);
    if (warm.status !== 0) throw new Error(`the CLI exited ${warm.status}`);
    const out = JSON.parse(warm.stdout);
    if (out.scorecards.length !== pilots || out.errors.length) {
      throw new Error(
        `expected ${pilots} scorecards and no errors, got ${out.scorecards.length} and ${out.errors.length}`,
      );
    }
    const levels: Record<string, number> = {};
    for (const c of out.scorecards)
      levels[c.level] = (levels[c.level] ?? 0) + 1;
    console.log(
      `levels: ${Object.entries(levels)
        .sort()
        .map(([l, n]) => `${l} ${n}`)
        .join(', ')}`,
    );
    time(process.execPath, baselineArgs);

    const cli: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < runs; i++) {
      const b = time(process.execPath, baselineArgs);
      if (b.status !== 0) throw new Error('the baseline failed');
      base.push(b.seconds);
      const c = time(process.execPath, cliArgs);
      if (c.status !== 0) throw new Error(`the CLI exited ${c.status}`);
      cli.push(c.seconds);
    }
    const cliMedian = median(cli);
    const baseMedian = median(base);
    const fmt = (xs: number[]) => xs.map(x => x.toFixed(2)).join(' ');
    console.log(
      `baseline (node + read + yaml parse): median ${baseMedian.toFixed(
        2,
      )} s  [${fmt(base)}]`,
    );
    console.log(
      `ai-readiness check --format json:    median ${cliMedian.toFixed(
        2,
      )} s  [${fmt(cli)}]`,
    );
    console.log(
      `ratio ${(cliMedian / baseMedian).toFixed(
        2,
      )}x the baseline; target ≤ ${TARGET_SECONDS} s wall: ${
        cliMedian <= TARGET_SECONDS ? 'met' : 'MISSED'
      }`,
    );

    // Is the second YAML parser (js-yaml's event parser, the fast path) worth
    // its code? The same files parsed in-process by each, then its share of a
    // whole run.
    const texts = listYaml(dir).map(f => fs.readFileSync(f, 'utf8'));
    const parseAll = (parse: (t: string) => unknown) => {
      const start = process.hrtime.bigint();
      for (const t of texts) parse(t);
      return Number(process.hrtime.bigint() - start) / 1e9;
    };
    parseAll(parseFast);
    parseAll(parseWithYamlPackage);
    const fast: number[] = [];
    const slow: number[] = [];
    for (let i = 0; i < runs; i++) {
      fast.push(parseAll(parseFast));
      slow.push(parseAll(parseWithYamlPackage));
    }
    const fastMedian = median(fast);
    const slowMedian = median(slow);
    const saved = slowMedian - fastMedian;
    console.log(
      `YAML parse of the same files: yaml package median ${slowMedian.toFixed(
        2,
      )} s, js-yaml fast path median ${fastMedian.toFixed(2)} s: ratio ${(
        slowMedian / fastMedian
      ).toFixed(2)}x; the second parser saves ${saved.toFixed(2)} s = ${(
        (saved / (cliMedian + saved)) *
        100
      ).toFixed(0)}% of a whole run`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
