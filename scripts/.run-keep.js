#!/usr/bin/env node
/*
 * Runs a TypeScript file from this repository without a build step: esbuild
 * bundles it together with the workspace packages (whose "main" is src/*.ts)
 * and keeps every other package external, so native modules load as usual.
 *
 * Usage: node scripts/run-ts.js path/to/file.ts [args...]
 */
const path = require('path');
const fs = require('fs');
const os = require('os');
const esbuild = require('esbuild');

async function main() {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    console.error('usage: node scripts/run-ts.js FILE.ts [args...]');
    process.exit(2);
  }
  const outDir = process.env.KEEP_BUNDLE || fs.mkdtempSync(path.join(os.tmpdir(), "run-ts-")); fs.mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, 'bundle.cjs');
  await esbuild.build({
    entryPoints: [path.resolve(entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: [
      {
        name: 'externalize-non-workspace',
        setup(build) {
          // Externals resolve from the importing file's folder, so that a workspace
          // package gets its own dependency versions (e.g. zod 3 under a root zod 4).
          build.onResolve({ filter: /^[^./]/ }, a => {
            if (a.path.startsWith('@ai-readiness/')) return undefined;
            try {
              return {
                path: require.resolve(a.path, { paths: [a.resolveDir] }),
                external: true,
              };
            } catch {
              return { path: a.path, external: true };
            }
          });
        },
      },
    ],
  });
  process.argv = [process.argv[0], path.resolve(entry), ...args];
  // Resolve externals from the entry's folder, as if the file ran in place.
  const Module = require('module');
  const req = Module.createRequire(path.resolve(entry));
  const code = fs.readFileSync(outfile, 'utf8');
  const m = new Module(path.resolve(entry));
  m.filename = path.resolve(entry);
  m.paths = Module._nodeModulePaths(path.dirname(path.resolve(entry)));
  m.require = req;
  m._compile(code, path.resolve(entry));
  if (process.env.KEEP_BUNDLE) return;
  fs.rmSync(outDir, { recursive: true, force: true });
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
