/*
 * Targets and campaigns in the CLI (shared/targets.md): `--min-level target`
 * and the validation of `targets`/`campaigns` read with `--config`.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { run, RunIO } from './run';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-readiness-targets-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (t: string) => {
      stdout += t;
    },
    stderr: (t: string) => {
      stderr += t;
    },
    env: {},
    isTTY: false,
    cwd: dir,
  } satisfies RunIO);
  return { code, stdout, stderr };
}

/** One pilot in production (default target L3, far from it) and one experimental (no target). */
const catalog = file(
  'catalog.yaml',
  `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: prod-bot }
spec: { type: ai-pilot, lifecycle: production, owner: group:default/ml }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: lab-bot }
spec: { type: ai-pilot, lifecycle: experimental, owner: group:default/ml }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: ml }
spec: { type: team, children: [] }
`,
);

describe('--min-level target', () => {
  it('gates each pilot at its own target; pilots without one pass', async () => {
    const all = await cli([
      'check',
      catalog,
      '--as-of',
      '2026-11-25',
      '--min-level',
      'target',
      '--format',
      'json',
    ]);
    expect(all.code).toBe(1);
    const cards = JSON.parse(all.stdout).scorecards;
    const prod = cards.find((c: any) => c.entityRef.endsWith('prod-bot'));
    expect(prod.target).toEqual({ level: 'L3', rule: 0, met: false });
    const lab = await cli([
      'check',
      catalog,
      '--as-of',
      '2026-11-25',
      '--min-level',
      'TARGET',
      '--entity',
      'lab-bot',
    ]);
    expect(lab.code).toBe(0);
  });

  it('reads targets from --config', async () => {
    const config = file(
      'targets.yaml',
      'aiReadiness:\n  targets:\n    - when: { lifecycle: [production] }\n      level: L0\n',
    );
    const r = await cli([
      'check',
      catalog,
      '--as-of',
      '2026-11-25',
      '--min-level',
      'target',
      '--config',
      config,
    ]);
    expect(r.code).toBe(0);
  });

  it('names the flag when the value is neither a level nor target', async () => {
    const r = await cli(['check', catalog, '--min-level', 'L9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--min-level must be one of L0, L1, L2, L3 or target',
    );
  });
});

describe('--config validates campaigns', () => {
  it.each([
    [
      'unknown check id',
      'goal: { checks: [SEC-1, NOPE-1] }',
      'aiReadiness.campaigns[0].goal.checks[1]: unknown check id "NOPE-1"',
    ],
    [
      'bad date',
      'goal: { level: L2 }\n      start: "2026-13-01"',
      'aiReadiness.campaigns[0].start',
    ],
    [
      'deadline before start',
      'goal: { level: L2 }\n      deadline: "2026-11-01"',
      'deadline 2026-11-01 is before start 2026-12-01',
    ],
  ])('%s: exit 2 naming the key', async (_what, extra, message) => {
    const base = {
      id: 'c1',
      title: 'T',
      owner: 'group:default/ml',
      start: '"2026-12-01"',
      deadline: '"2027-01-31"',
    };
    const lines = Object.entries(base)
      .filter(([k]) => !extra.includes(`${k}:`))
      .map(([k, v]) => `      ${k}: ${v}`);
    const config = file(
      `c-${_what.replace(/ /g, '-')}.yaml`,
      `aiReadiness:\n  campaigns:\n    - ${lines
        .join('\n')
        .trimStart()}\n      ${extra}\n`,
    );
    const r = await cli(['check', catalog, '--config', config]);
    expect(r.stderr).toContain(message);
    expect(r.code).toBe(2);
  });
});
