export {
  EvidenceSummaryLine,
  evidenceSummaryText,
} from './EvidenceSummaryLine';
