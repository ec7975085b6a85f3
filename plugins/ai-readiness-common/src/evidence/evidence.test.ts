/* eslint-disable no-script-url */ // unsafe URLs are part of the test data
import { createReadinessEngine } from '../engine/engine';
import { EntityGraph } from '../engine/graph';
import type { CheckResult, Scorecard } from '../types';
import {
  builtinEvidenceClaimers,
  grafanaEvidenceClaimer,
  grafanaTargetOf,
  linksEvidenceClaimer,
  pagerdutyEvidenceClaimer,
  parseGrafanaTarget,
} from './claimers';
import { evidenceItemsFor } from './items';
import type {
  EvidenceCandidate,
  EvidenceClaimer,
  EvidenceResult,
  EvidenceView,
} from './types';

const AT = '2026-11-27T09:00:00Z';
const AS_OF = '2026-11-27';
const ALL: EvidenceClaimer[] = Object.values(builtinEvidenceClaimers);

const value = (name: string, v: string, isUrl = false): EvidenceCandidate => ({
  type: 'value',
  name,
  value: v,
  isUrl,
  source: `annotations[${name}]`,
});
const link = (url: string, linkType = 'dashboard'): EvidenceCandidate => ({
  type: 'link',
  linkType,
  url,
  source: `links[${linkType}]`,
});

describe('built-in claimers', () => {
  it('links: http(s) links and URL-valued values only', () => {
    const c = linksEvidenceClaimer;
    expect(c.id).toBe('links');
    expect(c.claim(link('https://wiki.example.com/a'))).toBe(
      'https://wiki.example.com/a',
    );
    expect(c.claim(link('javascript:alert(1)'))).toBeUndefined();
    expect(c.claim(link('ftp://files.example.com/a'))).toBeUndefined();
    expect(
      c.claim(
        value('ai-readiness/input-schema', 'https://s.example.com', true),
      ),
    ).toBe('https://s.example.com');
    // Declared as a URL, but holding something else (a group ref).
    expect(
      c.claim(value('ai-readiness/human-review', 'group:default/x', true)),
    ).toBeUndefined();
    // An http(s) value not declared as a URL is not a link.
    expect(
      c.claim(value('ai-readiness/kill-switch', 'https://x.example.com')),
    ).toBeUndefined();
  });

  it('pagerduty: the service id annotation only', () => {
    const c = pagerdutyEvidenceClaimer;
    expect(c.claim(value('pagerduty.com/service-id', ' PABC123 '))).toBe(
      'PABC123',
    );
    expect(
      c.claim(value('pagerduty.com/integration-key', 'KEY')),
    ).toBeUndefined();
    expect(c.claim(value('opsgenie.com/team', 'ops'))).toBeUndefined();
    expect(c.claim(link('https://x.pagerduty.com'))).toBeUndefined();
  });

  it('grafana: tag selectors, dashboard URLs, and unsupported forms', () => {
    const c = grafanaEvidenceClaimer;
    expect(
      c.claim(value('grafana/dashboard-selector', "tags @> 'claims-triage'")),
    ).toBe('tag:claims-triage');
    expect(c.claim(value('grafana/dashboard-selector', "tags@>'a b'"))).toBe(
      'tag:a b',
    );
    expect(
      c.claim(
        value(
          'grafana/overview-dashboard',
          'https://grafana.example.com/d/abc123/claims?orgId=1',
        ),
      ),
    ).toBe('uid:abc123');
    // Forms the collector cannot look up are still items, answered
    // "unverified: selector form not supported" by the collector.
    expect(
      c.claim(
        value(
          'grafana/dashboard-selector',
          "tags @> 'a' && title == 'Overview'",
        ),
      ),
    ).toBe("unsupported:tags @> 'a' && title == 'Overview'");
    expect(
      c.claim(value('grafana/dashboard-selector', "title == 'Overview'")),
    ).toBe("unsupported:title == 'Overview'");
    expect(
      c.claim(
        value('grafana/overview-dashboard', 'https://grafana.example.com/x'),
      ),
    ).toBe('unsupported:https://grafana.example.com/x');
    expect(
      c.claim(value('grafana/overview-dashboard', 'javascript:/d/abc')),
    ).toBe('unsupported:javascript:/d/abc');
    expect(
      c.claim(value('grafana/alert-label-selector', 'service=x')),
    ).toBeUndefined();
    expect(c.claim(link('https://grafana.example.com/d/abc'))).toBeUndefined();
    expect(grafanaTargetOf('grafana/dashboard-selector', '  ')).toBeUndefined();
  });

  it('grafana targets read back', () => {
    expect(parseGrafanaTarget('tag:claims')).toEqual({
      kind: 'tag',
      tag: 'claims',
    });
    expect(parseGrafanaTarget('uid:abc')).toEqual({ kind: 'uid', uid: 'abc' });
    expect(parseGrafanaTarget("unsupported:title == 'x'")).toEqual({
      kind: 'unsupported',
      value: "title == 'x'",
    });
  });

  it('are exported by collector id', () => {
    expect(Object.keys(builtinEvidenceClaimers).sort()).toEqual([
      'grafana',
      'links',
      'pagerduty',
    ]);
    for (const [id, claimer] of Object.entries(builtinEvidenceClaimers))
      expect(claimer.id).toBe(id);
  });
});

