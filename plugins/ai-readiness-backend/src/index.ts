/**
 * The AI readiness backend plugin.
 *
 * @packageDocumentation
 */
export { aiReadinessPlugin as default } from './plugin';
