import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { apiDelete, apiPost } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { ConfirmAction } from '../../components/confirm-action';
import { ErrorBox, Loading } from '../../components/states';
import { formatByteSize } from '../../format/byte-size';
import { formatTime } from '../../format/time';
import type { BackupFile, BackupList } from './types';

/** As `aula backup list` shows it: the same backup reads the same size in both. */
const size = formatByteSize;

/** "Back up now" and the backups kept in the data folder (also made when an activity is closed). */
export function BackupsCard() {
  const { t } = useTranslation('settings');
  const list = useResource<BackupList>('/backups');
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<BackupFile | undefined>();
  const [problem, setProblem] = useState<Error | undefined>();
  const [deleting, setDeleting] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);

  const remove = async (name: string) => {
    await apiDelete<BackupList>(`/backups/${encodeURIComponent(name)}`);
    setDeleting(null);
    setDeleted(name);
    if (made?.name === name) setMade(undefined);
    list.reload();
  };

  const backUp = () => {
    setBusy(true);
    setProblem(undefined);
    setDeleted(null);
    apiPost<{ backup: BackupFile }>('/backups', {})
      .then(
        (answer) => {
          setMade(answer.backup);
          list.reload();
        },
        (error: Error) => setProblem(error),
      )
      .finally(() => setBusy(false));
  };

  return (
    <section className="card" aria-labelledby="backups-title" data-testid="backups">
      <h2 id="backups-title">{t('backups.title')}</h2>
      <p className="small muted">{t('backups.intro', { kept: list.data?.kept ?? 5 })}</p>
      <button type="button" className="button-primary" onClick={backUp} disabled={busy}>
        {busy ? t('backups.backingUp') : t('backups.backUp')}
      </button>
      {made && (
        <p className="notice small" role="status">
          <Trans t={t} i18nKey="backups.written" values={{ name: made.name, size: size(made.bytes) }} components={{ code: <code /> }} />
        </p>
      )}
      {deleted && (
        <p className="notice small" role="status">
          <Trans t={t} i18nKey="backups.deleted" values={{ name: deleted }} components={{ code: <code /> }} />
        </p>
      )}
      {problem && <ErrorBox error={problem} />}
      {list.error && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.loading && <Loading />}
      {list.data && (
        <>
          <p className="small">
            <Trans t={t} i18nKey="backups.folder" values={{ folder: list.data.folder }} components={{ code: <code /> }} />
          </p>
          {list.data.backups.length === 0 ? (
            <p className="muted small">{t('backups.none')}</p>
          ) : (
            <ul className="small" aria-label={t('backups.listLabel')}>
              {list.data.backups.map((backup) => (
                <li key={backup.name}>
                  <code>{backup.name}</code> — {size(backup.bytes)}, {formatTime(backup.createdAt)}
                  {(backup.erasuresSince ?? 0) > 0 && (
                    <>
                      {' '}
                      <strong>{t('backups.erasures', { count: backup.erasuresSince ?? 0 })}</strong>
                    </>
                  )}{' '}
                  <button
                    type="button"
                    className="button-small"
                    aria-label={t('backups.deleteLabel', { name: backup.name })}
                    aria-expanded={deleting === backup.name}
                    onClick={() => {
                      setDeleted(null);
                      setDeleting(deleting === backup.name ? null : backup.name);
                    }}
                  >
                    {t('backups.delete')}
                  </button>
                  {deleting === backup.name && (
                    <ConfirmAction
                      label={t('backups.deleteLabel', { name: backup.name })}
                      confirm={t('backups.confirm')}
                      busy={t('backups.busy')}
                      action={() => remove(backup.name)}
                      describeError={(error) => t('backups.refused', { error: error.message })}
                      onCancel={() => setDeleting(null)}
                    >
                      <Trans t={t} i18nKey="backups.question" values={{ name: backup.name }} components={{ code: <code /> }} />
                    </ConfirmAction>
                  )}
                </li>
              ))}
            </ul>
          )}
          <p className="muted small">
            <Trans
              t={t}
              i18nKey="backups.restore"
              values={{ command: `aula restore <${t('backups.backupFile')}>` }}
              components={{ code: <code /> }}
            />
          </p>
        </>
      )}
    </section>
  );
}
