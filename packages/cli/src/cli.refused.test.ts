/*
 * End-to-end: the real binary on entities the catalog would refuse, on
 * malformed YAML (one error per line), and the note on references outside
 * the files read.
 */
import {
  AS_OF,
  runCli,
  json,
  NO_STACK,
  PILOT,
  TEAM,
  tmp,
  tmpFile,
  useCliHarness,
} from './__testUtils__/cliHarness';

useCliHarness();

describe('entities the catalog would refuse', () => {
  const FILE = `${TEAM}---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: Claims Bot
  annotations:
    ai-readiness/risk-tier: limited
spec:
  type: ai-pilot
  lifecycle: experimental
  owner: team-a
---
apiVersion: backstage.io/v1 alpha1
kind: Component
metadata:
  name: spaced-version
spec:
  type: ai-pilot
---
apiVersion: backstage.io/v1alpha1
kind: AI Resource
metadata:
  name: spaced-kind
spec:
  type: agent
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: bad-namespace
  namespace: Team_A
spec:
  type: ai-pilot
---
${PILOT('good-bot')}`;

  it('reports each at the line of the field, leaves them out, scores the rest, and exits 2', async () => {
    tmpFile('catalog.yaml', FILE);
    const r = await runCli(
      ['check', 'catalog.yaml', '--format', 'json', '--as-of', AS_OF],
      {
        cwd: tmp,
      },
    );
    expect(r.code).toBe(2);
    const out = json(r);
    const lines = FILE.split('\n');
    const lineOf = (text: string) => lines.indexOf(text) + 1;
    expect(out.errors).toEqual([
      {
        file: 'catalog.yaml',
        line: lineOf('  name: Claims Bot'),
        message: expect.stringMatching(
          /^metadata\.name "Claims Bot" breaks the catalog's rules: expected sequences of \[a-zA-Z0-9\] separated by any of \[-_\.\].*left out$/,
        ),
      },
      {
        file: 'catalog.yaml',
        line: lineOf('apiVersion: backstage.io/v1 alpha1'),
        message: expect.stringMatching(
          /^apiVersion "backstage\.io\/v1 alpha1" breaks the catalog's rules/,
        ),
      },
      {
        file: 'catalog.yaml',
        line: lineOf('kind: AI Resource'),
        message: expect.stringMatching(
          /^kind "AI Resource" breaks the catalog's rules/,
        ),
      },
      {
        file: 'catalog.yaml',
        line: lineOf('  namespace: Team_A'),
        message: expect.stringMatching(
          /^metadata\.namespace "Team_A" breaks the catalog's rules: expected sequences of \[a-z0-9\] separated by \[-\]/,
        ),
      },
    ]);
    expect(out.scorecards.map((c: any) => c.entityRef)).toEqual([
      'component:default/good-bot',
    ]);
    expect(r.stderr).toContain(
      `ai-readiness: catalog.yaml:${lineOf(
        '  name: Claims Bot',
      )}: metadata.name "Claims Bot" breaks`,
    );
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('leaves a refused entity out of the graph: references to it do not resolve', async () => {
    const owner = (name: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ${name}\nspec:\n  type: team\n  children: []\n`;
    const pilot = (ownerName: string) =>
      PILOT('owned-bot').replace('owner: team-a', `owner: ${ownerName}`);
    const own1 = async (text: string) => {
      tmpFile('catalog.yaml', text);
      const r = await runCli(
        ['check', 'catalog.yaml', '--format', 'json', '--as-of', AS_OF],
        {
          cwd: tmp,
        },
      );
      return {
        code: r.code,
        status: json(r)
          .scorecards[0].dimensions.flatMap((d: any) => d.checks)
          .find((c: any) => c.id === 'OWN-1').status,
      };
    };
    // A valid Group without members: the owner resolves (partial).
    expect(await own1(`${owner('ml-team')}---\n${pilot('ml-team')}`)).toEqual({
      code: 0,
      status: 'partial',
    });
    // The same Group with a name the catalog refuses: not in the graph (fail).
    expect(await own1(`${owner('ml-team.')}---\n${pilot('ml-team.')}`)).toEqual(
      {
        code: 2,
        status: 'fail',
      },
    );
  });

  it('annotates the field line in the github format', async () => {
    tmpFile('catalog.yaml', FILE);
    const r = await runCli(['check', 'catalog.yaml', '--format', 'github'], {
      cwd: tmp,
    });
    expect(r.code).toBe(2);
    const line = FILE.split('\n').indexOf('kind: AI Resource') + 1;
    expect(r.stdout).toContain(
      `::error file=catalog.yaml,line=${line},title=AI readiness%3A invalid input::kind "AI Resource" breaks`,
    );
  });
});

describe('one error per bad YAML line', () => {
  it('reports a stray list item in a mapping once, at its line', async () => {
    tmpFile(
      'catalog.yaml',
      `${PILOT(
        'good-bot',
      )}---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n  - stray\nspec:\n  type: ai-pilot\n`,
    );
    const r = await runCli(
      ['check', 'catalog.yaml', '--format', 'json', '--as-of', AS_OF],
      {
        cwd: tmp,
      },
    );
    expect(r.code).toBe(2);
    const out = json(r);
    const line = PILOT('good-bot').split('\n').length + 5;
    expect(out.errors).toEqual([
      {
        file: 'catalog.yaml',
        line,
        message:
          'invalid YAML: A block sequence may not be used as an implicit map key (column 1)',
      },
    ]);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.scorecards.map((c: any) => c.entityRef)).toEqual([
      'component:default/good-bot',
    ]);
  });
});

describe('the note on references outside the files', () => {
  const outsideCount = (stdout: string) => {
    const m = /(\d+) references? points? outside the files read/.exec(stdout);
    return m ? Number(m[1]) : 0;
  };
  const AGENT = `apiVersion: backstage.io/v1alpha1
kind: AiResource
metadata:
  name: billing-agent
spec:
  type: skill
  lifecycle: experimental
  owner: team-a
`;

  it('counts the handoffs a pilot makes to agents outside the files, once each', async () => {
    const base = `${TEAM}---\n${AGENT}---\n`;
    tmpFile('without.yaml', `${base}${PILOT('router-bot')}`);
    tmpFile(
      'with.yaml',
      `${base}${PILOT(
        'router-bot',
      )}  handoffs:\n    - billing-agent\n    - returns-agent\n    - AiResource:default/Returns-Agent\n`,
    );
    const without = await runCli(['check', 'without.yaml', '--as-of', AS_OF], {
      cwd: tmp,
    });
    const withHandoffs = await runCli(
      ['check', 'with.yaml', '--as-of', AS_OF],
      {
        cwd: tmp,
      },
    );
    expect(without.code).toBe(0);
    expect(withHandoffs.code).toBe(0);
    // billing-agent is in the file; returns-agent (written twice) is not.
    expect(outsideCount(withHandoffs.stdout)).toBe(
      outsideCount(without.stdout) + 1,
    );
    expect(withHandoffs.stdout).toContain(
      'a pilot outside the files caps nothing',
    );
  });
});
