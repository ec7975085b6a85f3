/*
 * End-to-end: the real binary on a repository shaped like the public catalogs
 * it meets (template skeletons, AI resources, an MCP server API): warnings,
 * why each entity is a pilot, the weakest link, and --exclude.
 */
import path from 'path';
import {
  AS_OF,
  runCli,
  json,
  PILOT,
  TEAM,
  tmp,
  tmpFile,
  useCliHarness,
} from './__testUtils__/cliHarness';
import {
  REAL_REPO_ENTITIES,
  writeRealRepo,
} from './__testUtils__/realRepoFixture';

useCliHarness();

const SKELETON = 'repo/templates/new-agent/skeleton/catalog-info.yaml';
const NUNJUCKS_SKELETON = 'repo/templates/new-agent/skeleton/tools-api.yaml';

describe('a repository with a scaffolder template', () => {
  it('skips the skeletons with warnings in JSON, reads the rest, and exits 0', async () => {
    writeRealRepo(path.join(tmp, 'repo'));
    const r = await runCli(
      ['check', 'repo', '--format', 'json', '--as-of', AS_OF],
      {
        cwd: tmp,
      },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = json(r);
    expect(out.errors).toEqual([]);
    expect(out.warnings).toEqual([
      {
        file: SKELETON,
        message: expect.stringMatching(
          /^skipped: a scaffolder template skeleton, not catalog data \(template syntax "\$\{\{" at line 4\)/,
        ),
      },
      {
        file: NUNJUCKS_SKELETON,
        message: expect.stringContaining('template syntax "{%" at line 1'),
      },
    ]);
    // Agents and the service that uses the model are pilots; the skill, the
    // MCP server API, the model and the Template are not, and the skeleton's
    // ${{ values.name }} never becomes an entity.
    expect(out.scorecards.map((c: any) => c.entityRef).sort()).toEqual([
      'airesource:default/billing-agent',
      'airesource:default/support-router',
      'component:default/support-assistant',
      'component:default/ticket-classifier',
    ]);
    // The pilot uses the MCP server API and the model from other files.
    const card = out.scorecards.find(
      (c: any) => c.entityRef === 'component:default/support-assistant',
    );
    const int6 = card.dimensions
      .flatMap((d: any) => d.checks)
      .find((c: any) => c.id === 'INT-6');
    expect(int6.status).toBe('pass');
  });

  it('prints the warnings on stderr in the table format, reads the Template entity, and keeps exit 0 under --min-level L0', async () => {
    writeRealRepo(path.join(tmp, 'repo'));
    const r = await runCli(
      ['check', 'repo', '--as-of', AS_OF, '--min-level', 'L0'],
      {
        cwd: tmp,
      },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `ai-readiness: warning: ${SKELETON}: skipped: a scaffolder template skeleton, not catalog data (template syntax "\${{" at line 4); pass --exclude to leave such files out quietly\n` +
        `ai-readiness: warning: ${NUNJUCKS_SKELETON}: skipped: a scaffolder template skeleton, not catalog data (template syntax "{%" at line 1); pass --exclude to leave such files out quietly\n`,
    );
    expect(r.stdout).toContain(`among ${REAL_REPO_ENTITIES} entities`);
    expect(r.stdout).toContain('2 files skipped with a warning (see stderr).');
    expect(r.stdout).toContain(
      'Skipped 2 YAML files without catalog entities: repo/actions/setup-node/action.yml, repo/app-config.yaml',
    );
    expect(r.stdout).not.toContain('input error');
  });

  it.each(['markdown', 'github'])(
    'prints the warnings on stderr, not stdout, with --format %s',
    async format => {
      writeRealRepo(path.join(tmp, 'repo'));
      const r = await runCli(
        ['check', 'repo', '--as-of', AS_OF, '--format', format],
        {
          cwd: tmp,
        },
      );
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`ai-readiness: warning: ${SKELETON}: skipped`);
      expect(r.stdout).not.toContain('skeleton');
    },
  );

  it('still exits 2 for a real input error next to a skeleton, and 1 below --min-level', async () => {
    writeRealRepo(path.join(tmp, 'repo'));
    const below = await runCli(
      ['check', 'repo', '--as-of', AS_OF, '--min-level', 'L3'],
      {
        cwd: tmp,
      },
    );
    expect(below.code).toBe(1);
    tmpFile('repo/catalog/broken.yaml', 'kind: Component\nmetadata: [\n');
    const broken = await runCli(['check', 'repo', '--format', 'json'], {
      cwd: tmp,
    });
    expect(broken.code).toBe(2);
    const out = json(broken);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0].file).toBe('repo/catalog/broken.yaml');
    expect(out.warnings).toHaveLength(2);
  });
});

