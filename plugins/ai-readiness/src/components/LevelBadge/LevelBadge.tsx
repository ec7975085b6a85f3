import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import {
  LEVEL_NAMES,
  ReadinessLevel,
} from '@ai-readiness/plugin-ai-readiness-common';

const useStyles = makeStyles(theme => ({
  L0: { backgroundColor: theme.palette.error.main, color: '#fff' },
  L1: { backgroundColor: theme.palette.warning.main, color: '#000' },
  L2: { backgroundColor: theme.palette.info.main, color: '#fff' },
  L3: { backgroundColor: theme.palette.success.main, color: '#fff' },
}));

/** "L2 · Limited rollout": the level id and name, colour only as a cue. */
export function LevelBadge(props: {
  level: ReadinessLevel;
  name?: string;
  size?: 'small' | 'medium';
}) {
  const classes = useStyles();
  const name = props.name ?? LEVEL_NAMES[props.level] ?? '';
  return (
    <Chip
      size={props.size ?? 'medium'}
      className={classes[props.level]}
      label={name ? `${props.level} · ${name}` : props.level}
      data-testid="level-badge"
    />
  );
}