/** A small catalog: a pilot, its owner Group (with its own on-call route) and a User. */
function catalog(change: (pilot: any, group: any) => void = () => {}) {
  const group: any = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'ml',
      annotations: { 'pagerduty.com/service-id': 'PGROUP' },
    },
    spec: { type: 'team', children: [] },
  };
  const pilot: any = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'assistant',
      annotations: {
        'ai-readiness/enabled': 'true',
        'ai-readiness/kill-switch': 'flags/assistant',
        'ai-readiness/input-schema': 'https://schemas.example.com/in.json',
        'pagerduty.com/service-id': 'PPILOT',
        'grafana/dashboard-selector': "tags @> 'assistant'",
        'grafana/alert-label-selector': 'service=assistant',
      },
      links: [
        { type: 'rollback-plan', url: 'https://wiki.example.com/rollback' },
        { type: 'dashboard', url: 'https://grafana.example.com/d/abc' },
      ],
    },
    spec: { type: 'service', lifecycle: 'experimental', owner: 'group:ml' },
  };
  change(pilot, group);
  return { pilot, group, entities: [pilot, group] };
}

function viewOf(
  results: Record<string, Partial<EvidenceResult>>,
  options: {
    claimers?: EvidenceClaimer[];
    requireVerified?: 'L2' | 'L3';
    fallback?: EvidenceResult;
  } = {},
): EvidenceView {
  return {
    claimers: options.claimers ?? ALL,
    requireVerified: options.requireVerified,
    lookup: item => {
      const r = results[`${item.collector}|${item.target}`];
      if (r) return { state: 'verified', detail: '200', checkedAt: AT, ...r };
      return options.fallback;
    },
  };
}

const refuted = (detail = '404'): Partial<EvidenceResult> => ({
  state: 'refuted',
  detail,
});
const everythingVerified: EvidenceResult = {
  state: 'verified',
  detail: '200',
  checkedAt: AT,
};

function evaluate(
  entities: any[],
  view?: EvidenceView,
  config?: unknown,
): Scorecard {
  const engine = createReadinessEngine({ config });
  const graph = engine.buildGraph(entities);
  return engine.evaluate(entities[0], graph, {
    asOf: AS_OF,
    now: new Date('2026-11-27T10:00:00Z'),
    evidence: view,
  });
}

const checkOf = (card: Scorecard, id: string): CheckResult =>
  card.dimensions.flatMap(d => d.checks).find(c => c.id === id)!;

