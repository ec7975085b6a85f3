/*
 * What the CLI's end-to-end tests share (cli.*.test.ts): the CLI run in this
 * process (`runCli`: run(), which the binary calls with the process's
 * streams), the real binary (bin/ai-readiness) as a child process (`cli`: the
 * conformance catalog, stdin, help and version), the repository's
 * conformance catalog, and a fresh temp dir per test.
 */
import { execFileSync, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { run } from '../run';

export const cliDir = path.resolve(__dirname, '..', '..');
export const repoRoot = path.resolve(cliDir, '..', '..');
export const bin = path.join(cliDir, 'bin', 'ai-readiness');
// the conformance catalog kept in the repository (conformance/)
export const conformanceDir = path.join(repoRoot, 'conformance');
export const catalogFile = path.join(conformanceDir, 'catalog.yaml');
export const expected = JSON.parse(
  fs.readFileSync(path.join(conformanceDir, 'expected.json'), 'utf8'),
) as {
  asOf: string;
  scorecards: Record<
    string,
    {
      level: string;
      checks: Record<string, string>;
      drift: boolean;
      /** The scope rule that makes it a pilot, where the case pins it. */
      scope?: string;
      /** The weakest link's cap, where the case has one (null otherwise). */
      cap?: { level: string; by: string[] };
    }
  >;
  absent: string[];
};
export const AS_OF = expected.asOf;

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of the child: no colour or CI settings inherited from the runner. */
export function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of [
    'NO_COLOR',
    'FORCE_COLOR',
    'GITHUB_STEP_SUMMARY',
    'NODE_OPTIONS',
  ]) {
    delete env[name];
  }
  return env;
}

export function cli(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; input?: string } = {},
): Result {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? repoRoot,
    env: { ...baseEnv(), ...opts.env },
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The CLI in this process: run() with the arguments, directory and
 * environment the binary would get (stdout not a terminal), without a
 * process start per call.
 */
export async function runCli(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
    cwd: opts.cwd ?? repoRoot,
    env: { ...baseEnv(), ...opts.env },
    isTTY: false,
  });
  return { code, stdout, stderr };
}

export function json(r: Result): any {
  try {
    return JSON.parse(r.stdout);
  } catch (e) {
    throw new Error(
      `stdout is not JSON (exit ${r.code}):\n${r.stdout}\nstderr:\n${r.stderr}`,
    );
  }
}

export const NO_STACK = /\n\s+at .+\(.*:\d+:\d+\)/;
// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[\d+m/;

export let tmp: string;
export function tmpFile(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** 1-based line where the document of `name` starts (the line after its ---). */
export function docStartLine(text: string, name: string): number {
  const lines = text.split('\n');
  const at = lines.findIndex(l => l === `  name: ${name}`);
  let i = at;
  while (i > 0 && lines[i - 1] !== '---') i--;
  return i + 1;
}

export const PILOT = (
  name: string,
  extra = '',
) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    ai-readiness/risk-tier: limited
${extra}spec:
  type: ai-pilot
  lifecycle: experimental
  owner: team-a
`;
export const TEAM = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec:
  type: team
  children: []
`;

/**
 * Registers the hooks every CLI end-to-end test file needs: a fresh `tmp`,
 * and for a file that runs the binary, the binary built once up front (so
 * that no test pays for, or races on, a rebuild; the build writes
 * atomically, so files running at once are safe).
 */
export function useCliHarness(options: { binary?: boolean } = {}) {
  if (options.binary) {
    beforeAll(() => {
      execFileSync(process.execPath, [path.join(cliDir, 'build.js')], {
        cwd: cliDir,
      });
    }, 120_000);
  }

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-readiness-cli-'));
  });

  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  jest.setTimeout(60_000);
}
