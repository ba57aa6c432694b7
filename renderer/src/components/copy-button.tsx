import { useState } from 'react';
import { copyText } from './copy-text';

/**
 * `secret`: the label names what is copied but not the text, which would otherwise be in the page (aria-label) while
 * the secret is hidden, and a screen reader would read it out in class.
 */
export function CopyButton({ text, label = 'Copy', secret = false }: { text: string; label?: string; secret?: boolean }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    copyText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
    setTimeout(() => setState('idle'), 1500);
  };
  return (
    <button type="button" className="button-small" onClick={copy} aria-label={secret ? label : `${label}: ${text}`}>
      {state === 'copied' ? 'Copied ✓' : state === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