describe('evidence items derived from reads', () => {
  it('lists each check’s items, with the owner Group’s PagerDuty service', () => {
    const { pilot, entities } = catalog();
    const engine = createReadinessEngine();
    const graph = engine.buildGraph(entities);
    const items = engine.evidenceItems(pilot, graph, ALL);
    const of = (checkId: string) =>
      items
        .filter(i => i.checkId === checkId)
        .map(({ collector, target, source }) => ({
          collector,
          target,
          source,
        }));

    expect(of('MON-3')).toEqual([
      {
        collector: 'pagerduty',
        target: 'PPILOT',
        source: 'annotations[pagerduty.com/service-id]',
      },
      {
        collector: 'pagerduty',
        target: 'PGROUP',
        source: 'annotations[pagerduty.com/service-id] (on group:default/ml)',
      },
    ]);
    expect(of('FB-3')).toEqual([
      {
        collector: 'links',
        target: 'https://wiki.example.com/rollback',
        source: 'links[rollback-plan]',
      },
    ]);
    expect(of('DATA-3')).toEqual([
      {
        collector: 'links',
        target: 'https://schemas.example.com/in.json',
        source: 'annotations[ai-readiness/input-schema]',
      },
    ]);
    expect(of('MON-1')).toEqual([
      {
        collector: 'links',
        target: 'https://grafana.example.com/d/abc',
        source: 'links[dashboard]',
      },
      {
        collector: 'grafana',
        target: 'tag:assistant',
        source: 'annotations[grafana/dashboard-selector]',
      },
    ]);
    // The on-call reads are declared by MON-3, OPS-1 and SEC-5 alike.
    expect(
      new Set(items.filter(i => i.target === 'PGROUP').map(i => i.checkId)),
    ).toEqual(new Set(['MON-3', 'OPS-1', 'SEC-5']));
  });

  it('lists only what the given claimers claim, and nothing without claimers', () => {
    const { pilot, entities } = catalog();
    const engine = createReadinessEngine();
    const graph = engine.buildGraph(entities);
    expect(engine.evidenceItems(pilot, graph, [])).toEqual([]);
    const onlyPd = engine.evidenceItems(pilot, graph, [
      pagerdutyEvidenceClaimer,
    ]);
    expect(new Set(onlyPd.map(i => i.collector))).toEqual(
      new Set(['pagerduty']),
    );
  });

  it('reads a label before the annotation for a rubric key, and follows a rubric-key reference', () => {
    const { pilot, entities } = catalog(p => {
      p.metadata.labels = { 'ai-readiness/input-schema': 'x' };
    });
    const graph = new EntityGraph(entities);
    const node = graph.getByRef('component', 'default', 'assistant')!;
    expect(
      evidenceItemsFor(
        { keys: ['input-schema'], urls: ['input-schema'] },
        node,
        graph,
        ALL,
        { annotationPrefix: 'ai-readiness/' },
      ),
    ).toEqual([]); // the label wins, and "x" is no URL
    expect(pilot.metadata.labels).toBeDefined();
    const viaKey = evidenceItemsFor(
      {
        refs: [
          {
            from: 'cost-owner',
            defaultKind: 'group',
            reads: { annotations: ['pagerduty.com/service-id'] },
          },
        ],
      },
      {
        ...node,
        entity: {
          ...pilot,
          metadata: {
            ...pilot.metadata,
            annotations: { 'ai-readiness/cost-owner': 'ml' },
          },
        },
      },
      graph,
      ALL,
      { annotationPrefix: 'ai-readiness/' },
    );
    expect(viaKey).toEqual([
      {
        collector: 'pagerduty',
        target: 'PGROUP',
        source: 'annotations[pagerduty.com/service-id] (on group:default/ml)',
      },
    ]);
  });

  it('a non-http(s) link is never an item', () => {
    const { pilot, entities } = catalog(p => {
      p.metadata.links = [{ type: 'rollback-plan', url: 'javascript:x()' }];
    });
    const engine = createReadinessEngine();
    const items = engine.evidenceItems(pilot, engine.buildGraph(entities), ALL);
    expect(
      items.filter(i => i.collector === 'links').map(i => i.target),
    ).toEqual(['https://schemas.example.com/in.json']);
  });
});

