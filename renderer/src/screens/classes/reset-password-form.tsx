import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './password-field';
import { setStudentPassword } from './student-requests';
import { useFormSubmit } from './use-form-submit';

/**
 * A new password for one student (a forgotten one, usually). Same rules as a new account; the server says what is
 * wrong. The field is emptied once the password is set: the teacher hands it over, Aula keeps only its hash.
 */
export function ResetPasswordForm({ classId, studentId, username, onClose }: { classId: string; studentId: string; username: string; onClose: () => void }) {
  const { t } = useTranslation('classes');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);

  const refusal = useId();
  const { busy, error, submit } = useFormSubmit(async () => {
    setDone(false);
    await setStudentPassword(classId, studentId, password);
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
          onChange={setPassword}
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
    </form>
  );
}
