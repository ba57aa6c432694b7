import { t } from '../i18n/setup';

interface Props {
  /** A class id, or '' for no class. */
  value: string;
  classes: ReadonlyArray<{ id: string; name: string }>;
  onChange: (classId: string) => void;
}

/** The class an activity's students come from, or none: the same choice when an activity is created and changed. */
export function ClassField({ value, classes, onChange }: Props) {
  return (
    <label>
      {t('classField.label')}
      <select name="class" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('classField.none')}</option>
        {classes.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
