export { EntityAiReadinessCard, topGaps } from './EntityAiReadinessCard';
