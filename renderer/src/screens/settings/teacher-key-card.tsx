import { useState } from 'react';
import { apiPost } from '../../api/client';
import { copyText } from '../../components/copy-text';

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
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [problem, setProblem] = useState<string | undefined>();
  const [regenerated, setRegenerated] = useState(false);

  const copy = () => {
    copyText(teacherKey).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
    setTimeout(() => setCopied('idle'), 1500);
  };
  const regenerate = () => {
    setBusy(true);
    setProblem(undefined);
    apiPost<{ teacherKey: string }>('/settings/teacher-key', {})
      .then(
        () => {
          setConfirming(false);
          setRegenerated(true);
          setShown(true);
          onChanged();
        },
        (error: Error) => setProblem(error.message),
      )
      .finally(() => setBusy(false));
  };

  return (
    <section className="card" aria-labelledby="teacher-key-title" data-testid="teacher-key">
      <h3 id="teacher-key-title">Teacher key</h3>
      <p className="small muted">
        To open this dashboard on a tablet or another computer, go to{' '}
        {teacherUrl ? <code data-testid="teacher-url">{teacherUrl}</code> : <>/teacher on Aula's network address (see Connect)</>} and type this key. That device then stays signed in until the key is regenerated.
        Scripts can send <code>Authorization: Bearer &lt;key&gt;</code>.
      </p>
      <p>
        <code className="url" data-testid="teacher-key-value" aria-live="polite">
          {shown ? teacherKey : '•••• •••• •••• •••• •••• ••••'}
        </code>{' '}
        <button type="button" className="button-small" onClick={() => setShown(!shown)}>
          {shown ? 'Hide' : 'Reveal'}
        </button>{' '}
        <button type="button" className="button-small" onClick={copy}>
          {copied === 'copied' ? 'Copied ✓' : copied === 'failed' ? 'Copy failed' : 'Copy key'}
        </button>
      </p>
      {regenerated && (
        <p className="notice small" role="status">
          New key made. The old key and every device signed in with it no longer open the dashboard.
        </p>
      )}
      {confirming ? (
        <div className="warning" role="alertdialog" aria-labelledby="regenerate-question">
          <p id="regenerate-question">
            Make a new key? Every other device signed in to the dashboard is signed out at once and must enter the new key.
          </p>
          <button type="button" className="button-primary" onClick={regenerate} disabled={busy}>
            Yes, make a new key
          </button>{' '}
          <button type="button" className="button-small" onClick={() => setConfirming(false)} disabled={busy}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="button-small" onClick={() => setConfirming(true)}>
          Regenerate…
        </button>
      )}
      {problem && (
        <p className="error-box" role="alert">
          {problem}
        </p>
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
