#!/usr/bin/env node
/*
 * Builds the production backend bundle into packages/backend/dist:
 *   skeleton.tar.gz  the package.json files of the backend and of every
 *                    workspace package it depends on (for the install step)
 *   bundle.tar.gz    those packages as they would be published (dist/,
 *                    migrations/, compiled config schema), plus the root
 *                    package.json, package-lock.json and .npmrc
 *
 * It is `backstage-cli package build` for a backend, with one difference.
 * That command copies the repository root's `yarn.lock` verbatim into the
 * bundle (createDistWorkspace's default `files: ['yarn.lock', 'package.json']`)
 * so that an image can run a frozen `yarn install` against it; it reads
 * nothing from the lock, but fails when there is none. This repository uses
 * npm, so the bundle carries package-lock.json and .npmrc instead, and the
 * image installs with `npm ci` (packages/backend/Dockerfile).
 *
 * The workspace dependencies (plugins/*, packages/app) must be built first:
 * `npm run build` does that (tsc, build:packages, the app), then this script.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const backendDir = path.join(root, 'packages', 'backend');

// @backstage/cli-module-build has no `exports` map; these are the modules that
// `backstage-cli package build` itself uses for a backend.
const buildModule = path.dirname(
  require.resolve('@backstage/cli-module-build/package.json', {
    paths: [path.dirname(require.resolve('@backstage/cli/package.json'))],
  }),
);
const lib = p => require(path.join(buildModule, 'dist', 'lib', p));

async function main() {
  process.chdir(backendDir); // the CLI's target paths follow the working folder
  const { createDistWorkspace } = lib('packager/createDistWorkspace.cjs.js');
  const { buildPackage } = lib('builder/packager.cjs.js');
  const { Output } = lib('builder/types.cjs.js');
  const { PackageGraph } = require(require.resolve('@backstage/cli-node', {
    paths: [buildModule],
  }));
  const tar = require(require.resolve('tar', { paths: [buildModule] }));

  const pkg = JSON.parse(
    fs.readFileSync(path.join(backendDir, 'package.json'), 'utf8'),
  );
  await buildPackage({
    targetDir: backendDir,
    packageJson: pkg,
    outputs: new Set([Output.cjs]),
    minify: false,
    workspacePackages: await PackageGraph.listTargetPackages(),
  });

  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backstage-bundle'));
  try {
    await createDistWorkspace([pkg.name], {
      targetDir: tmpDir,
      buildDependencies: false,
      skeleton: 'skeleton.tar.gz',
      files: ['package.json', 'package-lock.json', '.npmrc'],
    });
    const distDir = path.join(backendDir, 'dist');
    fs.rmSync(distDir, { recursive: true, force: true });
    fs.mkdirSync(distDir);
    fs.renameSync(
      path.join(tmpDir, 'skeleton.tar.gz'),
      path.join(distDir, 'skeleton.tar.gz'),
    );
    await tar.create(
      {
        file: path.join(distDir, 'bundle.tar.gz'),
        cwd: tmpDir,
        portable: true,
        noMtime: true,
        gzip: true,
      },
      [''],
    );
    console.log(
      `backend bundle: ${path.relative(
        root,
        distDir,
      )}/{skeleton,bundle}.tar.gz`,
    );
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
