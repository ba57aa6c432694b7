import { type ReactNode, useState } from 'react';

interface Props {
  /** The dialog's accessible name, e.g. "Delete class 3B". */
  label: string;
  /** The question, saying what goes and what stays. */
  children: ReactNode;
  confirm: string;
  busy: string;
  /** Runs the change; its error's message is shown as `describeError` words it, and the dialog stays. */
  action: () => Promise<void>;
  describeError?: (error: Error) => string;
  onCancel: () => void;
}

/** The question before a change that cannot be undone, inline where the teacher asked for it. */
export function ConfirmAction({ label, children, confirm, busy: busyText, action, describeError = (error) => error.message, onCancel }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

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
    <div className="student-action warning" role="alertdialog" aria-label={label}>
      <p>{children}</p>
      <button type="button" className="button-danger" onClick={() => void run()} disabled={busy}>
        {busy ? busyText : confirm}
      </button>{' '}
      <button type="button" className="button-small" onClick={onCancel} disabled={busy}>
        {error ? 'Close' : 'Cancel'}
      </button>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
