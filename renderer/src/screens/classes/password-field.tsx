import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A new password for a student, with a "Show" box: the teacher often reads it out or writes it on a card. */
export function PasswordField({
  label,
  name,
  value,
  onChange,
  describedBy,
  invalid = false,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** The ids of the hint and of the refusal that say something about this field. */
  describedBy?: string;
  /** The server refused the password. */
  invalid?: boolean;
}) {
  const { t } = useTranslation('classes');
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
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={shown} onChange={(event) => setShown(event.target.checked)} />
        {t('password.show')}
      </label>
    </>
  );
}
