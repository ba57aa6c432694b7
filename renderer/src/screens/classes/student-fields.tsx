import { useTranslation } from 'react-i18next';
import { type ClassRole, ROLES } from './types';

/** A username as students type it into their game: no autocorrect, no capital letter added by the browser. */
export function UsernameField({
  label,
  name,
  value,
  onChange,
  placeholder,
  list,
  describedBy,
  invalid = false,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  /** A datalist of existing accounts to pick from. */
  list?: string;
  /** The ids of the hint and of the refusal that say something about this field. */
  describedBy?: string;
  /** The server refused what is in it. */
  invalid?: boolean;
}) {
  return (
    <label>
      {label}
      <input
        name={name}
        list={list}
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
      />
    </label>
  );
}

/** The student's role in a class. */
export function RoleField({ label, name, value, onChange }: { label: string; name: string; value: ClassRole; onChange: (value: ClassRole) => void }) {
  const { t } = useTranslation('classes');
  return (
    <label>
      {label}
      <select name={name} value={value} onChange={(event) => onChange(event.target.value as ClassRole)}>
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {t(`roles.${option}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
