import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RatePoint } from '../api/types';
import { useResource } from '../api/use-resource';
import { formatMinute } from '../format/time';
import { t } from '../i18n/setup';
import { ErrorBox } from './states';

const MINUTES = 30;

/** Statements per minute over the last half hour; refreshed with the activity's changes, at most every 5 s. */
export function RateChart({ activityId }: { activityId: string }) {
  const rate = useResource<{ points: RatePoint[] }>(`/activities/${encodeURIComponent(activityId)}/rate?minutes=${MINUTES}`, {
    staleOn: (changes) => changes.activities[activityId] !== undefined,
    throttleMs: 5000,
  });
  if (rate.error) return <ErrorBox error={rate.error} onRetry={rate.reload} />;
  const data = (rate.data?.points ?? []).map((point) => ({
    // Labelled by the laptop's clock: the minutes are counted by `stored`, ahead of it after it was set back.
    time: formatMinute(point.clockMinute ?? point.minute),
    statements: point.statements,
  }));
  const total = data.reduce((sum, point) => sum + point.statements, 0);
  return (
    <figure className="chart" aria-label={t('chart.label', { minutes: MINUTES, total })}>
      <figcaption>
        {t('chart.caption')} <span className="muted">{t('chart.window', { minutes: MINUTES, total })}</span>
      </figcaption>
      <ResponsiveContainer width="100%" height={140}>
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="time" tick={{ fontSize: 11 }} interval={4} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Bar dataKey="statements" name={t('chart.series')} fill="#2f6fb3" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
