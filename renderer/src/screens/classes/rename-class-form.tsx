import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renameClass } from './class-requests';
import type { ClassSummary } from './types';
import { useFormSubmit } from './use-form-submit';

/** A new name; the students and the activities stay with the class (they reference it, not its name). */
export function RenameClassForm({ summary, onRenamed, onClose }: { summary: ClassSummary; onRenamed: (message: string) => void; onClose: () => void }) {
  const { t } = useTranslation('classes');
  const [name, setName] = useState(summary.name);

  // On success the panel closes this form.
  const refusal = useId();
  const { busy, error, submit } = useFormSubmit(async () => {
    const { class: renamed } = await renameClass(summary.id, name);
    onRenamed(t('rename.done', { from: summary.name, to: renamed.name }));
  });

  return (
    <form className="student-action" onSubmit={submit} aria-label={t('rename.label', { name: summary.name })}>
      <div className="form-row">
        <label>
          {t('rename.field', { name: summary.name })}
          <input name="newClassName" required value={name} onChange={(event) => setName(event.target.value)}
            maxLength={120}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? refusal : undefined}
          />
        </label>
        <button type="submit" className="button-primary" disabled={busy || name.trim() === '' || name.trim() === summary.name}>
          {busy ? t('rename.renaming') : t('rename.rename')}
        </button>
        <button type="button" className="button-small" onClick={onClose} disabled={busy}>
          {t('rename.cancel')}
        </button>
      </div>
      {error && (
        <p className="warning" role="alert" id={refusal}>
          {t('rename.refused', { error })}
        </p>
      )}
    </form>
  );
}
