import { useState } from 'react';
import { ApiError } from '../../api/client';
import { deleteClass } from './class-requests';
import type { ClassSummary } from './types';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Asks first and says what goes: the class and its memberships. The accounts stay (other classes, what they played).
 * A class with linked activities is refused by the server; its message names them and is shown as it is.
 */
export function DeleteClass({ summary, onDeleted, onClose }: { summary: ClassSummary; onDeleted: (message: string) => void; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await deleteClass(summary.id);
      onDeleted(`Deleted class ${summary.name}. Its student accounts stay, with everything they played, and in any other class.`);
    } catch (problem) {
      // The server's refusal already starts "Class … is not deleted"; other failures get the prefix.
      const message = (problem as Error).message;
      setError(problem instanceof ApiError && problem.reason === 'class-in-use' ? message : `Not deleted: ${message}`);
      setBusy(false);
    }
  };

  return (
    <div className="student-action warning" role="alertdialog" aria-label={`Delete class ${summary.name}`}>
      <p>
        Delete class <strong>{summary.name}</strong>? Its {count(summary.students, 'membership goes', 'memberships go')}: the student accounts
        stay, with everything they already played, and in any other class they are in.
        {summary.activities > 0 &&
          ` ${count(summary.activities, 'activity is', 'activities are')} linked to it: Aula keeps the class until they have another class or none (Activities, Change).`}
      </p>
      <button type="button" className="button-danger" onClick={() => void remove()} disabled={busy}>
        {busy ? 'Deleting…' : 'Yes, delete class'}
      </button>{' '}
      <button type="button" className="button-small" onClick={onClose} disabled={busy}>
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
