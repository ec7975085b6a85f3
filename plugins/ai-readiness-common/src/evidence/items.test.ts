/* eslint-disable no-script-url */ // unsafe URLs are part of the test data
/*
 * Evidence items derived from what the checks read.
 */
import { createReadinessEngine } from '../engine/engine';
import { EntityGraph } from '../engine/graph';
import { pagerdutyEvidenceClaimer } from './claimers';
import { evidenceItemsFor } from './items';
import { ALL, catalog } from './__testUtils__/evidenceFixtures';

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
