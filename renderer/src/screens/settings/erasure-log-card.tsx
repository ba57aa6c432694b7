import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { ErrorBox, Loading } from '../../components/states';
import { formatTime } from '../../format/time';
import type { ErasureLog, ErasureLogEntry } from './types';

/** The card lists the most recent; `aula erasure list` (or ?limit= up to 1,000) reaches the older ones. */
const LISTED = 20;

function where(t: TFunction<'settings'>, entry: ErasureLogEntry): string {
  const activity = entry.activityName
    ? t('erasures.activity', { name: entry.activityName, code: entry.trackingCode })
    : t('erasures.deletedActivity');
  if (entry.scope === 'whole-activity') return t('erasures.wholeActivity', { activity });
  const player = entry.playerKind === 'anonymous' ? t('erasures.anonymousPlayer') : t('erasures.identifiedPlayer');
  return entry.scope === 'everywhere' ? t('erasures.everywhere', { player }) : t('erasures.inActivity', { player, activity });
}

function what(t: TFunction<'settings'>, entry: ErasureLogEntry): string {
  const parts = [
    t('erasures.statements', { count: entry.statements }),
    t('erasures.sessions', { count: entry.sessions }),
    t('erasures.results', { count: entry.results }),
    t('erasures.alerts', { count: entry.alerts }),
  ];
  // Null on erasures made before the log counted them: nothing is said rather than a 0 the log cannot vouch for.
  if (entry.refusedRequests) parts.push(t('erasures.refusedRequests', { count: entry.refusedRequests }));
  if (entry.playersRemoved && entry.scope === 'whole-activity') parts.push(t('erasures.playerRecords', { count: entry.playersRemoved }));
  else if (entry.playersRemoved) parts.push(t('erasures.playerRecord'));
  const listed = parts.join(t('erasures.separator'));
  return entry.uploaded > 0 ? t('erasures.withUploaded', { listed, count: entry.uploaded }) : listed;
}

/**
 * The erasure log, as `aula erasure list` prints it: when, by whom, where and what went, never whose data it was. What
 * a school asks to see when it must account for the erasures it made (a family's request, the end of a study).
 */
export function ErasureLogCard() {
  const { t } = useTranslation('settings');
  const log = useResource<ErasureLog>(`/erasures?limit=${LISTED}`);
  return (
    <section className="card" aria-labelledby="erasures-title" data-testid="erasure-log">
      <h2 id="erasures-title">{t('erasures.title')}</h2>
      <p className="small muted">{t('erasures.intro')}</p>
      {log.error && <ErrorBox error={log.error} onRetry={log.reload} />}
      {log.loading && <Loading />}
      {log.data &&
        (log.data.erasures.length === 0 ? (
          <p className="muted small">{t('erasures.none')}</p>
        ) : (
          <ul className="small" aria-label={t('erasures.listLabel')}>
            {log.data.erasures.map((entry) => (
              <li key={entry.id}>
                {t('erasures.entry', { time: formatTime(entry.time), by: entry.erasedBy, where: where(t, entry), what: what(t, entry) })}
              </li>
            ))}
          </ul>
        ))}
      {log.data?.more && (
        <p className="notice small" role="status">
          <Trans t={t} i18nKey="erasures.more" values={{ count: LISTED, command: 'aula erasure list --limit 1000' }} components={{ code: <code /> }} />
        </p>
      )}
    </section>
  );
}
