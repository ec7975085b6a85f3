import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import { CopyButton } from '../CopyButton';

const useStyles = makeStyles(theme => ({
  pre: {
    margin: 0,
    padding: theme.spacing(1, 1.5),
    overflowX: 'auto',
    fontFamily: 'monospace',
    fontSize: '0.85rem',
    backgroundColor: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
}));

/** A YAML snippet with a copy button and optional actions beside it. */
export function YamlBlock(props: {
  yaml: string;
  label?: string;
  actions?: ReactNode;
}) {
  const classes = useStyles();
  return (
    <Box>
      <pre className={classes.pre} aria-label={props.label ?? 'YAML snippet'}>
        <code>{props.yaml}</code>
      </pre>
      <Box display="flex" alignItems="center" mt={1} style={{ gap: 8 }}>
        <CopyButton text={props.yaml} label="Copy YAML" />
        {props.actions}
      </Box>
    </Box>
  );
}
