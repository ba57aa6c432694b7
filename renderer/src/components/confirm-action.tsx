import { type ReactNode, useId, useRef, useState } from 'react';
import { t } from '../i18n/setup';
import { useDialogFocus } from './use-dialog-focus';

interface Props {
  /** The dialog's accessible name, e.g. "Delete class 3B". */
  label: string;
  /** The question, saying what goes and what stays. */
  children: ReactNode;
  confirm: string;
  busy: string;
  /** Runs the change; its error's message is shown as `describeError` words it, and the dialog stays. */
  action: () => Promise<void>;
  /** A string, or words with a link (e.g. to the page where the teacher can do what the refusal asks first). */
  describeError?: (error: Error) => ReactNode;
  onCancel: () => void;
}

/**
 * The question before a change that cannot be undone, inline where the teacher asked for it. For the keyboard and a
 * screen reader it is a dialog: the focus goes to Cancel (the choice that changes nothing) and the question is read,
 * Tab stays inside, Escape cancels, and the focus goes back to the button that asked.
 */
export function ConfirmAction({ label, children, confirm, busy: busyText, action, describeError = (error) => error.message, onCancel }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReactNode>(null);
  const box = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  const onKeyDown = useDialogFocus(box, { first: cancel, onEscape: () => !busy && onCancel() });

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (problem) {
      setError(describeError(problem as Error));
      setBusy(false);
    }
  };

  return (
    <div ref={box} className="student-action warning confirm-action" role="alertdialog" aria-modal="true" aria-label={label} aria-describedby={questionId} onKeyDown={onKeyDown}>
      <p id={questionId}>{children}</p>
      <button type="button" className="button-danger" onClick={() => void run()} disabled={busy}>
        {busy ? busyText : confirm}
      </button>{' '}
      <button ref={cancel} type="button" className="button-small" onClick={onCancel} disabled={busy}>
        {error ? t('confirm.close') : t('confirm.cancel')}
      </button>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
