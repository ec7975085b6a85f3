import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type {
  CheckResult,
  DimensionResult,
} from '@ai-readiness/plugin-ai-readiness-common';
import { formatPercent } from './DimensionBars';
import { CheckItem } from './CheckItem';

const GAP_STATUSES = ['error', 'fail', 'partial'];

/** Checks short of pass first (what needs work), each group in rubric order. */
export function gapsFirst(checks: CheckResult[]): CheckResult[] {
  return [
    ...checks.filter(c => GAP_STATUSES.includes(c.status)),
    ...checks.filter(c => !GAP_STATUSES.includes(c.status)),
  ];
}

/**
 * One dimension's checks. Open when some check is short of pass; a dimension
 * with nothing to do starts folded (its checks are still in the page).
 */
export function DimensionSection(props: {
  dimension: DimensionResult;
  editLink?: { url: string; label: string };
  /** For "Open a pull request" on each check. */
  entityRef?: string;
}) {
  const { dimension, editLink, entityRef } = props;
  const gaps = dimension.checks.filter(c => GAP_STATUSES.includes(c.status));
  const summary =
    gaps.length === 0
      ? `${dimension.checks.length} checks, no gap`
      : `${gaps.length} of ${dimension.checks.length} checks short of pass`;
  return (
    <Accordion
      defaultExpanded={gaps.length > 0}
      data-testid={`dimension-section-${dimension.id}`}
    >
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-controls={`ai-readiness-${dimension.id}-checks`}
        id={`ai-readiness-${dimension.id}-header`}
      >
        <Box
          display="flex"
          alignItems="baseline"
          flexWrap="wrap"
          style={{ gap: 16 }}
        >
          <Typography variant="h6" component="h3">
            {dimension.title} — {formatPercent(dimension.score)}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {summary}
          </Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails id={`ai-readiness-${dimension.id}-checks`}>
        <Box component="ul" m={0} p={0} width="100%">
          {gapsFirst(dimension.checks).map(check => (
            <CheckItem
              key={check.id}
              check={check}
              editLink={editLink}
              entityRef={entityRef}
            />
          ))}
        </Box>
      </AccordionDetails>
    </Accordion>
  );
}
