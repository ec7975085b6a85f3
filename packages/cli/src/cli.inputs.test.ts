/*
 * End-to-end: the real binary on bad and generated inputs, and its help and
 * version.
 */
import fs from 'fs';
import path from 'path';
import {
  cliDir,
  catalogFile,
  expected,
  AS_OF,
  cli,
  runCli,
  json,
  NO_STACK,
  tmp,
  tmpFile,
  PILOT,
  TEAM,
  useCliHarness,
} from './__testUtils__/cliHarness';

useCliHarness({ binary: true });

describe('bad input', () => {
  it('reports a path that cannot be read, and still scores the rest (exit 2)', async () => {
    const r = await runCli([
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

  it('reports invalid YAML with its line and keeps the valid documents of the file', async () => {
    tmpFile(
      'catalog.yaml',
      `${TEAM}---\n${PILOT(
        'good-bot',
      )}---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: broken\n  title: a: b\n`,
    );
    const r = await runCli(
      ['check', 'catalog.yaml', '--format', 'json', '--as-of', AS_OF],
      { cwd: tmp },
    );
    expect(r.code).toBe(2);
    const out = json(r);
    expect(out.scorecards.map((c: any) => c.entityRef)).toEqual([
      'component:default/good-bot',
    ]);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toMatchObject({ file: 'catalog.yaml', line: 24 });
    expect(out.errors[0].message).toMatch(/^invalid YAML: /);
    expect(r.stderr).toMatch(
      /^ai-readiness: catalog\.yaml:24: invalid YAML: /m,
    );
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('reports documents that are not entities, with file and line', async () => {
    tmpFile(
      'things.yaml',
      `${PILOT(
        'bot',
      )}---\n- just\n- a list\n---\n# no metadata here\napiVersion: v1\nkind: Component\nspec: {}\n---\n---\n`,
    );
    const r = await runCli(
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

  it('reports a duplicate entity and keeps the first', async () => {
    tmpFile('a.yaml', PILOT('dup'));
    tmpFile('b.yaml', `${TEAM}---\n${PILOT('dup')}`);
    const r = await runCli(['check', 'a.yaml', 'b.yaml', '--format', 'json'], {
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
  ])('rejects %j with a usage error (exit 2)', async (args, message) => {
    const r = await runCli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('Run "ai-readiness --help" for usage.');
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(r.stdout).toBe('');
  });
});

describe('inputs', () => {
  it('reads directories recursively (*.yaml, *.yml), skipping node_modules, hidden and non-catalog files', async () => {
    tmpFile('catalog/org/teams.yml', TEAM);
    tmpFile(
      'catalog/pilots/bots.yaml',
      `${PILOT('bot-one')}---\n${PILOT('bot-two')}`,
    );
    tmpFile('catalog/app-config.yaml', 'app:\n  title: not an entity\n');
    tmpFile('catalog/node_modules/pkg/x.yaml', PILOT('hidden-one'));
    tmpFile('catalog/.github/workflows/ci.yaml', 'on: push\n');
    tmpFile('catalog/README.md', '# not yaml');
    const r = await runCli(
      ['check', 'catalog', '--format', 'json', '--as-of', AS_OF],
      {
        cwd: tmp,
      },
    );
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
    const table = await runCli(['check', 'catalog', '--as-of', AS_OF], {
      cwd: tmp,
    });
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

  it('reports an empty directory', async () => {
    fs.mkdirSync(path.join(tmp, 'empty'));
    const r = await runCli(['check', 'empty'], { cwd: tmp });
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
      '--exclude',
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
