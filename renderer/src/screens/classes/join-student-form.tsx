import { useId, useState } from 'react';
import { RoleField, UsernameField } from './student-fields';
import { joinClass } from './student-requests';
import type { ClassRole, StudentAccount } from './types';
import { useFormSubmit } from './use-form-submit';

/**
 * An account that already exists goes into this class too (a second subject, or a student first put in the wrong
 * class): no new password, the game logs in as before. Suggestions are the accounts not in this class yet; the
 * server still has the last word (an unknown username, or one already in the class, is refused with its reason).
 */
export function JoinStudentForm({
  classId,
  className,
  candidates,
  noAccounts,
  onJoined,
}: {
  classId: string;
  className: string;
  /** Undefined while they load. */
  candidates: StudentAccount[] | undefined;
  /** No student account exists at all (not only none outside this class): there is no one to add yet. */
  noAccounts: boolean;
  onJoined: () => void;
}) {
  const listId = useId();
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<ClassRole>('student');
  const [joined, setJoined] = useState<string | null>(null);

  const refusal = useId();
  const { busy, error, submit } = useFormSubmit(async () => {
    setJoined(null);
    await joinClass(classId, username, role);
    setJoined(username.trim().toLowerCase());
    setUsername('');
    setRole('student');
    onJoined();
  });

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="join-student-title">
      <h2 id="join-student-title">Add an existing student</h2>
      <p className="muted small">
        A student who already has an account (from another class) keeps the same username and password.
        {noAccounts
          ? ' No student has an account yet: create one with Add a student above, or import a roster below.'
          : candidates?.length === 0
            ? ' Every account is in this class already.'
            : ''}
      </p>
      <div className="form-row">
        <UsernameField
          label="Existing account"
          name="existing-username"
          list={listId}
          value={username}
          onChange={setUsername}
          placeholder="start typing a username"
          describedBy={error ? refusal : undefined}
          invalid={error !== null}
        />
        <datalist id={listId} className="join-candidates">
          {candidates?.map((account) => (
            <option key={account.id} value={account.username}>
              {describe(account)}
            </option>
          ))}
        </datalist>
        <RoleField label="In this class as" name="existing-role" value={role} onChange={setRole} />
        <button type="submit" className="button-primary" disabled={busy || username.trim() === ''}>
          {busy ? 'Adding…' : 'Add to class'}
        </button>
      </div>
      {error && (
        <p className="warning" role="alert" id={refusal}>
          Not added: {error}
        </p>
      )}
      {joined && (
        <p className="notice" role="status">
          {joined} is now in class {className} too. The game logs in with the same username and password as before.
        </p>
      )}
    </form>
  );
}

function describe(account: StudentAccount): string {
  const classes = account.classes.map((c) => c.name).join(', ');
  return [account.name, classes ? `in ${classes}` : 'in no class'].filter(Boolean).join(' · ');
}
