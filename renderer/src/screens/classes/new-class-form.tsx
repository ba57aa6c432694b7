import { useId, useState } from 'react';
import { apiPost } from '../../api/client';
import type { ClassSummary } from './types';
import { useFormSubmit } from './use-form-submit';

export function NewClassForm({ onCreated }: { onCreated: (created: ClassSummary) => void }) {
  const [name, setName] = useState('');

  const refusal = useId();
  const { busy, error, submit } = useFormSubmit(async () => {
    const { class: created } = await apiPost<{ class: ClassSummary }>('/classes', { name });
    setName('');
    onCreated(created);
  });

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="new-class-title">
      <h2 id="new-class-title">New class</h2>
      <div className="form-row">
        <label>
          Class name
          <input name="className" required value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. 3B"
            maxLength={120}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? refusal : undefined}
          />
        </label>
        <button type="submit" className="button-primary" disabled={busy || name.trim() === ''}>
          {busy ? 'Creating…' : 'Create class'}
        </button>
      </div>
      {error && (
        <p className="warning" role="alert" id={refusal}>
          Not created: {error}
        </p>
      )}
    </form>
  );
}
