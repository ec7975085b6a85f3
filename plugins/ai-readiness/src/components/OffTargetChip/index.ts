export { OffTargetChip } from './OffTargetChip';
