import { useState } from 'react';
import { t } from '../i18n/setup';
import { copyText } from './copy-text';

/**
 * A button that copies `text`. Its name is the label and what it copies ("Copy code: xa96zk6j"), so a screen reader
 * tells one row's button from the next; `secret`: the name leaves the text out, which would otherwise be in the page
 * while the secret is hidden, and a screen reader would read it out in class. "Copied" is said through a live
 * region beside it (a button's changing text is not announced).
 */
export function CopyButton({ text, label = t('copy.copy'), secret = false }: { text: string; label?: string; secret?: boolean }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    copyText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
    setTimeout(() => setState('idle'), 1500);
  };
  return (
    <>
      <button type="button" className="button-small copy-button" onClick={copy}>
        {state === 'copied' ? t('copy.copied') : state === 'failed' ? t('copy.failed') : label}
        {!secret && <span className="visually-hidden">: {text}</span>}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? t('copy.copiedStatus') : state === 'failed' ? t('copy.failedStatus') : ''}
      </span>
    </>
  );
}
