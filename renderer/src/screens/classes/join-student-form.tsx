import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { t } from '../../i18n/setup';
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
  const { t } = useTranslation('classes');
  const listId = useId();
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<ClassRole>('student');
  const [joined, setJoined] = useState<{ username: string; otherClasses: string[] } | null>(null);

  const refusal = useId();
  const { busy, error, submit } = useFormSubmit(async () => {
    setJoined(null);
    const { student } = await joinClass(classId, username, role);
    // "too" only when the student is in other classes as well (not after being moved here from the only other one).
    const otherClasses = student?.classes.map((c) => c.name).filter((name) => name !== className) ?? [];
    setJoined({ username: student?.username ?? username.trim().toLowerCase(), otherClasses });
    setUsername('');
    setRole('student');
    onJoined();
  });

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="join-student-title">
      <h2 id="join-student-title">{t('join.title')}</h2>
      <p className="muted small">
        {t('join.intro')}
        {noAccounts ? ` ${t('join.noAccounts')}` : candidates?.length === 0 ? ` ${t('join.allIn')}` : ''}
      </p>
      <div className="form-row">
        <UsernameField
          label={t('join.account')}
          name="existing-username"
          list={listId}
          value={username}
          onChange={setUsername}
          placeholder={t('join.placeholder')}
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
        <RoleField label={t('join.roleAs')} name="existing-role" value={role} onChange={setRole} />
        <button type="submit" className="button-primary" disabled={busy || username.trim() === ''}>
          {busy ? t('join.adding') : t('join.add')}
        </button>
      </div>
      {error && (
        <p className="warning" role="alert" id={refusal}>
          {t('join.refused', { error })}
        </p>
      )}
      {joined && (
        <p className="notice" role="status">
          {joined.otherClasses.length > 0
            ? t('join.joinedToo', { username: joined.username, className, others: joined.otherClasses.join(', ') })
            : t('join.joined', { username: joined.username, className })}
        </p>
      )}
    </form>
  );
}

function describe(account: StudentAccount): string {
  const classes = account.classes.map((c) => c.name).join(', ');
  return [account.name, classes ? t('classes:join.inClasses', { classes }) : t('classes:join.inNoClass')].filter(Boolean).join(' · ');
}
