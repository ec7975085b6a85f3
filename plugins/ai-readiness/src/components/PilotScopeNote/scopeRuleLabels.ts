import {
  SCOPE_RULES,
  ScopeRule,
} from '@ai-readiness/plugin-ai-readiness-common';

/** Readable names of the scope rules (rubric "Which entities are AI pilots"). */
export const SCOPE_RULE_LABELS: Record<ScopeRule, string> = {
  'opt-in': 'Opted in',
  type: 'Pilot type',
  agent: 'Agent',
  tag: 'Tag',
  'model-dependency': 'Uses a model',
  'tool-server': 'Uses a tool server',
};

/** Whether a value read from a URL or a stored scorecard is a known scope rule. */
export function isScopeRule(value: unknown): value is ScopeRule {
  return (SCOPE_RULES as readonly unknown[]).includes(value);
}
