/*
 * End-to-end: `ai-readiness fix` with the real binary; the patched file,
 * scored again by `ai-readiness check`, closes exactly the checks asked for.
 */
import fs from 'fs';
import path from 'path';
import {
  patchCatalogInfo,
  unifiedDiff,
} from '@ai-readiness/plugin-ai-readiness-common';
import {
  AS_OF,
  runCli,
  json,
  NO_STACK,
  PILOT,
  repoRoot,
  TEAM,
  tmp,
  tmpFile,
  useCliHarness,
} from './__testUtils__/cliHarness';

useCliHarness();

const BOT = `# the claims bot\r\n${PILOT('claims-bot').replace(
  /\n/g,
  '\r\n',
)}---\r\n${TEAM.replace(/\n/g, '\r\n')}`;

async function statuses(
  file: string,
  entity: string,
): Promise<Record<string, string>> {
  const r = await runCli([
    'check',
    file,
    '--as-of',
    AS_OF,
    '--format',
    'json',
    '--entity',
    entity,
  ]);
  const [card] = json(r).scorecards;
  return Object.fromEntries(
    card.dimensions.flatMap((d: any) =>
      d.checks.map((c: any) => [c.id, c.status]),
    ),
  );
}

describe('ai-readiness fix', () => {
  it('prints the unified diff of the patch, the same text the portal shows', async () => {
    const file = tmpFile('catalog-info.yaml', BOT);
    const r = await runCli(
      [
        'fix',
        'catalog-info.yaml',
        '--entity',
        'claims-bot',
        '--check',
        'OWN-4',
        '--check',
        'OWN-2',
        '--as-of',
        AS_OF,
      ],
      { cwd: tmp },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '--- a/catalog-info.yaml',
        '+++ b/catalog-info.yaml',
        '@@ -5,6 +5,11 @@',
        '   name: claims-bot\r',
        '   annotations:\r',
        '     ai-readiness/risk-tier: limited\r',
        '+    ai-readiness/business-owner: user:default/jane.doe\r',
        '+  links:\r',
        '+    - url: https://wiki.example.com/my-pilot/raci\r',
        '+      title: RACI\r',
        '+      type: raci\r',
        ' spec:\r',
        '   type: ai-pilot\r',
        '   lifecycle: experimental\r',
        '',
      ].join('\n'),
    );
    // The file is left as it was without --write.
    expect(fs.readFileSync(file, 'utf8')).toBe(BOT);
    // The same patcher and diff as the backend's preview.
    const remediations = [];
    for (const checkId of ['OWN-4', 'OWN-2']) {
      remediations.push({ checkId, yaml: await remediationOf(checkId) });
    }
    const patched = patchCatalogInfo({
      text: BOT,
      entityRef: 'component:default/claims-bot',
      remediations,
    }).text;
    expect(r.stdout).toBe(unifiedDiff('catalog-info.yaml', BOT, patched));
  });

  it('writes the file with --write; scored again, exactly the checks asked for pass', async () => {
    const examples = path.join(repoRoot, 'examples');
    const file = tmpFile(
      'pilots-l0.yaml',
      fs.readFileSync(path.join(examples, 'pilots-l0.yaml'), 'utf8'),
    );
    for (const other of [
      'org.yaml',
      'systems.yaml',
      'data.yaml',
      'models.yaml',
      'apis.yaml',
    ]) {
      tmpFile(other, fs.readFileSync(path.join(examples, other), 'utf8'));
    }
    const checks = ['INT-3', 'FB-2', 'OPS-2'];
    const before = await statuses(tmp, 'innovation-lab-chatbot');
    const r = await runCli(
      [
        'fix',
        file,
        '--entity',
        'component:default/innovation-lab-chatbot',
        ...checks.flatMap(id => ['--check', id]),
        '--as-of',
        AS_OF,
        '--write',
      ],
      { cwd: tmp },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'pilots-l0.yaml: wrote INT-3, FB-2, OPS-2 for component:default/innovation-lab-chatbot\n',
    );
    const after = await statuses(tmp, 'innovation-lab-chatbot');
    const changed = Object.keys(after).filter(id => after[id] !== before[id]);
    expect(changed.sort()).toEqual([...checks].sort());
    expect(checks.map(id => after[id])).toEqual(checks.map(() => 'pass'));
  });

  it('answers 1 when there is nothing to change, and says why', async () => {
    tmpFile('catalog-info.yaml', BOT);
    const r = await runCli(
      [
        'fix',
        'catalog-info.yaml',
        '--entity',
        'claims-bot',
        '--check',
        'SEC-1',
      ],
      { cwd: tmp },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'ai-readiness: SEC-1: already passes\nai-readiness: nothing to change in catalog-info.yaml for component:default/claims-bot\n',
    );
  });

  it('refuses a templated file with exit 2, naming why', async () => {
    tmpFile(
      'skeleton.yaml',
      BOT.replace('# the claims bot', '# ${{ values.name }}'),
    );
    const r = await runCli(['fix', 'skeleton.yaml', '--entity', 'claims-bot'], {
      cwd: tmp,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'ai-readiness: skeleton.yaml: the file is a template (it holds "${{"), not catalog data as it stands; patch the template by hand\n',
    );
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it.each([
    [
      ['fix', 'a.yaml'],
      'fix needs --entity REF, the pilot whose document is patched',
    ],
    [
      ['fix', 'a.yaml', 'b.yaml', '--entity', 'x'],
      'fix needs one FILE, the catalog YAML file to patch, found 2',
    ],
    [
      ['fix', 'a.yaml', '--entity', 'x', '--format', 'json'],
      'option --format does not apply to fix',
    ],
    [
      ['fix', 'a.yaml', '--entity', 'x', '--check', 'OWN 2'],
      '--check must be a check id such as OWN-2, found "OWN 2"',
    ],
    [
      ['check', 'a.yaml', '--write'],
      'option --write belongs to "ai-readiness fix"',
    ],
  ])('usage: %j', async (args, message) => {
    const r = await runCli(args, { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `ai-readiness: ${message}\nRun "ai-readiness --help" for usage.\n`,
    );
  });
});

/** A check's remediation as the rubric writes it (what fix applies). */
async function remediationOf(checkId: string): Promise<string> {
  const r = await runCli([
    'check',
    path.join(tmp, 'catalog-info.yaml'),
    '--as-of',
    AS_OF,
    '--format',
    'json',
    '--entity',
    'claims-bot',
  ]);
  const card = json(r).scorecards[0];
  for (const d of card.dimensions) {
    for (const c of d.checks) if (c.id === checkId) return c.remediation.yaml;
  }
  throw new Error(`no check ${checkId}`);
}
