/*
 * The scorecard's scope (why the entity is a pilot) and cap (the weakest
 * link) in the human formats, read defensively: scorecards from an engine or
 * portal without them print as before.
 */
import {
  createReadinessEngine,
  Scorecard,
} from '@ai-readiness/plugin-ai-readiness-common';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import { capLine, Report, scopeLine } from './report';
import { formatTable } from './table';

const AS_OF = '2026-11-25';

/** A real scorecard from the engine for a minimal pilot. */
function engineCard(): Scorecard {
  const engine = createReadinessEngine();
  const graph = engine.buildGraph([
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'support-router',
        annotations: { 'ai-readiness/risk-tier': 'limited' },
      },
      spec: { type: 'ai-pilot', lifecycle: 'experimental', owner: 'team-a' },
    },
  ]);
  const [card] = engine.evaluateAll(graph, { asOf: AS_OF });
  return card;
}

function withScopeAndCap(card: Scorecard, extra: object): Scorecard {
  return { ...card, ...extra } as Scorecard;
}

function report(cards: Scorecard[]): Report {
  return {
    asOf: AS_OF,
    scorecards: cards,
    errors: [],
    warnings: [],
    sources: new Map([
      ['component:default/support-router', { file: 'catalog.yaml', line: 1 }],
    ]),
    filesRead: 1,
    skippedFiles: [],
    entityCount: 1,
    narrowed: false,
  };
}

const SCOPE = {
  rule: 'model-dependency',
  message: 'uses resource:default/gpt (ai-model)',
};
const CAP = { level: 'L2', by: ['airesource:default/billing-agent'] };

describe('scope and cap lines', () => {
  it('say why the entity is a pilot, whatever form the message takes', () => {
    const card = engineCard();
    const line = (scope: unknown) =>
      scopeLine(withScopeAndCap(card, { scope }));
    expect(line(SCOPE)).toBe(
      'AI pilot because it uses resource:default/gpt (ai-model)',
    );
    expect(
      line({
        rule: 'tool-server',
        message: 'it uses api:default/tickets-mcp (mcp-server)',
      }),
    ).toBe('AI pilot because it uses api:default/tickets-mcp (mcp-server)');
    expect(line({ rule: 'tag', message: 'tag genai' })).toBe(
      'AI pilot: tag genai',
    );
    expect(line({ rule: 'agent' })).toBe('AI pilot by the rule agent');
    expect(line(undefined)).toBeUndefined();
    expect(line(null)).toBeUndefined();
    expect(line('agent')).toBeUndefined();
  });

  it('name the capped level (the card level), the pilots that cap it and the uncapped level', () => {
    const card = withScopeAndCap(engineCard(), { level: 'L1', cap: CAP });
    expect(capLine(card)).toBe(
      'Capped at L1 by airesource:default/billing-agent (L2 without the cap)',
    );
    expect(capLine(withScopeAndCap(card, { cap: null }))).toBeUndefined();
    expect(capLine(withScopeAndCap(card, { cap: undefined }))).toBeUndefined();
    // Malformed caps (an older or foreign portal) never throw.
    expect(capLine(withScopeAndCap(card, { cap: { by: 'x' } }))).toBe(
      'Capped at L1 by the pilots it reaches',
    );
  });
});

describe('the formats', () => {
  const capped = () =>
    withScopeAndCap(engineCard(), {
      level: 'L1',
      levelName: 'Pilot',
      scope: SCOPE,
      cap: CAP,
    });

  it('table: under the pilot, the scope reason and the cap', () => {
    const out = formatTable(report([capped()]), false);
    const lines = out.split('\n');
    // The pilot's own section (after the summary table) starts with its score.
    const head = lines.findIndex(l =>
      l.startsWith('component:default/support-router  L1 Pilot  score '),
    );
    expect(head).toBeGreaterThan(0);
    expect(lines.slice(head + 1, head + 3)).toEqual([
      '  AI pilot because it uses resource:default/gpt (ai-model)',
      '  Capped at L1 by airesource:default/billing-agent (L2 without the cap)',
    ]);
  });

  it('markdown: the scope reason and the cap in the pilot details, escaped', () => {
    const out = formatMarkdown(report([capped()]));
    expect(out).toContain(
      '\nAI pilot because it uses resource:default/gpt (ai-model)\n',
    );
    expect(out).toContain(
      '\n**Capped at L1 by airesource:default/billing-agent (L2 without the cap)**\n',
    );
    const hostile = withScopeAndCap(capped(), {
      scope: { rule: 'tag', message: 'tag [x](javascript:alert(1))' },
    });
    expect(formatMarkdown(report([hostile]))).toContain(
      'AI pilot: tag \\[x\\](javascript:alert(1))',
    );
  });

  it('github: the cap and the scope close the pilot annotations; a capped pilot with nothing else gets a notice', () => {
    const out = formatGithub({ ...report([capped()]), minLevel: 'L2' });
    const below = out
      .split('\n')
      .find(l => l.startsWith('::error') && l.includes('below L2'));
    expect(below).toContain(
      '%0ACapped at L1 by airesource:default/billing-agent (L2 without the cap).%0AAI pilot because it uses resource:default/gpt (ai-model).',
    );
    // A pilot at L3 on its own, with no gap, capped at L1: only the notice explains it.
    const quiet = withScopeAndCap(capped(), {
      dimensions: [],
      drift: [],
    });
    const notice = formatGithub(report([quiet]));
    expect(notice).toContain(
      '::notice file=catalog.yaml,line=1,title=AI readiness%3A component%3Adefault/support-router is capped at L1::component:default/support-router is at L1 Pilot.%0ACapped at L1 by airesource:default/billing-agent (L2 without the cap).',
    );
  });

  it('print scorecards without scope or cap as before', () => {
    const card = engineCard();
    const plainReport = report([card]);
    expect(formatTable(plainReport, false)).not.toMatch(
      /AI pilot because|Capped at/,
    );
    expect(formatMarkdown(plainReport)).not.toMatch(
      /AI pilot because|Capped at/,
    );
    expect(formatGithub(plainReport)).not.toMatch(
      /AI pilot because|Capped at|::notice/,
    );
  });

  it('json: scorecards as they are, scope and cap included, and the warnings', () => {
    const card = capped();
    const out = JSON.parse(
      formatJson({
        ...report([card]),
        warnings: [{ file: 'skel/catalog-info.yaml', message: 'skipped: ...' }],
      }),
    );
    expect(out.scorecards).toEqual([JSON.parse(JSON.stringify(card))]);
    expect(out.scorecards[0].scope).toEqual(SCOPE);
    expect(out.scorecards[0].cap).toEqual(CAP);
    expect(out.warnings).toEqual([
      { file: 'skel/catalog-info.yaml', message: 'skipped: ...' },
    ]);
  });
});
