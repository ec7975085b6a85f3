/*
 * The example organisation's files, patched for one pilot and scored again
 * by the engine: exactly the checks asked for change, each to pass.
 */
import fs from 'fs';
import path from 'path';
import { parseAllDocuments } from 'yaml';
import { createReadinessEngine } from '../engine';
import type { Scorecard } from '../types';
import { patchCatalogInfo, selectFixes } from '.';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');
const AS_OF = '2026-11-25';
const files = fs.readdirSync(EXAMPLES).filter(f => f.endsWith('.yaml'));
const original = Object.fromEntries(
  files.map(f => [f, fs.readFileSync(path.join(EXAMPLES, f), 'utf8')]),
);
const engine = createReadinessEngine();

function score(texts: Record<string, string>, name: string): Scorecard {
  const entities = Object.values(texts).flatMap(text =>
    parseAllDocuments(text)
      .map(doc => doc.toJS())
      .filter(Boolean),
  );
  const graph = engine.buildGraph(entities);
  const pilot = entities.find(e => e.metadata?.name === name);
  return engine.evaluate(pilot, graph, { asOf: AS_OF });
}

const statuses = (card: Scorecard) =>
  Object.fromEntries(
    card.dimensions.flatMap(d => d.checks.map(c => [c.id, c.status])),
  );

describe.each([
  [
    'pilots-l0.yaml',
    'claims-severity-router',
    ['OWN-4', 'FB-3', 'SEC-1', 'MON-1'],
  ],
  ['pilots-l0.yaml', 'innovation-lab-chatbot', ['INT-3', 'FB-2', 'OPS-2']],
  ['pilots-l1.yaml', 'treasury-forecast-agent', ['DATA-3', 'FB-4', 'MON-2']],
  ['pilots-l2.yaml', 'subrogation-opportunity-finder', ['FB-2']],
])('%s: %s', (file, name, checks) => {
  it(`closes exactly ${checks.join(', ')}`, () => {
    const before = score(original, name);
    const { remediations, notes } = selectFixes(before, checks);
    expect(notes).toEqual([]);
    const patch = patchCatalogInfo({
      text: original[file],
      entityRef: before.entityRef,
      remediations,
    });
    expect(patch.checks).toEqual(checks);

    const after = score({ ...original, [file]: patch.text }, name);
    const was = statuses(before);
    const now = statuses(after);
    const changed = Object.keys(now).filter(id => now[id] !== was[id]);
    expect(changed.sort()).toEqual([...checks].sort());
    for (const id of checks) expect(now[id]).toBe('pass');
  });

  it('leaves the other documents of the file byte for byte', () => {
    const before = score(original, name);
    const patch = patchCatalogInfo({
      text: original[file],
      entityRef: before.entityRef,
      remediations: selectFixes(before, checks).remediations,
    });
    const ranges = (text: string) =>
      parseAllDocuments(text).map(doc => ({
        name: doc.getIn(['metadata', 'name']),
        text: text.slice(doc.range[0], doc.range[2]),
      }));
    const others = (text: string) =>
      ranges(text).filter(doc => doc.name !== name);
    expect(others(patch.text)).toEqual(others(original[file]));
    expect(others(original[file]).length).toBeGreaterThan(0);
  });
});
