/*
 * End-to-end: the real binary on the repository's conformance catalog (every
 * output format).
 */
import fs from 'fs';
import path from 'path';
import {
  repoRoot,
  catalogFile,
  expected,
  AS_OF,
  cli,
  json,
  ANSI,
  tmp,
  tmpFile,
  docStartLine,
  PILOT,
  TEAM,
  useCliHarness,
} from './__testUtils__/cliHarness';

useCliHarness({ binary: true });

describe('conformance catalog', () => {
  it('scores every pilot as expected.json says, in JSON', () => {
    const r = cli(['check', catalogFile, '--as-of', AS_OF, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = json(r);
    expect(Object.keys(out).sort()).toEqual([
      'asOf',
      'errors',
      'scorecards',
      'warnings',
    ]);
    expect(out.warnings).toEqual([]);
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
      // Every scorecard says why it is a pilot; the case pins the rule where it matters.
      expect({ ref, scope: card.scope }).toEqual({
        ref,
        scope: {
          rule: expect.any(String),
          message: expect.stringMatching(/\S/),
        },
      });
      expect({ ref, rule: want.scope && card.scope.rule }).toEqual({
        ref,
        rule: want.scope,
      });
      expect({ ref, cap: card.cap }).toEqual({ ref, cap: want.cap ?? null });
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
    // Why a pilot is one, and the weakest link, under the pilot.
    expect(r.stdout).toMatch(
      /^component:default\/intake-router {2}L0 Unready {2}score \d+ .*\n(?: {2}.*\n)*? {2}Capped at L0 by component:default\/claims-summarizer \(L3 without the cap\)$/m,
    );
    expect(r.stdout).toMatch(
      /^airesource:default\/claims-agent {2}L2 .*\n(?: {2}.*\n)*? {2}AI pilot: AiResource of spec\.type agent$/m,
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
