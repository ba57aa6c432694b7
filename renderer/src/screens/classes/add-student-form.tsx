import { useState } from 'react';
import { apiPost } from '../../api/client';
import { PasswordField } from './password-field';
import { RoleField, UsernameField } from './student-fields';
import type { ClassRole, ClassStudent } from './types';
import { useFormSubmit } from './use-form-submit';

/** One account. The server checks it with the same rules as `aula student add` and says what is wrong. */
export function AddStudentForm({ classId, className, onAdded }: { classId: string; className: string; onAdded: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<ClassRole>('student');
  const [added, setAdded] = useState<string | null>(null);

  const { busy, error, submit } = useFormSubmit(async () => {
    setAdded(null);
    const { student } = await apiPost<{ student: ClassStudent }>(`/classes/${encodeURIComponent(classId)}/students`, {
      username,
      password,
      role,
      ...(name.trim() ? { name } : {}),
    });
    // The password is not kept once the account exists: the teacher hands it over, Aula only stores its hash.
    setUsername('');
    setPassword('');
    setName('');
    setRole('student');
    setAdded(student.username);
    onAdded();
  });

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="add-student-title">
      <h3 id="add-student-title">Add a student</h3>
      <div className="form-row">
        <UsernameField label="Username" name="username" value={username} onChange={setUsername} placeholder="e.g. ana.garcia" />
        <PasswordField label={"Password"} name="password" value={password} onChange={setPassword} />
        <label>
          Full name
          <input name="name" value={name} onChange={(event) => setName(event.target.value)} placeholder="optional" maxLength={120} />
        </label>
        <RoleField label="Role" name="role" value={role} onChange={setRole} />
        <button type="submit" className="button-primary" disabled={busy || username.trim() === '' || password === ''}>
          {busy ? 'Adding…' : 'Add student'}
        </button>
      </div>
      <p className="muted small">
        Usernames: letters a-z, digits and . _ - (stored lower-case). Passwords cannot contain " or \ (some trackers send them unescaped).
      </p>
      {error && (
        <p className="warning" role="alert">
          Not added: {error}
        </p>
      )}
      {added && (
        <p className="notice" role="status">
          Added {added} to class {className}. The game logs in with this username and the password you gave; Aula does not show it again.
        </p>
      )}
    </form>
  );
}
