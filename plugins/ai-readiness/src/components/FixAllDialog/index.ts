export { FixAllDialog, countRemediations } from './FixAllDialog';
