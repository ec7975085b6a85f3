import { useEffect, useState } from 'react';
import Button from '@material-ui/core/Button';
import FileCopyIcon from '@material-ui/icons/FileCopy';
import CheckIcon from '@material-ui/icons/Check';

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Older browsers and non-secure origins: a hidden textarea and execCommand.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    if (!document.execCommand('copy')) {
      throw new Error('copy command refused');
    }
  } finally {
    document.body.removeChild(area);
  }
}

/** Copies a text to the clipboard and says so. */
export function CopyButton(props: { text: string; label?: string }) {
  const { text, label = 'Copy' } = props;
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <Button
      size="small"
      variant="outlined"
      startIcon={state === 'copied' ? <CheckIcon /> : <FileCopyIcon />}
      onClick={() =>
        copyText(text).then(
          () => setState('copied'),
          () => setState('failed'),
        )
      }
    >
      {state === 'copied' && 'Copied'}
      {state === 'failed' && 'Copy failed: select the text'}
      {state === 'idle' && label}
    </Button>
  );
}
