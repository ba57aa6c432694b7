import type { ReactNode } from 'react';
import { t } from '../i18n/setup';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty" role="status">
      <h2>{title}</h2>
      {children && <div className="empty-body">{children}</div>}
    </div>
  );
}

export function ErrorBox({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  return (
    <div className="error-box" role="alert">
      <strong>{t('states.error')}</strong> {error.message}
      {onRetry && (
        <button type="button" className="button-small" onClick={onRetry}>
          {t('states.tryAgain')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  return <p className="muted" aria-busy="true">{t('states.loading')}</p>;
}
