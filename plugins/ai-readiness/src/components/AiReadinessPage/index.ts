export { AiReadinessPage } from './AiReadinessPage';
