import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';

/** The org page's filter: only pilots with refuted evidence (GET /scorecards?evidence=refuted). */
export function RefutedEvidenceFilter(props: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <FormControlLabel
      control={
        <Checkbox
          checked={props.checked}
          onChange={e => props.onChange(e.target.checked)}
          color="primary"
          inputProps={{ 'aria-label': 'Only pilots with refuted evidence' }}
        />
      }
      label="Refuted evidence only"
    />
  );
}
