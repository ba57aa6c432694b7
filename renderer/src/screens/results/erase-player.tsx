import { useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { apiPost } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { useDialogFocus } from '../../components/use-dialog-focus';
import { navigate } from '../../router';
import { leaveErasedNotice } from '../erased-notice';
import '../alerts/alerts.css';

interface Props {
  playerId: string;
  label: string;
  activities: Array<{ id: string; name: string }>;
  onErased: () => void;
}

/** "Erase this player's data": everywhere or in one activity, after an explicit confirmation; cannot be undone. */
export function ErasePlayer({ playerId, label, activities, onErased }: Props) {
  const { t } = useTranslation('results');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const erase = async (scope: string) => {
    setBusy(true);
    try {
      const report = await apiPost<{ statements: number; sessions: number; playerRemoved: boolean }>('/erasures', {
        player: playerId,
        ...(scope ? { activity: scope } : {}),
        confirm: true,
      });
      // Every erasure says it (the DPO's answer to the family must): a backup is a copy made before. Erased in one
      // activity, the player went too when that was the last of their data: said, as the page they were on is gone.
      const text = t(scope && report.playerRemoved ? 'erase.erasedLast' : 'erase.erased', {
        statements: t('erase.statements', { count: report.statements }),
        sessions: t('erase.sessions', { count: report.sessions }),
      });
      setOutcome(text);
      setOpen(false);
      if (report.playerRemoved) {
        leaveErasedNotice(text);
        navigate('/players');
      } else onErased();
    } catch (error) {
      setOutcome((error as Error).message);
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };
  // The button stays while the panel is open: the focus comes back to it.
  return (
    <>
      <p>
        <button type="button" className="button-small" aria-expanded={open} onClick={() => setOpen(true)}>
          {t('erase.open')}
        </button>
        {outcome && (
          <span className="notice" role="status">
            {outcome}
          </span>
        )}
      </p>
      {open && <ErasePanel playerId={playerId} label={label} activities={activities} busy={busy} onErase={erase} onCancel={() => setOpen(false)} />}
    </>
  );
}

/** Where, and "I understand": a dialog for the keyboard (the focus inside, Escape cancels) like ConfirmAction. */
function ErasePanel({
  playerId,
  label,
  activities,
  busy,
  onErase,
  onCancel,
}: {
  playerId: string;
  label: string;
  activities: Props['activities'];
  busy: boolean;
  onErase: (scope: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('results');
  const [scope, setScope] = useState('');
  const [sure, setSure] = useState(false);
  const box = useRef<HTMLFieldSetElement>(null);
  const onKeyDown = useDialogFocus(box, { onEscape: () => !busy && onCancel() });
  // Erasing in one activity takes the player too when that is the last of their data: said before the teacher confirms,
  // as `aula player erase` says it, not only once their page is gone.
  const preview = useResource<{ playerRemoved: boolean }>(
    scope ? `/erasures/preview?player=${encodeURIComponent(playerId)}&activity=${encodeURIComponent(scope)}` : null,
  );
  return (
    <fieldset ref={box} className="erase-panel" aria-label={t('erase.panel')} onKeyDown={onKeyDown}>
      <p>
        <Trans t={t} i18nKey="erase.intro" values={{ label }} components={{ strong: <strong /> }} />
      </p>
      <div className="form-row">
        <label>
          {t('erase.where')}
          <select aria-label={t('erase.whereLabel')} value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="">{t('erase.everywhere')}</option>
            {activities.map((a) => (
              <option key={a.id} value={a.id}>
                {t('erase.onlyIn', { name: a.name })}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} /> {t('erase.understand')}
        </label>
        <button type="button" className="button-danger" disabled={!sure || busy} onClick={() => void onErase(scope)}>
          {t('erase.erase')}
        </button>
        <button type="button" className="button-small" onClick={onCancel}>
          {t('erase.cancel')}
        </button>
      </div>
      {scope && preview.data?.playerRemoved && (
        <p className="notice small" role="note">
          {t('erase.lastData')}
        </p>
      )}
    </fieldset>
  );
}
