/**
 * The AI readiness engine: one isomorphic implementation of the rubric,
 * used by the backend, the frontend and the CLI.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './permissions';
export * from './config';
export * from './engine';
export * from './checks';
export * from './evidence';
export * from './util/entityRefs';
export * from './evaluate';
export * from './targets';
export * from './fixes';
export * from './waivers';
