export * from './types';
export * from './claimers';
export { evidenceItemsFor } from './items';
export type { EvidenceItemRead, PilotEvidenceItem } from './items';
