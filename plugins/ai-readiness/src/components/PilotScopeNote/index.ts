export { PilotScopeNote } from './PilotScopeNote';
export { ScopeRuleCell } from './ScopeRuleCell';
export { SCOPE_RULE_LABELS, isScopeRule } from './scopeRuleLabels';
