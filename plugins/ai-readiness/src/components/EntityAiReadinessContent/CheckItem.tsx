import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { CheckResult } from '@ai-readiness/plugin-ai-readiness-common';
import { CheckStatusLabel } from '../CheckStatusLabel';
import { YamlBlock } from '../YamlBlock';
import { SafeLink } from '../SafeLink';
import { EvidenceMarks } from '../EvidenceMarks';
import { FixPullRequestDialog } from '../FixPullRequestDialog';
import { CheckWaivers } from '../CheckWaivers';

/** A remediation that is an entity of its own (a Group, a Resource): not in this entity's file. */
const isSeparateEntity = (yaml: string) => /^kind:/m.test(yaml);

const useStyles = makeStyles(theme => ({
  root: {
    padding: theme.spacing(1.5, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: 'none' },
  },
  head: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  id: { fontFamily: 'monospace', fontWeight: 600 },
  frameworks: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    marginTop: theme.spacing(0.5),
  },
}));

/** One check: status, id, title, message, NIST references, waiver, remediation. */
export function CheckItem(props: {
  check: CheckResult;
  editLink?: { url: string; label: string };
  /** The pilot, for "Open a pull request" that closes this check. */
  entityRef?: string;
}) {
  const { check, editLink, entityRef } = props;
  const classes = useStyles();
  const showRemediation =
    check.remediation &&
    check.status !== 'pass' &&
    check.status !== 'not-applicable';
  return (
    <Box
      className={classes.root}
      data-testid={`check-${check.id}`}
      component="li"
      style={{ listStyle: 'none' }}
    >
      <div className={classes.head}>
        <CheckStatusLabel status={check.status} />
        <span className={classes.id}>{check.id}</span>
        <Typography component="span" variant="body1">
          {check.title}
        </Typography>
        {check.gate && (
          <Chip
            size="small"
            variant="outlined"
            label="★ Gate"
            title="A gate: levels depend on it"
          />
        )}
      </div>
      <Typography variant="body2" color="textSecondary">
        {check.message}
      </Typography>
      <EvidenceMarks items={check.evidence} />
      {check.frameworks.length > 0 && (
        <div className={classes.frameworks} aria-label="NIST AI RMF references">
          {check.frameworks.map(f => (
            <Chip key={f} size="small" label={`NIST AI RMF ${f}`} />
          ))}
        </div>
      )}
      {check.waiver && (
        <Typography
          variant="body2"
          style={{ marginTop: 4 }}
          data-testid={`waiver-${check.id}`}
        >
          <strong>
            {check.waiver.category === 'mitigated' ? 'Mitigated' : 'Waiver'}
          </strong>{' '}
          until {check.waiver.expires}
          {check.waiver.source === 'approved' &&
            `, approved by ${check.waiver.approvedBy ?? 'an approver'}`}
          : {check.waiver.reason}
        </Typography>
      )}
      <CheckWaivers check={check} />
      {showRemediation && check.remediation && (
        <Box mt={1}>
          <Typography variant="body2" paragraph style={{ marginBottom: 4 }}>
            <strong>Remediation:</strong> {check.remediation.text}
          </Typography>
          {check.remediation.yaml && (
            <YamlBlock
              yaml={check.remediation.yaml}
              label={`Remediation YAML for ${check.id}`}
              actions={
                editLink && (
                  <SafeLink url={editLink.url}>{editLink.label}</SafeLink>
                )
              }
            />
          )}
          {entityRef &&
            check.remediation.yaml &&
            !isSeparateEntity(check.remediation.yaml) && (
              <Box mt={1}>
                <FixPullRequestDialog
                  entityRef={entityRef}
                  checks={[check.id]}
                  size="small"
                />
              </Box>
            )}
        </Box>
      )}
    </Box>
  );
}
