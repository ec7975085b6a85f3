import { ComponentType } from 'react';
import { makeStyles } from '@material-ui/core/styles';

/** The colours a label takes (with its icon and words: never colour alone). */
export type IconLabelColor = 'success' | 'warning' | 'error' | 'info' | 'muted';

/** What an icon label shows. */
export interface IconLabelStyle {
  label: string;
  Icon: ComponentType<{ fontSize?: 'small' | 'inherit' }>;
  color: IconLabelColor;
}

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

/**
 * An icon plus its words in one colour, e.g. "✔ Pass" (check statuses) or
 * "✔ Verified" (evidence). Other props (data attributes) go on the outer span.
 */
export function IconLabel(
  props: IconLabelStyle & { [dataAttribute: `data-${string}`]: string },
) {
  const classes = useStyles();
  const { label, Icon, color, ...data } = props;
  return (
    <span className={`${classes.root} ${classes[color]}`} {...data}>
      <Icon fontSize="small" aria-hidden="true" />
      <span>{label}</span>
    </span>
  );
}
