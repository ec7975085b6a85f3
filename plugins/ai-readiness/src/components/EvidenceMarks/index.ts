export { EvidenceMarks } from './EvidenceMarks';
