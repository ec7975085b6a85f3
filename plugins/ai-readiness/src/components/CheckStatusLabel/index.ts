export { CheckStatusLabel, STATUS_STYLES } from './CheckStatusLabel';
