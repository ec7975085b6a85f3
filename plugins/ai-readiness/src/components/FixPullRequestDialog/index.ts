export { FixPullRequestDialog, templateLink } from './FixPullRequestDialog';
