import { useState } from 'react';
import { apiPost } from '../../api/client';
import { ConfirmAction } from '../../components/confirm-action';
import { CopyButton } from '../../components/copy-button';

/**
 * The teacher key: hidden until revealed (a projector may be showing this screen), copyable, and regenerable after
 * a confirmation, since every other device then has to enter the new key.
 */
/** `teacherUrl`: this collector's /teacher on its network address (its LAN name when it answers for one), if it has one. */
export function TeacherKeyCard({
  teacherKey,
  access,
  teacherUrl,
  onChanged,
}: {
  teacherKey: string;
  access: string | null;
  teacherUrl: string | null;
  onChanged(): void;
}) {
  const [shown, setShown] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [regenerated, setRegenerated] = useState(false);

  const regenerate = async () => {
    await apiPost<{ teacherKey: string }>('/settings/teacher-key', {});
    setConfirming(false);
    setRegenerated(true);
    setShown(true);
    onChanged();
  };

  return (
    <section className="card" aria-labelledby="teacher-key-title" data-testid="teacher-key">
      <h2 id="teacher-key-title">Teacher key</h2>
      <p className="small muted">
        To open this dashboard on a tablet or another computer, go to{' '}
        {teacherUrl ? <code data-testid="teacher-url">{teacherUrl}</code> : <>/teacher on Aula's network address (see Connect)</>} and type this key. That device then stays signed in until the key is regenerated.
        Scripts can send <code>Authorization: Bearer &lt;key&gt;</code>.
      </p>
      <p>
        {/* Dots are read out one by one: a screen reader hears "hidden" instead. */}
        <code className="url" data-testid="teacher-key-value" aria-hidden={!shown}>
          {shown ? teacherKey : '•••• •••• •••• •••• •••• ••••'}
        </code>
        {!shown && <span className="visually-hidden">The key is hidden.</span>}{' '}
        <button type="button" className="button-small" onClick={() => setShown(!shown)}>
          {shown ? 'Hide' : 'Reveal'}
          <span className="visually-hidden"> the key</span>
        </button>{' '}
        <CopyButton text={teacherKey} label="Copy key" secret />
      </p>
      {regenerated && (
        <p className="notice small" role="status">
          New key made. The old key and every device signed in with it no longer open the dashboard.
        </p>
      )}
      {/* The button stays while the question is open: the focus comes back to it. */}
      <button type="button" className="button-small" aria-expanded={confirming} onClick={() => setConfirming(true)}>
        Regenerate…
      </button>
      {confirming && (
        <ConfirmAction label="Make a new teacher key" confirm="Yes, make a new key" busy="Making…" action={regenerate} onCancel={() => setConfirming(false)}>
          Make a new key? Every other device signed in to the dashboard is signed out at once and must enter the new key.
        </ConfirmAction>
      )}
      {access === 'cookie' && (
        <form method="post" action="/teacher/forget" className="small">
          <p className="muted">
            This device is signed in with the key.{' '}
            <button type="submit" className="button-small">
              Sign this device out
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
