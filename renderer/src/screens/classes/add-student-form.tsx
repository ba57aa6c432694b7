import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../../api/client';
import type { SlipStudent } from './login-slips';
import { OneLoginSlip } from './one-login-slip';
import { PasswordField } from './password-field';
import { RoleField, UsernameField } from './student-fields';
import type { ClassRole, ClassStudent } from './types';
import { useFormSubmit } from './use-form-submit';

/** One account. The server checks it with the same rules as `aula student add` and says what is wrong. */
export function AddStudentForm({ classId, className, onAdded }: { classId: string; className: string; onAdded: () => void }) {
  const { t } = useTranslation('classes');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<ClassRole>('student');
  const [added, setAdded] = useState<string | null>(null);
  // The new account's slip, with the password just typed: only here, dropped as soon as the teacher types the next
  // student or leaves (the form goes with the class panel), never stored. Aula keeps only the hash.
  const [slip, setSlip] = useState<SlipStudent | null>(null);
  const typing =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      setSlip(null);
      set(value);
    };

  const ids = useId();
  const { busy, error, problem, submit } = useFormSubmit(async () => {
    setAdded(null);
    setSlip(null);
    const { student } = await apiPost<{ student: ClassStudent }>(`/classes/${encodeURIComponent(classId)}/students`, {
      username,
      password,
      role,
      ...(name.trim() ? { name } : {}),
    });
    // The password is not kept in the form once the account exists: only on its slip, until the teacher moves on.
    setSlip({ username: student.username, password, name: student.name ?? null });
    setUsername('');
    setPassword('');
    setName('');
    setRole('student');
    setAdded(student.username);
    onAdded();
  });

  // The refusal is tied to the field it is about, read with it and marked invalid; the rules are read with both.
  const field = problem && refusedField(problem);
  const hint = `${ids}-hint`;
  const refusal = `${ids}-refusal`;
  const about = (name: 'username' | 'password') => (field === name ? `${refusal} ${hint}` : hint);
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="add-student-title">
      <h2 id="add-student-title">{t('addStudent.title')}</h2>
      <div className="form-row">
        <UsernameField
          label={t('addStudent.username')}
          name="username"
          value={username}
          onChange={typing(setUsername)}
          placeholder={t('addStudent.usernamePlaceholder')}
          describedBy={about('username')}
          invalid={field === 'username'}
        />
        <PasswordField
          label={t('addStudent.password')} name="password" value={password} onChange={typing(setPassword)} describedBy={about('password')} invalid={field === 'password'} />
        <label>
          {t('addStudent.fullName')}
          <input name="name" value={name} onChange={(event) => typing(setName)(event.target.value)} placeholder={t('addStudent.optional')} maxLength={120} />
        </label>
        <RoleField label={t('addStudent.role')} name="role" value={role} onChange={typing(setRole)} />
        <button type="submit" className="button-primary" disabled={busy || username.trim() === '' || password === ''}>
          {busy ? t('addStudent.adding') : t('addStudent.add')}
        </button>
      </div>
      <p className="muted small" id={hint}>
        {t('addStudent.rules')}
      </p>
      {error && (
        <p className="warning" role="alert" id={refusal}>
          {t('addStudent.refused', { error })}
        </p>
      )}
      {added && (
        <p className="notice" role="status">
          {t('addStudent.added', { username: added, className })}
        </p>
      )}
      {slip && <OneLoginSlip classId={classId} className={className} student={slip} />}
    </form>
  );
}

/** Which field a refusal is about: a taken or malformed username, or a refused password; null when neither. */
function refusedField(problem: Error): 'username' | 'password' | null {
  if (!(problem instanceof ApiError)) return null;
  if (problem.reason === 'student-exists') return 'username';
  if (problem.reason !== 'invalid-student') return null;
  if (/password/i.test(problem.message)) return 'password';
  return /username/i.test(problem.message) ? 'username' : null;
}
