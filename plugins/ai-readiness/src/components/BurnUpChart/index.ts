export { BurnUpChart, burnUpSummary } from './BurnUpChart';
