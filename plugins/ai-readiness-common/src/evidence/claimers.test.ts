/* eslint-disable no-script-url */ // unsafe URLs are part of the test data
/*
 * The built-in evidence claimers: which reads each one claims, and as what.
 */
import {
  builtinEvidenceClaimers,
  grafanaEvidenceClaimer,
  grafanaTargetOf,
  linksEvidenceClaimer,
  pagerdutyEvidenceClaimer,
  parseGrafanaTarget,
} from './claimers';
import type { EvidenceCandidate } from './types';

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