describe('evaluation with evidence', () => {
  it('without a view: empty lists, zero counts, and the same results', () => {
    const { entities } = catalog();
    const card = evaluate(entities);
    expect(card.evidence).toEqual({ verified: 0, unverified: 0, refuted: 0 });
    for (const d of card.dimensions)
      for (const c of d.checks) expect(c.evidence).toEqual([]);
    // With every item verified, statuses, messages and level are the same.
    const verified = evaluate(
      entities,
      viewOf({}, { fallback: everythingVerified }),
    );
    const strip = (c: Scorecard) =>
      c.dimensions.flatMap(d =>
        d.checks.map(({ evidence: _e, ...rest }) => rest),
      );
    expect(strip(verified)).toEqual(strip(card));
    expect(verified.level).toBe(card.level);
    expect(verified.nextLevel).toEqual(card.nextLevel);
  });

  it('counts distinct items; never-collected items are unverified "not collected yet"', () => {
    const { entities } = catalog();
    const card = evaluate(
      entities,
      viewOf({
        'pagerduty|PPILOT': {},
        'links|https://wiki.example.com/rollback': refuted(),
      }),
    );
    // Items: PPILOT, PGROUP, rollback, dashboard link, input-schema URL, grafana tag.
    expect(card.evidence).toEqual({ verified: 1, unverified: 4, refuted: 1 });
    const mon1 = checkOf(card, 'MON-1');
    expect(mon1.evidence).toContainEqual({
      collector: 'grafana',
      target: 'tag:assistant',
      source: 'annotations[grafana/dashboard-selector]',
      state: 'unverified',
      detail: 'not collected yet',
      checkedAt: '',
    });
    expect(checkOf(card, 'MON-2').evidence).toEqual([]);
  });

  it('a refuted link counts as absent, and the message says what and when', () => {
    const { entities } = catalog();
    const base = evaluate(entities, viewOf({}));
    expect(checkOf(base, 'FB-3').status).toBe('pass');
    const card = evaluate(
      entities,
      viewOf({ 'links|https://wiki.example.com/rollback': refuted('404') }),
    );
    const fb3 = checkOf(card, 'FB-3');
    expect(fb3.status).toBe('partial');
    expect(fb3.message).toBe(
      `kill switch flags/assistant, but no link of type rollback-plan; refuted: links[rollback-plan] https://wiki.example.com/rollback answered 404 at ${AT}`,
    );
    expect(fb3.evidence?.[0].state).toBe('refuted');
  });

  it('another link of the same type still counts', () => {
    const { entities } = catalog(p => {
      p.metadata.links.push({
        type: 'rollback-plan',
        url: 'https://wiki.example.com/rollback-2',
      });
    });
    const card = evaluate(
      entities,
      viewOf({ 'links|https://wiki.example.com/rollback': refuted('410') }),
    );
    const fb3 = checkOf(card, 'FB-3');
    expect(fb3.status).toBe('pass');
    expect(fb3.message).toMatch(
      /; refuted: links\[rollback-plan\] https:\/\/wiki\.example\.com\/rollback answered 410 at 2026-11-27T09:00:00Z$/,
    );
  });

  it('a refuted URL key reads as unset', () => {
    const { entities } = catalog();
    expect(checkOf(evaluate(entities, viewOf({})), 'DATA-3').status).toBe(
      'pass',
    );
    const card = evaluate(
      entities,
      viewOf({ 'links|https://schemas.example.com/in.json': refuted('404') }),
    );
    const data3 = checkOf(card, 'DATA-3');
    expect(data3.status).toBe('fail');
    expect(data3.message).toBe(
      `no data-contract link, no ai-readiness/input-schema, no API definition; refuted: annotations[ai-readiness/input-schema] https://schemas.example.com/in.json answered 404 at ${AT}`,
    );
  });

  it('a refuted annotation reads as absent (Grafana selector with an empty search)', () => {
    const { entities } = catalog();
    expect(checkOf(evaluate(entities, viewOf({})), 'MON-1').status).toBe(
      'pass',
    );
    const card = evaluate(
      entities,
      viewOf({
        'grafana|tag:assistant': refuted('no dashboard with this tag'),
      }),
    );
    const mon1 = checkOf(card, 'MON-1');
    expect(mon1.status).toBe('partial');
    expect(mon1.message).toBe(
      `only a dashboard link, no monitoring annotation; refuted: annotations[grafana/dashboard-selector] tag:assistant answered no dashboard with this tag at ${AT}`,
    );
  });

  it('a refuted on-call route leaves the owner Group’s route', () => {
    const { entities } = catalog();
    const card = evaluate(
      entities,
      viewOf({ 'pagerduty|PPILOT': refuted('nobody on call') }),
    );
    const mon3 = checkOf(card, 'MON-3');
    expect(mon3.status).toBe('pass');
    expect(mon3.message).toBe(
      `alerts from grafana/alert-label-selector routed through pagerduty.com/service-id on group:default/ml; refuted: annotations[pagerduty.com/service-id] PPILOT answered nobody on call at ${AT}`,
    );
  });

  it('another annotation on the pilot is still a route; with every route refuted there is none', () => {
    const withOpsgenie = catalog(p => {
      p.metadata.annotations['opsgenie.com/team'] = 'ops';
    });
    const other = evaluate(
      withOpsgenie.entities,
      viewOf({ 'pagerduty|PPILOT': refuted('404') }),
    );
    expect(checkOf(other, 'MON-3').message).toMatch(
      /^alerts from grafana\/alert-label-selector routed through opsgenie\.com\/team on the pilot; refuted: /,
    );

    const { entities } = catalog();
    const none = evaluate(
      entities,
      viewOf({
        'pagerduty|PPILOT': refuted('nobody on call'),
        'pagerduty|PGROUP': refuted('404'),
      }),
    );
    const mon3 = checkOf(none, 'MON-3');
    expect(mon3.status).toBe('partial');
    expect(mon3.message).toBe(
      `alerts from grafana/alert-label-selector, but no on-call route; refuted: annotations[pagerduty.com/service-id] PPILOT answered nobody on call at ${AT}; refuted: annotations[pagerduty.com/service-id] (on group:default/ml) PGROUP answered 404 at ${AT}`,
    );
    expect(none.evidence?.refuted).toBe(2);
  });

  it('only claimers of the view make items: an unconfigured collector’s refutation cannot apply', () => {
    const { entities } = catalog();
    const card = evaluate(
      entities,
      viewOf(
        { 'links|https://wiki.example.com/rollback': refuted() },
        { claimers: [pagerdutyEvidenceClaimer] },
      ),
    );
    expect(checkOf(card, 'FB-3').status).toBe('pass');
    expect(checkOf(card, 'FB-3').evidence).toEqual([]);
  });

  it('a waived check keeps its items and the refuted tail', () => {
    const { entities } = catalog(p => {
      p.metadata.annotations['ai-readiness/waiver.FB-3'] =
        '2027-01-01 rollback page moves';
    });
    const card = evaluate(
      entities,
      viewOf({ 'links|https://wiki.example.com/rollback': refuted('404') }),
    );
    const fb3 = checkOf(card, 'FB-3');
    expect(fb3.status).toBe('waived');
    expect(fb3.evidence).toHaveLength(1);
    expect(fb3.message).toMatch(/; refuted: links\[rollback-plan\] .* at /);
  });
});
