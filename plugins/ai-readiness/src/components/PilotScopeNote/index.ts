export { PilotScopeNote } from './PilotScopeNote';
export { SCOPE_RULE_LABELS, isScopeRule } from './scopeRuleLabels';
