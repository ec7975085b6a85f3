export { EntityAiReadinessContent } from './EntityAiReadinessContent';
