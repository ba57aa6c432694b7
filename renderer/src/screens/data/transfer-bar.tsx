import { useTranslation } from 'react-i18next';

/** A progress bar for a running transfer (export, upload, import): done of total, with the figures in words. */
export function TransferBar({ done, total, label }: { done: number; total: number; label: string }) {
  const { t } = useTranslation('data');
  const percent = total === 0 ? 100 : Math.min(100, Math.round((done / total) * 100));
  return (
    <div className="transfer">
      <div className="progress transfer-bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="progress-fill" style={{ width: `${percent}%` }} />
        <span className="progress-text">{t('transfer.percent', { percent })}</span>
      </div>
      <span className="small muted">
        {t('transfer.figures', { done, total })}
      </span>
    </div>
  );
}
