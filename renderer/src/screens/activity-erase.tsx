import { useEffect, useRef, useState } from 'react';
import { apiGet, apiPost } from '../api/client';
import type { Activity, ActivityErasureCounts, BackupsNote } from '../api/types';
import { ErrorBox } from '../components/states';
import { useDialogFocus } from '../components/use-dialog-focus';
import './alerts/alerts.css';

/** What GET (the preview) and POST (the report: it adds xapiRevoked) /admin/api/activities/:id/erase answer. */
type ErasureCounts = ActivityErasureCounts & { xapiRevoked?: number; backups: BackupsNote };

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function what(c: ErasureCounts): string {
  return (
    `${plural(c.sessions, 'session')}, ${plural(c.statements, 'statement')}, ${plural(c.players, 'player')} ` +
    `(${c.playersRemoved} with no data elsewhere, removed too), ${plural(c.results, 'result')}, ${plural(c.alerts, 'alert')}, ` +
    `${plural(c.refusedRequests, 'refused-request sample')}, ${plural(c.uploadStates, 'upload state')}`
  );
}

/**
 * "Erase this activity's data…": at the end of a study, every trace the games left in it goes; the activity stays,
 * closed and empty. The teacher types the tracking code to confirm (the server checks it too) and then reads exactly
 * what went, and that backups made before still hold it.
 */
export function ActivityErase({ activity, onErased }: { activity: Activity; onErased: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const button = (
    <button type="button" className="button-small" aria-expanded={open} onClick={() => setOpen(true)}>
      Erase this activity's data…
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
      onErased(
        `Erased from ${activity.name}: ${what(report)}.` +
          (report.uploaded > 0 ? ` ${plural(report.uploaded, 'statement')} had already been uploaded to an LRS: ask its administrator to erase them there too.` : '') +
          ` The activity is closed and empty${report.xapiRevoked ? ', and its xAPI key no longer works' : ''}. ${report.backups.message}`,
      );
    } catch (failure) {
      setError(failure as Error);
      setBusy(false);
    }
  };
  return (
    <fieldset ref={box} className="erase-panel" aria-label="Erase this activity's data" onKeyDown={onKeyDown}>
      <p>
        <strong>Erase every game's data in {activity.name}.</strong> This cannot be undone: exports and uploads will not have it, and the erasure is
        logged without any student's name. The activity stays, closed and empty, with its name, class and rules; its xAPI key stops working.
      </p>
      {preview ? (
        <p data-testid="erase-preview">
          What goes: {what(preview)}. {preview.backups.message}
        </p>
      ) : (
        !error && <p className="muted">Counting…</p>
      )}
      <div className="form-row">
        <label>
          Type the tracking code <code className="code">{activity.trackingCode}</code> to confirm{' '}
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
          {busy ? 'Erasing…' : 'Erase'}
        </button>
        <button type="button" className="button-small" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
      {error && <ErrorBox error={error} />}
    </fieldset>
  );
}
