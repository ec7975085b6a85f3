/*
 * What the engine tests share: the conformance catalog, evaluated as is or
 * with one pilot replaced by a modified copy.
 */
import { createReadinessEngine } from '../engine';
import { loadConformance } from '../../__testUtils__/conformance';

export const { entities } = loadConformance();
export const AS_OF = '2026-11-25';
export const byName = (name: string) =>
  entities.find(e => e.metadata.name === name)!;

export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v));
}

/** The conformance catalog with one pilot replaced by a modified copy. */
export function evaluateVariant(
  name: string,
  change: (e: any) => void,
  config?: unknown,
) {
  const engine = createReadinessEngine({ config });
  const copy = clone(byName(name));
  change(copy);
  const all = entities.map(e => (e.metadata.name === name ? copy : e));
  return engine.evaluate(copy, engine.buildGraph(all), { asOf: AS_OF });
}

export const statusOf = (card: any, id: string) =>
  card.dimensions.flatMap((d: any) => d.checks).find((c: any) => c.id === id)
    ?.status;
