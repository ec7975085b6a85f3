/*
 * End-to-end tests: the real binary (bin/ai-readiness) as a child process, on
 * the repository's conformance catalog and on inputs generated in temp dirs.
 */
import { execFileSync, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const cliDir = path.resolve(__dirname, '..');
const repoRoot = path.resolve(cliDir, '..', '..');
const bin = path.join(cliDir, 'bin', 'ai-readiness');
// the conformance catalog kept in the repository (conformance/)
const conformanceDir = path.join(repoRoot, 'conformance');
const catalogFile = path.join(conformanceDir, 'catalog.yaml');
const expected = JSON.parse(
  fs.readFileSync(path.join(conformanceDir, 'expected.json'), 'utf8'),
) as {
  asOf: string;
  scorecards: Record<
    string,
    { level: string; checks: Record<string, string>; drift: boolean }
  >;
  absent: string[];
};
const AS_OF = expected.asOf;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of the child: no colour or CI settings inherited from the runner. */
function baseEnv(): NodeJS.ProcessEnv {
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

function cli(
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

function json(r: Result): any {
  try {
    return JSON.parse(r.stdout);
  } catch (e) {
    throw new Error(
      `stdout is not JSON (exit ${r.code}):\n${r.stdout}\nstderr:\n${r.stderr}`,
    );
  }
}

const NO_STACK = /\n\s+at .+\(.*:\d+:\d+\)/;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[\d+m/;

let tmp: string;
function tmpFile(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** 1-based line where the document of `name` starts (the line after its ---). */
function docStartLine(text: string, name: string): number {
  const lines = text.split('\n');
  const at = lines.findIndex(l => l === `  name: ${name}`);
  let i = at;
  while (i > 0 && lines[i - 1] !== '---') i--;
  return i + 1;
}

const PILOT = (name: string, extra = '') => `apiVersion: backstage.io/v1alpha1
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
const TEAM = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec:
  type: team
  children: []
`;

beforeAll(() => {
  // Build once up front, so that no test pays for (or races on) a rebuild.
  execFileSync(process.execPath, [path.join(cliDir, 'build.js')], {
    cwd: cliDir,
  });
}, 120_000);

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-readiness-cli-'));
});

afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

jest.setTimeout(60_000);

describe('conformance catalog', () => {
  it('scores every pilot as expected.json says, in JSON', () => {
    const r = cli(['check', catalogFile, '--as-of', AS_OF, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = json(r);
    expect(Object.keys(out).sort()).toEqual(['asOf', 'errors', 'scorecards']);
    expect(out.asOf).toBe(AS_OF);
    expect(out.errors).toEqual([]);
    const byRef = new Map<string, any>(
      out.scorecards.map((c: any) => [c.entityRef, c]),
    );
    expect([...byRef.keys()].sort()).toEqual(
      Object.keys(expected.scorecards).sort(),
    );
    for (const [ref, want] of Object.entries(expected.scorecards)) {
      const card = byRef.get(ref);
      expect({ ref, level: card.level }).toEqual({ ref, level: want.level });
      expect(card.asOf).toBe(AS_OF);
      const statuses: Record<string, string> = {};
      for (const dim of card.dimensions) {
        for (const check of dim.checks) statuses[check.id] = check.status;
      }
      for (const [id, status] of Object.entries(want.checks)) {
        expect({ ref, id, status: statuses[id] }).toEqual({ ref, id, status });
      }
      expect({ ref, drift: card.drift.length > 0 }).toEqual({
        ref,
        drift: want.drift,
      });
    }
    for (const ref of expected.absent) expect(byRef.has(ref)).toBe(false);
  });

  it('exits 1 when a pilot is below --min-level, 0 when none is', () => {
    const levels = Object.values(expected.scorecards).map(c => c.level);
    expect(levels).toContain('L0'); // so that L1 must fail and L0 must pass
    expect(
      cli(['check', catalogFile, '--as-of', AS_OF, '--min-level', 'L0']).code,
    ).toBe(0);
    const r1 = cli([
      'check',
      catalogFile,
      '--as-of',
      AS_OF,
      '--min-level',
      'L1',
    ]);
    expect(r1.code).toBe(1);
    const belowL1 = Object.entries(expected.scorecards).filter(
      ([, c]) => c.level === 'L0',
    );
    for (const [ref] of belowL1) {
      expect(r1.stdout).toMatch(new RegExp(`^${ref} .* below L1$`, 'm'));
    }
    expect(
      cli(['check', catalogFile, '--as-of', AS_OF, '--min-level', 'l3']).code,
    ).toBe(1);
  });

  it('prints a readable table by default, without colour when stdout is not a terminal', () => {
    const relative = path.relative(repoRoot, catalogFile); // conformance/catalog.yaml
    const r = cli(['check', relative, '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(ANSI);
    const count = Object.keys(expected.scorecards).length;
    expect(r.stdout).toContain(
      `AI readiness as of ${AS_OF} — ${count} AI pilots`,
    );
    expect(r.stdout).toMatch(
      /^PILOT\s+LEVEL\s+SCORE\s+BLOCKS THE NEXT LEVEL$/m,
    );
    expect(r.stdout).toMatch(
      /^component:default\/claims-triage\s+L3 Production\s+\d+\s+—$/m,
    );
    expect(r.stdout).toMatch(
      /^component:default\/claims-summarizer\s+L0 Unready\s+\d+\s+L1: .*SEC-1/m,
    );
    // The details section of a pilot lists its gaps with status and message.
    expect(r.stdout).toMatch(/^ {2}✗ OWN-2★\s+fail\s+.+: .+$/m);
    const text = fs.readFileSync(catalogFile, 'utf8');
    expect(r.stdout).toContain(
      `component:default/claims-summarizer  L0 Unready  score `,
    );
    expect(r.stdout).toContain(
      `(${relative}:${docStartLine(text, 'claims-summarizer')})`,
    );
  });

  it('colours the table only when asked (FORCE_COLOR) and never with NO_COLOR', () => {
    const forced = cli(['check', catalogFile, '--as-of', AS_OF], {
      env: { FORCE_COLOR: '1' },
    });
    expect(forced.stdout).toMatch(ANSI);
    const both = cli(['check', catalogFile, '--as-of', AS_OF], {
      env: { FORCE_COLOR: '1', NO_COLOR: '1' },
    });
    expect(both.stdout).not.toMatch(ANSI);
  });

  it('writes a Markdown PR comment: a table of pilots and details with remediation YAML', () => {
    const r = cli([
      'check',
      catalogFile,
      '--as-of',
      AS_OF,
      '--format',
      'markdown',
      '--min-level',
      'L2',
    ]);
    expect(r.code).toBe(1);
    const md = r.stdout;
    expect(md).toMatch(/^## AI readiness$/m);
    expect(md).toContain('| Pilot | Level | Score | Blocks the next level |');
    expect(md).toMatch(
      /^\| ✅ `component:default\/claims-triage` \| L3 Production \| \d+ \| — \|$/m,
    );
    expect(md).toMatch(
      /^\| ❌ `component:default\/claims-summarizer` \| L0 Unready \| \d+ \| L1: .*SEC-1.* \|$/m,
    );
    const sections = md.split('<details>').slice(1);
    expect(sections).toHaveLength(Object.keys(expected.scorecards).length);
    const summarizer = sections.find(s =>
      s.includes('component:default/claims-summarizer'),
    )!;
    expect(summarizer).toMatch(/^\| OWN-2 ★ .+ \| fail \| .+ \| .+ \|$/m);
    expect(summarizer).toMatch(
      /```yaml\n(.|\n)*ai-readiness\/risk-tier(.|\n)*```/,
    );
    expect(summarizer).toContain('</details>');
  });

  it("keeps a Markdown comment within GitHub's 65,536 characters on a large catalog", () => {
    const pilots = Array.from({ length: 1500 }, (_, i) => PILOT(`bot-${i}`));
    tmpFile('many.yaml', [TEAM, ...pilots].join('---\n'));
    const r = cli(['check', 'many.yaml', '--format', 'markdown'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeLessThanOrEqual(65_536);
    expect(r.stdout).toMatch(/^\| `component:default\/bot-0` \| L\d /m);
    expect(r.stdout).toMatch(
      /^_\d+ more pilots left out to fit a comment; run `ai-readiness check --format json` for all of them\._$/m,
    );
    expect(r.stdout).toMatch(
      /^_Details of \d+ more pilots left out to fit a comment/m,
    );
  });

  it('annotates GitHub Actions with file and line of the pilot document', () => {
    const text = fs.readFileSync(catalogFile, 'utf8');
    fs.copyFileSync(catalogFile, path.join(tmp, 'catalog.yaml'));
    const r = cli(
      [
        'check',
        'catalog.yaml',
        '--as-of',
        AS_OF,
        '--format',
        'github',
        '--min-level',
        'L1',
      ],
      {
        cwd: tmp,
      },
    );
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    const line = docStartLine(text, 'claims-summarizer');
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^::error file=catalog\\.yaml,line=${line},title=AI readiness%3A component%3Adefault/claims-summarizer is L0%2C below L1::component:default/claims-summarizer is at L0 Unready`,
        ),
      ),
    );
    // Gate checks short of pass: one error; other gaps: one warning; multi-line messages escaped.
    const gate = lines.find(l =>
      l.startsWith(
        `::error file=catalog.yaml,line=${line},title=AI readiness%3A component%3Adefault/claims-summarizer%3A `,
      ),
    )!;
    expect(gate).toMatch(/gate checks? short of pass::/);
    expect(gate).toMatch(/::.*OWN-2 .*\(fail\): .*%0A/);
    const warning = lines.find(l =>
      l.startsWith(`::warning file=catalog.yaml,line=${line},`),
    )!;
    expect(warning).toMatch(/OWN-4 .*\(fail\)/);
    // A pilot at L3 gets no error annotation.
    const triageLine = docStartLine(text, 'claims-triage');
    expect(
      lines.filter(l =>
        l.startsWith(`::error file=catalog.yaml,line=${triageLine},`),
      ),
    ).toEqual([]);
    for (const l of lines.slice(0, -1))
      expect(l).toMatch(/^::(error|warning) /);
    expect(lines[lines.length - 1]).toMatch(
      /^AI readiness as of 2026-11-25: \d+ AI pilots .*below L1\.$/,
    );
  });

  it('appends the Markdown report to $GITHUB_STEP_SUMMARY in github format', () => {
    const summary = path.join(tmp, 'summary.md');
    const r = cli(
      ['check', catalogFile, '--as-of', AS_OF, '--format', 'github'],
      {
        env: { GITHUB_STEP_SUMMARY: summary },
      },
    );
    expect(r.code).toBe(0);
    expect(fs.readFileSync(summary, 'utf8')).toContain(
      '| Pilot | Level | Score | Blocks the next level |',
    );
  });
});

describe('--entity', () => {
  it('narrows the output to one pilot (kind defaults to component)', () => {
    const r = cli([
      'check',
      catalogFile,
      '--as-of',
      AS_OF,
      '--format',
      'json',
      '--entity',
      'claims-triage',
    ]);
    expect(r.code).toBe(0);
    const out = json(r);
    expect(out.scorecards.map((c: any) => c.entityRef)).toEqual([
      'component:default/claims-triage',
    ]);
  });

  it('gates only the chosen pilot', () => {
    const ok = cli([
      'check',
      catalogFile,
      '--as-of',
      AS_OF,
      '--entity',
      'component:default/claims-triage',
      '--min-level',
      'L3',
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).not.toContain('claims-summarizer');
    const low = cli([
      'check',
      catalogFile,
      '--as-of',
      AS_OF,
      '--entity',
      'component:default/claims-summarizer',
      '--min-level',
      'L1',
    ]);
    expect(low.code).toBe(1);
  });

  it('rejects an unknown entity, a non-pilot and a malformed reference with exit 2', () => {
    const unknown = cli([
      'check',
      catalogFile,
      '--entity',
      'component:default/nope',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'no entity component:default/nope in the inputs',
    );
    expect(unknown.stdout).toBe('');
    const notPilot = cli(['check', catalogFile, '--entity', 'group:ml']);
    expect(notPilot.code).toBe(2);
    expect(notPilot.stderr).toContain(
      'group:default/ml is in the inputs but is not an AI pilot',
    );
    const bad = cli([
      'check',
      catalogFile,
      '--entity',
      'component:default/a b',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--entity must be an entity reference');
    for (const r of [unknown, notPilot, bad])
      expect(r.stderr).not.toMatch(NO_STACK);
  });
});

describe('--config', () => {
  it('applies disabledChecks and customChecks from the aiReadiness key', () => {
    const config = tmpFile(
      'app-config.yaml',
      `app:
  title: ignored
aiReadiness:
  disabledChecks: [OWN-4]
  customChecks:
    - id: ACME-PENTEST
      dimension: security
      title: Pen test done
      rule: { type: annotation, key: acme.com/pentest-report }
      remediation:
        text: Link the pen test report.
        yaml: "metadata:\\n  annotations:\\n    acme.com/pentest-report: https://example.com\\n"
`,
    );
    const plain = json(
      cli([
        'check',
        catalogFile,
        '--as-of',
        AS_OF,
        '--format',
        'json',
        '--entity',
        'claims-summarizer',
      ]),
    );
    const configured = cli([
      'check',
      catalogFile,
      '--as-of',
      AS_OF,
      '--format',
      'json',
      '--entity',
      'claims-summarizer',
      '--config',
      config,
    ]);
    expect(configured.code).toBe(0);
    const ids = (card: any) =>
      card.dimensions.flatMap((d: any) =>
        d.checks
          .filter((c: any) => c.status !== 'not-applicable')
          .map((c: any) => c.id),
      );
    expect(ids(plain.scorecards[0])).toContain('OWN-4');
    expect(ids(plain.scorecards[0])).not.toContain('ACME-PENTEST');
    const card = json(configured).scorecards[0];
    expect(ids(card)).not.toContain('OWN-4');
    const security = card.dimensions.find((d: any) => d.id === 'security');
    const custom = security.checks.find((c: any) => c.id === 'ACME-PENTEST');
    expect(custom).toMatchObject({ status: 'fail', title: 'Pen test done' });
    expect(custom.message).toContain('acme.com/pentest-report');
  });

  it('rejects an invalid config naming the key, exit 2', () => {
    const config = tmpFile(
      'bad-config.yaml',
      'aiReadiness:\n  weights:\n    ownership: high\n',
    );
    const r = cli(['check', catalogFile, '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('aiReadiness.weights.ownership');
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(r.stdout).toBe('');
    const unknownKey = tmpFile(
      'bad-config-2.yaml',
      'aiReadiness:\n  disabledCheck: [OWN-4]\n',
    );
    const r2 = cli(['check', catalogFile, '--config', unknownKey]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('aiReadiness.disabledCheck');
  });

  it('reports a config file that cannot be read or parsed', () => {
    const missing = cli([
      'check',
      catalogFile,
      '--config',
      path.join(tmp, 'nope.yaml'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /cannot read the config file .*nope\.yaml: no such file/,
    );
    const broken = tmpFile(
      'broken.yaml',
      'aiReadiness:\n  weights: {ownership: 1\n  other: [\n',
    );
    const r = cli(['check', catalogFile, '--config', broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /broken\.yaml:\d+: invalid YAML in the config file/,
    );
  });
});

describe('bad input', () => {
  it('reports a path that cannot be read, and still scores the rest (exit 2)', () => {
    const r = cli([
      'check',
      catalogFile,
      'no/such/dir',
      '--as-of',
      AS_OF,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(2);
    const out = json(r);
    expect(out.errors).toEqual([
      {
        file: 'no/such/dir',
        line: null,
        message: 'cannot read: no such file or directory',
      },
    ]);
    expect(out.scorecards).toHaveLength(
      Object.keys(expected.scorecards).length,
    );
    expect(r.stderr).toContain(
      'ai-readiness: no/such/dir: cannot read: no such file or directory',
    );
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('reports invalid YAML with its line and keeps the valid documents of the file', () => {
    tmpFile(
      'catalog.yaml',
      `${TEAM}---\n${PILOT(
        'good-bot',
      )}---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: broken\n  title: a: b\n`,
    );
    const r = cli(
      ['check', 'catalog.yaml', '--format', 'json', '--as-of', AS_OF],
      { cwd: tmp },
    );
    expect(r.code).toBe(2);
    const out = json(r);
    expect(out.scorecards.map((c: any) => c.entityRef)).toEqual([
      'component:default/good-bot',
    ]);
    expect(out.errors.length).toBeGreaterThan(0);
    expect(out.errors[0]).toMatchObject({ file: 'catalog.yaml', line: 24 });
    expect(out.errors[0].message).toMatch(/^invalid YAML: /);
    expect(r.stderr).toMatch(
      /^ai-readiness: catalog\.yaml:24: invalid YAML: /m,
    );
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('reports documents that are not entities, with file and line', () => {
    tmpFile(
      'things.yaml',
      `${PILOT(
        'bot',
      )}---\n- just\n- a list\n---\n# no metadata here\napiVersion: v1\nkind: Component\nspec: {}\n---\n---\n`,
    );
    const r = cli(
      ['check', 'things.yaml', '--format', 'json', '--as-of', AS_OF],
      { cwd: tmp },
    );
    expect(r.code).toBe(2);
    const out = json(r);
    expect(out.errors).toEqual([
      {
        file: 'things.yaml',
        line: 12,
        message: expect.stringMatching(/not a catalog entity.*found a list/),
      },
      {
        file: 'things.yaml',
        line: 16,
        message: expect.stringMatching(
          /not a catalog entity: metadata\.name is missing/,
        ),
      },
    ]);
    expect(out.scorecards.map((c: any) => c.entityRef)).toEqual([
      'component:default/bot',
    ]);
  });

  it('reports a duplicate entity and keeps the first', () => {
    tmpFile('a.yaml', PILOT('dup'));
    tmpFile('b.yaml', `${TEAM}---\n${PILOT('dup')}`);
    const r = cli(['check', 'a.yaml', 'b.yaml', '--format', 'json'], {
      cwd: tmp,
    });
    expect(r.code).toBe(2);
    const out = json(r);
    expect(out.errors).toEqual([
      {
        file: 'b.yaml',
        line: 9,
        message:
          'duplicate entity component:default/dup: already defined at a.yaml:1; this one is ignored',
      },
    ]);
    expect(out.scorecards).toHaveLength(1);
  });

  it.each([
    [
      ['check', '--min-level', 'L7'],
      '--min-level must be one of L0, L1, L2, L3 or target, found "L7"',
    ],
    [
      ['check', '--as-of', '2026-13-45'],
      '--as-of must be a calendar date written YYYY-MM-DD, found "2026-13-45"',
    ],
    [['check', '--as-of', '2026-02-30'], 'found "2026-02-30"'],
    [
      ['check', '--format', 'xml'],
      '--format must be one of table, json, markdown, github, found "xml"',
    ],
    [['check', '--bogus'], 'unknown option "--bogus"'],
    [['check', '--format'], 'option --format needs a value'],
    [['score', 'x.yaml'], 'unknown command "score"'],
    [[], 'missing command'],
  ])('rejects %j with a usage error (exit 2)', (args, message) => {
    const r = cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('Run "ai-readiness --help" for usage.');
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(r.stdout).toBe('');
  });
});

describe('inputs', () => {
  it('reads directories recursively (*.yaml, *.yml), skipping node_modules, hidden and non-catalog files', () => {
    tmpFile('catalog/org/teams.yml', TEAM);
    tmpFile(
      'catalog/pilots/bots.yaml',
      `${PILOT('bot-one')}---\n${PILOT('bot-two')}`,
    );
    tmpFile('catalog/app-config.yaml', 'app:\n  title: not an entity\n');
    tmpFile('catalog/node_modules/pkg/x.yaml', PILOT('hidden-one'));
    tmpFile('catalog/.github/workflows/ci.yaml', 'on: push\n');
    tmpFile('catalog/README.md', '# not yaml');
    const r = cli(['check', 'catalog', '--format', 'json', '--as-of', AS_OF], {
      cwd: tmp,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = json(r);
    expect(out.scorecards.map((c: any) => c.entityRef)).toEqual([
      'component:default/bot-one',
      'component:default/bot-two',
    ]);
    // The owner from the other file resolves: the graph is built from all inputs.
    // team-a has no members: partial, where an unresolved owner would fail.
    const own1 = out.scorecards[0].dimensions[0].checks.find(
      (c: any) => c.id === 'OWN-1',
    );
    expect(own1.status).toBe('partial');
    const table = cli(['check', 'catalog', '--as-of', AS_OF], { cwd: tmp });
    expect(table.stdout).toContain(
      'Skipped 1 YAML file without catalog entities: catalog/app-config.yaml',
    );
    expect(table.stdout).toMatch(/\(catalog\/pilots\/bots\.yaml:12\)/);
  });

  it('reads the current directory without paths, and stdin from -', () => {
    tmpFile('catalog-info.yaml', `${TEAM}---\n${PILOT('here-bot')}`);
    const here = json(cli(['check', '--format', 'json'], { cwd: tmp }));
    expect(here.scorecards.map((c: any) => c.entityRef)).toEqual([
      'component:default/here-bot',
    ]);
    const piped = cli(['check', '-', '--format', 'json'], {
      cwd: tmp,
      input: PILOT('piped-bot'),
    });
    expect(json(piped).scorecards.map((c: any) => c.entityRef)).toEqual([
      'component:default/piped-bot',
    ]);
  });

  it('reports an empty directory', () => {
    fs.mkdirSync(path.join(tmp, 'empty'));
    const r = cli(['check', 'empty'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'empty: the directory holds no *.yaml or *.yml file',
    );
    expect(r.stdout).toContain('No AI pilots found.');
  });
});

describe('help and version', () => {
  it('prints usage with --help and the version with --version', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(
      'Usage: ai-readiness check [FILE|DIR ...] [options]',
    );
    for (const flag of [
      '--as-of',
      '--format',
      '--min-level',
      '--entity',
      '--config',
    ]) {
      expect(help.stdout).toContain(flag);
    }
    expect(cli(['check', '--help']).stdout).toBe(help.stdout);
    const version = cli(['--version']);
    expect(version.code).toBe(0);
    const pkg = JSON.parse(
      fs.readFileSync(path.join(cliDir, 'package.json'), 'utf8'),
    );
    expect(version.stdout).toBe(`${pkg.version}\n`);
  });
});
