import { useState } from 'react';
import { copyText } from './copy-text';

/**
 * CopyButton for a secret: CopyButton names its text in its aria-label, which would put a hidden secret in the page
 * (and a screen reader would read it out in class). This one names only what it copies.
 */
export function CopySecretButton({ secret, label }: { secret: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    copyText(secret).then(
      () => setState('copied'),
      () => setState('failed'),
    );
    setTimeout(() => setState('idle'), 1500);
  };
  return (
    <button type="button" className="button-small" onClick={copy} aria-label={label}>
      {state === 'copied' ? 'Copied ✓' : state === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
