export { EntityTargetPanel } from './EntityTargetPanel';
