import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import VerifiedIcon from '@material-ui/icons/VerifiedUser';
import RefutedIcon from '@material-ui/icons/Block';
import UnverifiedIcon from '@material-ui/icons/HelpOutline';
import type {
  CheckEvidence,
  EvidenceState,
} from '@ai-readiness/plugin-ai-readiness-common';
import { exactTime, relativeTime } from './relativeTime';
import { IconLabel, IconLabelStyle } from '../IconLabel';

const MARKS: Record<EvidenceState, IconLabelStyle> = {
  verified: { label: 'Verified', Icon: VerifiedIcon, color: 'success' },
  refuted: { label: 'Refuted', Icon: RefutedIcon, color: 'error' },
  unverified: { label: 'Unverified', Icon: UnverifiedIcon, color: 'muted' },
};

const useStyles = makeStyles(theme => ({
  list: { margin: theme.spacing(0.5, 0, 0), padding: 0, listStyle: 'none' },
  item: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
  target: { fontFamily: 'monospace', wordBreak: 'break-all' },
}));

/**
 * What the portal verified of a check: for each evidence item, a mark
 * (verified, refuted or unverified, with an icon and the word), the item,
 * the detail, and when it was checked (relative, the exact time on hover).
 * Nothing when the check has no item.
 */
export function EvidenceMarks(props: {
  items: readonly CheckEvidence[] | undefined;
  /** The time relative times count from (default: now). */
  now?: Date;
}) {
  const classes = useStyles();
  const items = props.items ?? [];
  if (!items.length) return null;
  const now = props.now ?? new Date();
  return (
    <ul className={classes.list} aria-label="Evidence">
      {items.map(item => {
        const mark = MARKS[item.state] ?? MARKS.unverified;
        const when = relativeTime(item.checkedAt, now);
        return (
          <li
            key={`${item.collector}|${item.target}|${item.source}`}
            className={classes.item}
            data-testid="evidence-item"
            data-state={item.state}
          >
            <Typography variant="body2" component="span">
              <IconLabel {...mark} />
            </Typography>
            <Typography variant="body2" component="span">
              {item.source}{' '}
              <span className={classes.target}>{item.target}</span>
              {': '}
              {item.detail}
              {' · '}
              {when ? (
                <time
                  dateTime={item.checkedAt}
                  title={exactTime(item.checkedAt)}
                >
                  checked {when}
                </time>
              ) : (
                'not checked yet'
              )}
            </Typography>
          </li>
        );
      })}
    </ul>
  );
}
