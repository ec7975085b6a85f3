export * from './types';
export {
  NEVER_WAIVED_CHECKS,
  waiverPolicyOf,
  waiverTierOf,
  waiverMaxDays,
  controlItemOf,
  approvedRequestProblem,
} from './apply';
