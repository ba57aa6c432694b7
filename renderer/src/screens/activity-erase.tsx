import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { apiGet, apiPost } from '../api/client';
import type { Activity, ActivityErasureCounts, BackupsNote } from '../api/types';
import { ErrorBox } from '../components/states';
import { useDialogFocus } from '../components/use-dialog-focus';
import { t } from '../i18n/setup';
import './alerts/alerts.css';

/** What GET (the preview) and POST (the report: it adds xapiRevoked) /admin/api/activities/:id/erase answer. */
type ErasureCounts = ActivityErasureCounts & { xapiRevoked?: number; backups: BackupsNote };

function what(c: ErasureCounts): string {
  return t('activities:erase.what', {
    sessions: t('activities:erase.sessions', { count: c.sessions }),
    statements: t('activities:erase.statements', { count: c.statements }),
    players: t('activities:erase.players', { count: c.players }),
    removed: c.playersRemoved,
    results: t('activities:erase.results', { count: c.results }),
    alerts: t('activities:erase.alerts', { count: c.alerts }),
    refused: t('activities:erase.refused', { count: c.refusedRequests }),
    uploads: t('activities:erase.uploads', { count: c.uploadStates }),
  });
}

/** What went, in the dashboard's words; the server's sentence about backups as it words it. */
function erasedReport(activityName: string, report: ErasureCounts): string {
  return [
    t('activities:erase.erased', { name: activityName, what: what(report) }),
    ...(report.uploaded > 0 ? [t('activities:erase.uploaded', { count: report.uploaded })] : []),
    report.xapiRevoked ? t('activities:erase.closedEmptyRevoked') : t('activities:erase.closedEmpty'),
    report.backups.message,
  ].join(' ');
}

/**
 * "Erase this activity's data…": at the end of a study, every trace the games left in it goes; the activity stays,
 * closed and empty. The teacher types the tracking code to confirm (the server checks it too) and then reads exactly
 * what went, and that backups made before still hold it.
 */
export function ActivityErase({ activity, onErased }: { activity: Activity; onErased: (message: string) => void }) {
  const { t } = useTranslation('activities');
  const [open, setOpen] = useState(false);
  const button = (
    <button type="button" className="button-small" aria-expanded={open} onClick={() => setOpen(true)}>
      {t('erase.button')}
    </button>
  );
  return (
    <p>
      {button}
      {open && <ErasePanel activity={activity} onErased={onErased} onCancel={() => setOpen(false)} />}
    </p>
  );
}

function ErasePanel({ activity, onErased, onCancel }: { activity: Activity; onErased: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation('activities');
  const [preview, setPreview] = useState<ErasureCounts | null>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const box = useRef<HTMLFieldSetElement>(null);
  const onKeyDown = useDialogFocus(box, { onEscape: () => !busy && onCancel() });
  const path = `/activities/${encodeURIComponent(activity.id)}/erase`;
  useEffect(() => {
    const controller = new AbortController();
    apiGet<ErasureCounts>(path, controller.signal).then(setPreview, (failure: unknown) => !controller.signal.aborted && setError(failure as Error));
    return () => controller.abort();
  }, [path]);
  const matches = typed.trim() === activity.trackingCode;
  const erase = async () => {
    setBusy(true);
    setError(null);
    try {
      const report = await apiPost<ErasureCounts>(path, { trackingCode: typed.trim(), confirm: true });
      onErased(erasedReport(activity.name, report));
    } catch (failure) {
      setError(failure as Error);
      setBusy(false);
    }
  };
  return (
    <fieldset ref={box} className="erase-panel" aria-label={t('erase.label')} onKeyDown={onKeyDown}>
      <p>
        <Trans t={t} i18nKey="erase.intro" values={{ name: activity.name }} components={{ strong: <strong /> }} />
      </p>
      {preview ? (
        <p data-testid="erase-preview">
          {t('erase.preview', { what: what(preview), backups: preview.backups.message })}
        </p>
      ) : (
        !error && <p className="muted">{t('erase.counting')}</p>
      )}
      <div className="form-row">
        <label>
          <Trans t={t} i18nKey="erase.typeCode" values={{ code: activity.trackingCode }} components={{ code: <code className="code" /> }} />{' '}
          <input
            value={typed}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setTyped(e.target.value)}
            // Enter must not submit the edit form this panel sits in.
            onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
          />
        </label>
        <button type="button" className="button-danger" disabled={!matches || busy || !preview} onClick={() => void erase()}>
          {busy ? t('erase.erasing') : t('erase.erase')}
        </button>
        <button type="button" className="button-small" onClick={onCancel} disabled={busy}>
          {t('erase.cancel')}
        </button>
      </div>
      {error && <ErrorBox error={error} />}
    </fieldset>
  );
}
