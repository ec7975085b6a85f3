#!/usr/bin/env node
/*
 * `npm run start:prod`: runs the production backend bundle with plain `node`
 * and NODE_ENV=production: no watcher, no transpiling, guest sign-in refused
 * unless `auth.providers.guest.dangerouslyAllowOutsideDevelopment` is set.
 *
 * It runs what packages/backend/Dockerfile copies into the image: the
 * bundle made by `npm run build` (packages/backend/dist/bundle.tar.gz) is
 * extracted into packages/backend/dist/bundle/, where each workspace package
 * of the bundle is linked into node_modules/ (what the image's `npm ci` does
 * for workspaces); third-party packages resolve from this repository's
 * node_modules, installed from the same package-lock.json the image uses.
 *
 *   npm run start:prod -- [--config extra.yaml ...]
 *
 * Config: app-config.yaml + app-config.production.yaml (PostgreSQL from
 * POSTGRES_HOST/PORT/USER/PASSWORD), then the extra --config files.
 * APP_CONFIG_FILES=a.yaml,b.yaml replaces the two default files.
 * SIGINT and SIGTERM are passed on to the backend.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const backendDir = path.join(root, 'packages', 'backend');
const bundleFile = path.join(backendDir, 'dist', 'bundle.tar.gz');
const bundleDir = path.join(backendDir, 'dist', 'bundle');

/** Extracts the bundle unless the extracted copy is from this very bundle. */
function extract() {
  if (!fs.existsSync(bundleFile)) {
    throw new Error(
      `${path.relative(
        root,
        bundleFile,
      )} not found: run \`npm run build\` first`,
    );
  }
  const stamp = path.join(bundleDir, '.bundle-mtime');
  const mtime = String(fs.statSync(bundleFile).mtimeMs);
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === mtime) return;

  fs.rmSync(bundleDir, { recursive: true, force: true });
  fs.mkdirSync(bundleDir, { recursive: true });
  const r = spawnSync('tar', ['xzf', bundleFile, '-C', bundleDir], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`could not extract ${bundleFile}`);

  // workspace packages of the bundle, linked by name; their own nested
  // dependencies (a different major of a package than the root's) are the
  // repository's, installed from the same lock
  for (const top of ['packages', 'plugins']) {
    const topDir = path.join(bundleDir, top);
    if (!fs.existsSync(topDir)) continue;
    for (const name of fs.readdirSync(topDir)) {
      const dir = path.join(topDir, name);
      const pkg = JSON.parse(
        fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
      );
      const link = path.join(bundleDir, 'node_modules', pkg.name);
      fs.mkdirSync(path.dirname(link), { recursive: true });
      fs.symlinkSync(path.relative(path.dirname(link), dir), link, 'dir');
      const nested = path.join(root, top, name, 'node_modules');
      if (fs.existsSync(nested)) {
        fs.symlinkSync(nested, path.join(dir, 'node_modules'), 'dir');
      }
    }
  }
  fs.writeFileSync(stamp, mtime);
}

function main(argv) {
  extract();
  if (argv[0] === '--extract-only') return;
  const files = process.env.APP_CONFIG_FILES
    ? process.env.APP_CONFIG_FILES.split(',').filter(Boolean)
    : ['app-config.yaml', 'app-config.production.yaml'];
  const configArgs = files.flatMap(f => ['--config', path.resolve(root, f)]);
  const child = spawn(
    process.execPath,
    [path.join(bundleDir, 'packages', 'backend'), ...configArgs, ...argv],
    {
      // catalog file locations in app-config.yaml are relative to packages/backend
      cwd: backendDir,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`[start:prod] ${e.message}`);
    process.exit(1);
  }
}

module.exports = { extract, bundleDir, backendDir };
