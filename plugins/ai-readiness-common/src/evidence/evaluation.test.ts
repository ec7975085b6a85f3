/*
 * Evaluation with evidence: refuted items turn passes into fails, with why.
 */
import type { Scorecard } from '../types';
import { pagerdutyEvidenceClaimer } from './claimers';
import {
  AT,
  catalog,
  viewOf,
  refuted,
  everythingVerified,
  evaluate,
  checkOf,
} from './__testUtils__/evidenceFixtures';

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
