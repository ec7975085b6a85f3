#!/usr/bin/env node
/*
 * Bundles the CLI (src/main.ts, the engine from the workspace, yaml and the
 * rest) into one file, dist/ai-readiness.js, so that `npx ai-readiness` starts
 * fast and needs no TypeScript at run time. Run by the root postinstall, by
 * `npm run build -w @ai-readiness/cli`, and by bin/ai-readiness when the
 * bundle is missing or older than its sources.
 *
 * dist/inputs.json lists the bundle's own sources (not node_modules), so that
 * the binary can tell cheaply whether the bundle is stale.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const root = __dirname;
const distDir = path.join(root, 'dist');
const outfile = path.join(distDir, 'ai-readiness.js');
const inputsFile = path.join(distDir, 'inputs.json');

/** Writes a file atomically, so a concurrent reader sees the old or the new one. */
function writeAtomic(file, contents) {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

function buildSync() {
  const esbuild = require('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [path.join(root, 'src', 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    write: false,
    metafile: true,
    absWorkingDir: root,
    logLevel: 'silent',
    legalComments: 'none',
    // Node builtins stay external (platform node); everything else is bundled.
  });
  fs.mkdirSync(distDir, { recursive: true });
  const inputs = Object.keys(result.metafile.inputs)
    .filter(p => !p.split(/[\\/]/).includes('node_modules'))
    .map(p => path.relative(root, path.resolve(root, p)));
  for (const file of result.outputFiles) {
    writeAtomic(file.path, file.contents);
  }
  writeAtomic(inputsFile, `${JSON.stringify(inputs, null, 1)}\n`);
  return outfile;
}

/** True when the bundle is missing, or one of its sources is newer than it. */
function isStale() {
  let builtAt;
  try {
    builtAt = fs.statSync(outfile).mtimeMs;
  } catch {
    return true;
  }
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(inputsFile, 'utf8'));
  } catch {
    return false; // a packaged build without its sources
  }
  for (const input of inputs) {
    try {
      if (fs.statSync(path.resolve(root, input)).mtimeMs > builtAt) return true;
    } catch {
      // a source that is gone: whatever imported it changed too
    }
  }
  return false;
}

module.exports = { buildSync, isStale, outfile };

if (require.main === module) {
  try {
    buildSync();
    console.log(`built ${path.relative(process.cwd(), outfile) || outfile}`);
  } catch (e) {
    console.error(e.errors ? e.message : e);
    process.exit(1);
  }
}
