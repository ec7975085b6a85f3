import { ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import { isSafeHttpUrl } from '@ai-readiness/plugin-ai-readiness-common';

const useStyles = makeStyles(theme => ({
  unsafe: {
    fontFamily: 'monospace',
    wordBreak: 'break-all',
    color: theme.palette.text.secondary,
  },
}));

/** @public */
export interface SafeLinkProps {
  /** The URL as found in catalog data: untrusted. */
  url: string;
  /** What to show; the URL itself when absent. */
  children?: ReactNode;
}

/**
 * A link for an http(s) URL; any other URL (javascript:, data:, file:, ...)
 * is shown as plain text and never becomes an anchor.
 *
 * @public
 */
export function SafeLink(props: SafeLinkProps) {
  const { url, children } = props;
  const classes = useStyles();
  if (isSafeHttpUrl(url)) {
    return (
      <Link to={url} target="_blank" rel="noopener noreferrer">
        {children ?? url}
      </Link>
    );
  }
  return (
    <span title="Not an http(s) URL, so it is not linked">
      {children ? <>{children} </> : null}
      <span className={classes.unsafe} data-testid="unsafe-url">
        {url}
      </span>{' '}
      (not linked: only http and https URLs are)
    </span>
  );
}
