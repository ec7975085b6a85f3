import Typography from '@material-ui/core/Typography';
import type { ScorecardScope } from '@ai-readiness/plugin-ai-readiness-common';
import { SCOPE_RULE_LABELS, isScopeRule } from './scopeRuleLabels';

/**
 * The scope rule of a pilot in a table ("Uses a model") over what matched
 * ("uses resource:default/gpt (ai-model)"); empty for scorecards stored
 * without a scope.
 */
export function ScopeRuleCell(props: { scope?: ScorecardScope }) {
  const { scope } = props;
  if (!scope || !isScopeRule(scope.rule)) return null;
  return (
    <>
      <Typography variant="body2" component="span" data-testid="scope-rule">
        {SCOPE_RULE_LABELS[scope.rule]}
      </Typography>
      {typeof scope.message === 'string' && scope.message && (
        <Typography variant="caption" display="block" color="textSecondary">
          {scope.message}
        </Typography>
      )}
    </>
  );
}
