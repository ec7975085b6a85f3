export { EvidenceCell } from './EvidenceCell';
