import { useState } from 'react';

/** A new password for a student, with a "Show" box: the teacher often reads it out or writes it on a card. */
export function PasswordField({ label, name, value, onChange }: { label: string; name: string; value: string; onChange: (value: string) => void }) {
  const [shown, setShown] = useState(false);
  return (
    <>
      <label>
        {label}
        <input
          name={name}
          type={shown ? 'text' : 'password'}
          required
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete="new-password"
        />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={shown} onChange={(event) => setShown(event.target.checked)} />
        Show
      </label>
    </>
  );
}
