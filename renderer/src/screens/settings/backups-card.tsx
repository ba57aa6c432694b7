import { useState } from 'react';
import { apiDelete, apiPost } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { ConfirmAction } from '../../components/confirm-action';
import { ErrorBox, Loading } from '../../components/states';
import { formatByteSize } from '../../format/byte-size';
import type { BackupFile, BackupList } from './types';

/** As `aula backup list` shows it: the same backup reads the same size in both. */
const size = formatByteSize;

/** "Back up now" and the backups kept in the data folder (also made when an activity is closed). */
export function BackupsCard() {
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
      <h2 id="backups-title">Backups</h2>
      <p className="small muted">
        A consistent copy of all data, safe while games are sending. Aula also makes one each time an activity is closed, and keeps
        the last {list.data?.kept ?? 5}. Games go on sending while a backup is written (on a thread of its own, from a snapshot);
        a large database takes a while to copy.
      </p>
      <button type="button" className="button-primary" onClick={backUp} disabled={busy}>
        {busy ? 'Backing up…' : 'Back up now'}
      </button>
      {made && (
        <p className="notice small" role="status">
          Backup written: <code>{made.name}</code> ({size(made.bytes)})
        </p>
      )}
      {deleted && (
        <p className="notice small" role="status">
          Backup deleted: <code>{deleted}</code>
        </p>
      )}
      {problem && <ErrorBox error={problem} />}
      {list.error && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.loading && <Loading />}
      {list.data && (
        <>
          <p className="small">
            Folder: <code>{list.data.folder}</code>
          </p>
          {list.data.backups.length === 0 ? (
            <p className="muted small">No backup yet.</p>
          ) : (
            <ul className="small" aria-label="Kept backups">
              {list.data.backups.map((backup) => (
                <li key={backup.name}>
                  <code>{backup.name}</code> — {size(backup.bytes)}, {new Date(backup.createdAt).toLocaleString()}
                  {(backup.erasuresSince ?? 0) > 0 && (
                    <>
                      {' '}
                      <strong>
                        made before {backup.erasuresSince} erasure{backup.erasuresSince === 1 ? '' : 's'}: may still hold erased data
                      </strong>
                    </>
                  )}{' '}
                  <button
                    type="button"
                    className="button-small"
                    aria-label={`Delete backup ${backup.name}`}
                    aria-expanded={deleting === backup.name}
                    onClick={() => {
                      setDeleted(null);
                      setDeleting(deleting === backup.name ? null : backup.name);
                    }}
                  >
                    Delete
                  </button>
                  {deleting === backup.name && (
                    <ConfirmAction
                      label={`Delete backup ${backup.name}`}
                      confirm="Yes, delete backup"
                      busy="Deleting…"
                      action={() => remove(backup.name)}
                      describeError={(error) => `Not deleted: ${error.message}`}
                      onCancel={() => setDeleting(null)}
                    >
                      Delete <code>{backup.name}</code>? Its bytes are overwritten, then the file is removed: it cannot be restored
                      afterwards. Copies of it made elsewhere are not touched.
                    </ConfirmAction>
                  )}
                </li>
              ))}
            </ul>
          )}
          <p className="muted small">
            To restore one, stop Aula and run <code>aula restore &lt;backup file&gt;</code>.
          </p>
        </>
      )}
    </section>
  );
}
