import { ComponentType } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import CancelIcon from '@material-ui/icons/Cancel';
import ErrorIcon from '@material-ui/icons/Error';
import TimelapseIcon from '@material-ui/icons/Timelapse';
import SnoozeIcon from '@material-ui/icons/Snooze';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import type { CheckStatus } from '@ai-readiness/plugin-ai-readiness-common';

type StatusStyle = {
  label: string;
  Icon: ComponentType<{ className?: string; fontSize?: 'small' | 'inherit' }>;
  color: 'success' | 'warning' | 'error' | 'info' | 'muted';
};

/** Icon and words for each status: never colour alone. */
export const STATUS_STYLES: Record<CheckStatus, StatusStyle> = {
  pass: { label: 'Pass', Icon: CheckCircleIcon, color: 'success' },
  partial: { label: 'Partial', Icon: TimelapseIcon, color: 'warning' },
  fail: { label: 'Fail', Icon: CancelIcon, color: 'error' },
  error: { label: 'Error', Icon: ErrorIcon, color: 'error' },
  waived: { label: 'Waived', Icon: SnoozeIcon, color: 'info' },
  'not-applicable': {
    label: 'N/A',
    Icon: RemoveCircleOutlineIcon,
    color: 'muted',
  },
};

const useStyles = makeStyles(theme => ({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    fontWeight: theme.typography.fontWeightMedium as number,
    whiteSpace: 'nowrap',
  },
  success: { color: theme.palette.success.main },
  warning: { color: theme.palette.warning.dark },
  error: { color: theme.palette.error.main },
  info: { color: theme.palette.info.main },
  muted: { color: theme.palette.text.secondary },
}));

/** A check status as an icon plus its name, e.g. "✔ Pass". */
export function CheckStatusLabel(props: { status: CheckStatus }) {
  const classes = useStyles();
  const style = STATUS_STYLES[props.status] ?? {
    label: String(props.status),
    Icon: ErrorIcon,
    color: 'muted' as const,
  };
  const { Icon } = style;
  return (
    <span
      className={`${classes.root} ${classes[style.color]}`}
      data-status={props.status}
    >
      <Icon fontSize="small" aria-hidden="true" />
      <span>{style.label}</span>
    </span>
  );
}
