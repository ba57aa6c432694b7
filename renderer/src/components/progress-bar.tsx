import { formatPercent, progressFraction } from '../format/progress';
import { t } from '../i18n/setup';

export function ProgressBar({ progress, completion }: { progress: number | null; completion: boolean | null }) {
  const fraction = progressFraction(progress, completion);
  if (fraction === null) return <span className="muted">—</span>;
  const percent = formatPercent(fraction);
  return (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)} aria-label={t('progress.label', { percent })}>
      <div className="progress-fill" style={{ width: `${Math.round(fraction * 100)}%` }} />
      <span className="progress-text">{percent}</span>
    </div>
  );
}
