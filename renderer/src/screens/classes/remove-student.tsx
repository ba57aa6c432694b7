import { useState } from 'react';
import { removeStudent } from './student-requests';

/** Asks first, and says plainly that only the membership goes: the account and every statement stay. */
export function RemoveStudent({
  classId,
  className,
  studentId,
  username,
  onRemoved,
  onClose,
}: {
  classId: string;
  className: string;
  studentId: string;
  username: string;
  onRemoved: (message: string) => void;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await removeStudent(classId, studentId);
      onRemoved(`Removed ${username} from class ${className}. The account and everything ${username} played stay.`);
    } catch (problem) {
      setError((problem as Error).message);
      setBusy(false);
    }
  };

  return (
    <div className="student-action warning" role="alertdialog" aria-label={`Remove ${username} from class ${className}`}>
      <p>
        Take <strong>{username}</strong> out of class {className}? The student's account and everything they already played stay (statements
        are research data; erasing them is a separate step on the player's page). Activities only for {className} will no longer let them in.
      </p>
      <button type="button" className="button-danger" onClick={() => void remove()} disabled={busy}>
        {busy ? 'Removing…' : 'Yes, remove from class'}
      </button>{' '}
      <button type="button" className="button-small" onClick={onClose} disabled={busy}>
        Cancel
      </button>
      {error && (
        <p className="error-box" role="alert">
          Not removed: {error}
        </p>
      )}
    </div>
  );
}
