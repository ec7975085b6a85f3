/**
 * The ai-readiness plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */
export { default } from './plugin';
export * from './plugin';
export { aiReadinessCatalogModule } from './catalogModule';
