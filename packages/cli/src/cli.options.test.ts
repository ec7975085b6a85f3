/*
 * End-to-end: the real binary with --entity and --config.
 */
import path from 'path';
import {
  catalogFile,
  AS_OF,
  runCli,
  json,
  NO_STACK,
  tmp,
  tmpFile,
  useCliHarness,
} from './__testUtils__/cliHarness';

useCliHarness();

describe('--entity', () => {
  it('narrows the output to one pilot (kind defaults to component)', async () => {
    const r = await runCli([
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

  it('gates only the chosen pilot', async () => {
    const ok = await runCli([
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
    const low = await runCli([
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

  it('rejects an unknown entity, a non-pilot and a malformed reference with exit 2', async () => {
    const unknown = await runCli([
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
    const notPilot = await runCli([
      'check',
      catalogFile,
      '--entity',
      'group:ml',
    ]);
    expect(notPilot.code).toBe(2);
    expect(notPilot.stderr).toContain(
      'group:default/ml is in the inputs but is not an AI pilot',
    );
    const bad = await runCli([
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
  it('applies disabledChecks and customChecks from the aiReadiness key', async () => {
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
      await runCli([
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
    const configured = await runCli([
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

  it('rejects an invalid config naming the key, exit 2', async () => {
    const config = tmpFile(
      'bad-config.yaml',
      'aiReadiness:\n  weights:\n    ownership: high\n',
    );
    const r = await runCli(['check', catalogFile, '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('aiReadiness.weights.ownership');
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(r.stdout).toBe('');
    const unknownKey = tmpFile(
      'bad-config-2.yaml',
      'aiReadiness:\n  disabledCheck: [OWN-4]\n',
    );
    const r2 = await runCli(['check', catalogFile, '--config', unknownKey]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('aiReadiness.disabledCheck');
  });

  it('reports a config file that cannot be read or parsed', async () => {
    const missing = await runCli([
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
    const r = await runCli(['check', catalogFile, '--config', broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /broken\.yaml:\d+: invalid YAML in the config file/,
    );
  });
});
