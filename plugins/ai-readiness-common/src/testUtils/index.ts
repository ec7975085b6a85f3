/**
 * Test utilities for every package of the family: entity builders and
 * scorecard fakes. Not for production code.
 *
 * @packageDocumentation
 */
export { component, group, withCatalogRelations } from './entities';
export { fakeScorecard } from './scorecards';
export type { FakeScorecardOptions } from './scorecards';
export { syntheticCatalog } from './syntheticCatalog';
export type { SyntheticCatalogOptions } from './syntheticCatalog';
