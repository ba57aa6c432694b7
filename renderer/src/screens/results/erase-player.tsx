import { useRef, useState } from 'react';
import { apiPost } from '../../api/client';
import { useDialogFocus } from '../../components/use-dialog-focus';
import { navigate } from '../../router';
import { leaveErasedNotice } from '../erased-notice';
import '../alerts/alerts.css';

const counted = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

interface Props {
  playerId: string;
  label: string;
  activities: Array<{ id: string; name: string }>;
  onErased: () => void;
}

/** "Erase this player's data": everywhere or in one activity, after an explicit confirmation; cannot be undone. */
export function ErasePlayer({ playerId, label, activities, onErased }: Props) {
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
      // Every erasure says it (the DPO's answer to the family must): a backup is a copy made before.
      const text = `Erased ${counted(report.statements, 'statement')} and ${counted(report.sessions, 'session')}. Backups made before the erasure still hold the data (Settings → Backups).`;
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
          Erase this player's data…
        </button>
        {outcome && (
          <span className="notice" role="status">
            {outcome}
          </span>
        )}
      </p>
      {open && <ErasePanel label={label} activities={activities} busy={busy} onErase={erase} onCancel={() => setOpen(false)} />}
    </>
  );
}

/** Where, and "I understand": a dialog for the keyboard (the focus inside, Escape cancels) like ConfirmAction. */
function ErasePanel({
  label,
  activities,
  busy,
  onErase,
  onCancel,
}: {
  label: string;
  activities: Props['activities'];
  busy: boolean;
  onErase: (scope: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [scope, setScope] = useState('');
  const [sure, setSure] = useState(false);
  const box = useRef<HTMLFieldSetElement>(null);
  const onKeyDown = useDialogFocus(box, { onEscape: () => !busy && onCancel() });
  return (
    <fieldset ref={box} className="erase-panel" aria-label="Erase data" onKeyDown={onKeyDown}>
      <p>
        <strong>Erase {label}'s data.</strong> Their statements, sessions, results and alerts are removed for good (exports and uploads will not
        have them); the erasure is logged without their name. This cannot be undone.
      </p>
      <div className="form-row">
        <label>
          Where
          <select aria-label="Erase where" value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="">everywhere (and the player itself)</option>
            {activities.map((a) => (
              <option key={a.id} value={a.id}>
                only in {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} /> I understand this cannot be undone
        </label>
        <button type="button" className="button-danger" disabled={!sure || busy} onClick={() => void onErase(scope)}>
          Erase
        </button>
        <button type="button" className="button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
