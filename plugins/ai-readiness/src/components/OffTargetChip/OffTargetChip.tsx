import Chip from '@material-ui/core/Chip';
import type { TargetStatus } from '@ai-readiness/plugin-ai-readiness-common';

/** "Off target: L3" when the pilot is below the level it must reach; nothing otherwise. */
export function OffTargetChip(props: {
  target: TargetStatus | null | undefined;
  size?: 'small' | 'medium';
}) {
  const { target } = props;
  if (!target || target.met) return null;
  return (
    <Chip
      size={props.size ?? 'small'}
      variant="outlined"
      color="secondary"
      label={`Off target: ${target.level}`}
      title={`Below its target level ${target.level} (targets rule ${target.rule})`}
      data-testid="off-target"
    />
  );
}
