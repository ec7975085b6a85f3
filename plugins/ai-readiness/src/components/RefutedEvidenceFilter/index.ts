export { RefutedEvidenceFilter } from './RefutedEvidenceFilter';
