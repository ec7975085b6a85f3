export * from './types';
export {
  campaignSchema,
  targetRuleSchema,
  pilotMatchSchema,
  DEFAULT_TARGET_RULES,
} from './schema';
export type {
  CampaignConfig,
  TargetRuleConfig,
  PilotMatchConfig,
} from './schema';
export { compileGoals, missingForGoal, ownerAncestry } from './goals';
export type { CompiledGoals, PilotFacts, GoalInput } from './goals';
export {
  campaignState,
  campaignDaysLeft,
  campaignDays,
  idealMetOn,
} from './campaigns';
