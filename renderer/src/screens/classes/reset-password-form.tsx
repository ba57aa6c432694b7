import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlipStudent } from './login-slips';
import { OneLoginSlip } from './one-login-slip';
import { PasswordField } from './password-field';
import { setStudentPassword } from './student-requests';
import { useFormSubmit } from './use-form-submit';

/**
 * A new password for one student (a forgotten one, usually). Same rules as a new account; the server says what is
 * wrong. The field is emptied once the password is set: the teacher hands it over, on a login slip if they like,
 * and Aula keeps only its hash.
 */
export function ResetPasswordForm({
  classId,
  className,
  studentId,
  username,
  name,
  onClose,
}: {
  classId: string;
  className: string;
  studentId: string;
  username: string;
  name: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('classes');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  // The new password's slip: only in this form, gone when it closes (Close, another action, another class or screen)
  // or the teacher types another password; never stored.
  const [slip, setSlip] = useState<SlipStudent | null>(null);

  const refusal = useId();
  const { busy, error, submit } = useFormSubmit(async () => {
    setDone(false);
    setSlip(null);
    await setStudentPassword(classId, studentId, password);
    setSlip({ username, password, name });
    setPassword('');
    setDone(true);
  });

  return (
    <form className="student-action" onSubmit={submit} aria-label={t('password.label', { username })}>
      <div className="form-row">
        <PasswordField
          label={t('password.field', { username })}
          name="new-password"
          value={password}
          onChange={(value) => {
            setSlip(null);
            setPassword(value);
          }}
          describedBy={error ? refusal : undefined}
          invalid={error !== null}
        />
        <button type="submit" className="button-primary" disabled={busy || password === ''}>
          {busy ? t('password.setting') : t('password.set')}
        </button>
        <button type="button" className="button-small" onClick={onClose}>
          {done ? t('password.close') : t('password.cancel')}
        </button>
      </div>
      {error && (
        <p className="warning" role="alert" id={refusal}>
          {t('password.refused', { error })}
        </p>
      )}
      {done && (
        <p className="notice" role="status">
          {t('password.done', { username })}
        </p>
      )}
      {slip && <OneLoginSlip classId={classId} className={className} student={slip} />}
    </form>
  );
}
