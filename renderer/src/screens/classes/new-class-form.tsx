import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../../api/client';
import type { ClassSummary } from './types';
import { useFormSubmit } from './use-form-submit';

export function NewClassForm({ onCreated }: { onCreated: (created: ClassSummary) => void }) {
  const { t } = useTranslation('classes');
  const [name, setName] = useState('');

  const refusal = useId();
  const { busy, error, submit } = useFormSubmit(async () => {
    const { class: created } = await apiPost<{ class: ClassSummary }>('/classes', { name });
    setName('');
    onCreated(created);
  });

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="new-class-title">
      <h2 id="new-class-title">{t('newClass.title')}</h2>
      <div className="form-row">
        <label>
          {t('newClass.name')}
          <input name="className" required value={name} onChange={(event) => setName(event.target.value)} placeholder={t('newClass.placeholder')}
            maxLength={120}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? refusal : undefined}
          />
        </label>
        <button type="submit" className="button-primary" disabled={busy || name.trim() === ''}>
          {busy ? t('newClass.creating') : t('newClass.create')}
        </button>
      </div>
      {error && (
        <p className="warning" role="alert" id={refusal}>
          {t('newClass.refused', { error })}
        </p>
      )}
    </form>
  );
}
