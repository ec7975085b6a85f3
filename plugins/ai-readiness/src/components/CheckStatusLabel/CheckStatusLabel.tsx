import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import CancelIcon from '@material-ui/icons/Cancel';
import ErrorIcon from '@material-ui/icons/Error';
import TimelapseIcon from '@material-ui/icons/Timelapse';
import SnoozeIcon from '@material-ui/icons/Snooze';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import type { CheckStatus } from '@ai-readiness/plugin-ai-readiness-common';
import { IconLabel, IconLabelStyle } from '../IconLabel';

/** Icon and words for each status: never colour alone. */
export const STATUS_STYLES: Record<CheckStatus, IconLabelStyle> = {
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

/** A check status as an icon plus its name, e.g. "✔ Pass". */
export function CheckStatusLabel(props: { status: CheckStatus }) {
  const style = STATUS_STYLES[props.status] ?? {
    label: String(props.status),
    Icon: ErrorIcon,
    color: 'muted' as const,
  };
  return <IconLabel {...style} data-status={props.status} />;
}