describe('why each is a pilot, and the weakest link', () => {
  const ROUTER_CAP =
    'Capped at L0 by airesource:default/billing-agent (L1 without the cap)';

  it('json: scope and cap on the scorecards as the engine made them', async () => {
    writeRealRepo(path.join(tmp, 'repo'));
    const out = json(
      await runCli(['check', 'repo', '--format', 'json', '--as-of', AS_OF], {
        cwd: tmp,
      }),
    );
    const byRef = new Map<string, any>(
      out.scorecards.map((c: any) => [c.entityRef, c]),
    );
    const router = byRef.get('airesource:default/support-router');
    expect(router.scope).toEqual({
      rule: 'agent',
      message: expect.any(String),
    });
    expect(router.level).toBe('L0');
    expect(router.cap).toEqual({
      level: 'L1',
      by: ['airesource:default/billing-agent'],
    });
    expect(byRef.get('airesource:default/billing-agent').cap).toBeNull();
    expect(byRef.get('component:default/ticket-classifier').scope).toEqual({
      rule: 'model-dependency',
      message: 'uses resource:default/gpt-4o (ai-model)',
    });
  });

  it('table: the scope reason and the cap under each pilot', async () => {
    writeRealRepo(path.join(tmp, 'repo'));
    const r = await runCli(['check', 'repo', '--as-of', AS_OF], { cwd: tmp });
    const section = (ref: string) => {
      const lines = r.stdout.split('\n');
      const at = lines.findIndex(
        l => l.startsWith(`${ref}  `) && l.includes(' score '),
      );
      return lines.slice(at, lines.indexOf('', at));
    };
    expect(section('component:default/ticket-classifier')).toContain(
      '  AI pilot because it uses resource:default/gpt-4o (ai-model)',
    );
    expect(section('airesource:default/support-router')).toContain(
      `  ${ROUTER_CAP}`,
    );
    expect(
      section('airesource:default/billing-agent').join('\n'),
    ).not.toContain('Capped at');
  });

  it('markdown and github: the cap and the scope reason', async () => {
    writeRealRepo(path.join(tmp, 'repo'));
    const md = await runCli(
      ['check', 'repo', '--as-of', AS_OF, '--format', 'markdown'],
      {
        cwd: tmp,
      },
    );
    expect(md.stdout).toContain(`**${ROUTER_CAP}**`);
    expect(md.stdout).toContain(
      'AI pilot because it uses resource:default/gpt-4o (ai-model)',
    );
    const gh = await runCli(
      [
        'check',
        'repo',
        '--as-of',
        AS_OF,
        '--format',
        'github',
        '--min-level',
        'L1',
      ],
      { cwd: tmp },
    );
    expect(gh.code).toBe(1);
    const routerError = gh.stdout
      .split('\n')
      .find(
        l =>
          l.startsWith(
            '::error file=repo/catalog/agents/router.yaml,line=1,',
          ) && l.includes('below L1'),
      );
    expect(routerError).toContain(`%0A${ROUTER_CAP}.`);
  });
});

describe('--exclude', () => {
  const run = async (...args: string[]) =>
    json(
      await runCli(['check', ...args, '--format', 'json', '--as-of', AS_OF], {
        cwd: tmp,
      }),
    );

  it('matches against the path relative to the given directory', async () => {
    writeRealRepo(path.join(tmp, 'repo'));
    const out = await run('repo', '--exclude', 'templates/*/skeleton/**');
    expect(out.warnings).toEqual([]);
    expect(out.errors).toEqual([]);
  });

  it('matches against the path relative to the current directory, and prunes directories', async () => {
    writeRealRepo(path.join(tmp, 'repo'));
    expect(
      (await run('repo', '--exclude', 'repo/templates/new-agent/skeleton/**'))
        .warnings,
    ).toEqual([]);
    // A glob without a slash names a file or folder anywhere.
    expect((await run('repo', '--exclude', 'skeleton')).warnings).toEqual([]);
  });

  it('is repeatable, and each glob leaves out only what it matches', async () => {
    writeRealRepo(path.join(tmp, 'repo'));
    const one = await run('repo', '--exclude', 'catalog-info.yaml');
    // Only the root catalog-info.yaml and the skeleton's share the name.
    expect(one.warnings.map((w: any) => w.file)).toEqual([NUNJUCKS_SKELETON]);
    const both = await run(
      'repo',
      '--exclude',
      '**/skeleton/*.yaml',
      '--exclude',
      'catalog/components/**',
    );
    expect(both.warnings).toEqual([]);
    expect(both.scorecards.map((c: any) => c.entityRef)).not.toContain(
      'component:default/support-assistant',
    );
  });

  it('leaves out a file named on the command line, and a directory whose files are all excluded is no error', async () => {
    tmpFile('catalog-info.yaml', `${TEAM}---\n${PILOT('kept-bot')}`);
    tmpFile('drafts/draft.yaml', PILOT('draft-bot'));
    const r = await runCli(
      [
        'check',
        'catalog-info.yaml',
        'drafts',
        'drafts/draft.yaml',
        '--exclude',
        'drafts/**',
        '--format',
        'json',
      ],
      { cwd: tmp },
    );
    expect(r.code).toBe(0);
    expect(json(r).scorecards.map((c: any) => c.entityRef)).toEqual([
      'component:default/kept-bot',
    ]);
  });
});
