import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiPost } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { formatCount } from '../../format/time';
import { retriesNote, retryNotice } from '../../format/upload-retry';
import { useNow } from '../../use-now';
import { TransferBar } from './transfer-bar';
import type { UploadJob, UploadTarget } from './types';

/** The wait before the LRS is asked again, as `aula upload` announces it, counting down while it lasts. */
function RetryNotice({ retry }: { retry: NonNullable<UploadJob['retry']> }) {
  const now = useNow(1000);
  // Counted down from the server's answer with this browser's monotonic clock (format/upload-retry.ts).
  const [received, setReceived] = useState<{ retry: unknown; at: number }>({ retry: undefined, at: 0 });
  if (received.retry !== retry) setReceived({ retry, at: performance.now() });
  return (
    <p className="warning" data-testid="upload-retry">
      {retryNotice(retry, now, received.retry === retry ? performance.now() - received.at : 0)}
    </p>
  );
}

function Summary({ job }: { job: UploadJob }) {
  const { t } = useTranslation('data');
  const retries = retriesNote(job.retries);
  if (job.state === 'failed') {
    return (
      <div className="warning" data-testid="upload-summary">
        {/* The error is the server's wording (the LRS's answer, a network error), shown as sent. */}
        <p>{t('upload.stopped', { error: job.error })}</p>
        {retries && <p>{retries}</p>}
      </div>
    );
  }
  const summary = job.summary;
  if (!summary) return null;
  const { totals } = summary;
  return (
    <div className="notice" data-testid="upload-summary">
      <p>{t('upload.sent', { sent: summary.sent, alreadyThere: summary.alreadyThere, conflicts: summary.conflicts, rejected: summary.rejected })}</p>
      <p>{t('upload.forThisLrs', { sent: totals.sent, conflicts: totals.conflict, rejected: totals.rejected, pending: totals.pending })}</p>
      {retries && <p>{retries}</p>}
      {summary.problems.length > 0 && (
        <ul className="small">
          {summary.problems.slice(0, 20).map((problem) => (
            <li key={problem.id}>
              {/* The message is the LRS's (or the server's) wording, shown as sent. */}
              {t(`upload.states.${problem.state}`)} <code>{problem.id}</code>: {problem.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function UploadPanel() {
  const { t } = useTranslation('data');
  // What the table's last column counts, said under it and on its header: the column's name alone left teachers guessing.
  const notQueuedHint = t('upload.notQueuedHint');
  const targets = useResource<{ targets: UploadTarget[] }>('/data/upload/targets');
  const [endpoint, setEndpoint] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [pseudonymize, setPseudonymize] = useState(false);
  const [check, setCheck] = useState<{ ok: boolean; message: string } | null>(null);
  const [job, setJob] = useState<UploadJob | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const reloadTargets = targets.reload;

  useEffect(() => {
    apiGet<{ job: UploadJob | null }>('/data/upload/status').then((answer) => setJob(answer.job), () => undefined);
  }, []);
  const running = job?.state === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      apiGet<{ job: UploadJob | null }>('/data/upload/status').then((answer) => {
        setJob(answer.job);
        if (answer.job?.state !== 'running') reloadTargets();
      }, () => undefined);
    }, 500);
    return () => clearInterval(timer);
  }, [running, reloadTargets]);

  const credentials = { endpoint: endpoint.trim(), username, password };
  const test = () => {
    setCheck(null);
    apiPost<{ ok: boolean; message: string }>('/data/upload/test', credentials).then(setCheck, (error: Error) => setCheck({ ok: false, message: error.message }));
  };
  const upload = () => {
    setProblem(null);
    apiPost<{ job: UploadJob }>('/data/upload', { ...credentials, pseudonymize }).then((answer) => setJob(answer.job), (error: Error) => setProblem(error.message));
  };
  const ready = credentials.endpoint !== '' && username !== '' && password !== '';

  return (
    <section className="card" aria-labelledby="upload-title">
      <h2 id="upload-title">{t('upload.title')}</h2>
      <p className="small muted">{t('upload.intro')}</p>
      <div className="form-row">
        <label>
          {t('upload.endpoint')}
          <input type="url" value={endpoint} onChange={(e) => setEndpoint(e.target.value)} placeholder="https://lrs.example.org/xAPI" />
        </label>
        <label>
          {t('upload.key')}
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" />
        </label>
        <label>
          {t('upload.secret')}
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" />
        </label>
        <label className="checkbox" title={t('upload.pseudonymiseTitle')}>
          <input type="checkbox" checked={pseudonymize} onChange={(e) => setPseudonymize(e.target.checked)} />
          {t('export.pseudonymise')}
        </label>
        <button type="button" className="button-small" onClick={test} disabled={!ready}>
          {t('upload.test')}
        </button>
        <button type="button" className="button-primary" onClick={upload} disabled={!ready || running}>
          {t('upload.upload')}
        </button>
      </div>
      {/* Always in the page, so the answer to "Test connection" is read out when it comes. The check's message is the
          server's wording (what the LRS answered), shown as sent. */}
      <div role="status">{check && <p className={check.ok ? 'notice' : 'warning'} data-testid="upload-check">{check.message}</p>}</div>
      {problem && (
        <p className="warning" role="alert">
          {problem}
        </p>
      )}
      {job && (
        <div data-testid="upload-progress">
          <TransferBar done={job.progress.done} total={job.progress.total} label={t('upload.progress')} />
          {/* Read out as it changes: a researcher who looked away hears why the bar stands still, then how it ended. */}
          <div role="status">
            {running && job.retry && <RetryNotice retry={job.retry} />}
            <Summary job={job} />
          </div>
        </div>
      )}
      {(targets.data?.targets.length ?? 0) > 0 && (
        <div className="table-wrap">
          <table className="table small">
            <thead>
              <tr>
                <th>{t('upload.columns.lrs')}</th>
                <th>{t('upload.columns.key')}</th>
                <th className="num">{t('upload.columns.sent')}</th>
                <th className="num">{t('upload.columns.pending')}</th>
                <th className="num">{t('upload.columns.conflicts')}</th>
                <th className="num">{t('upload.columns.rejected')}</th>
                <th className="num" title={notQueuedHint}>
                  {t('upload.columns.notQueued')}
                </th>
              </tr>
            </thead>
            <tbody>
              {targets.data?.targets.map((target) => (
                <tr key={target.id}>
                  <td>{target.endpoint}</td>
                  <td>{target.username}</td>
                  <td className="num">{formatCount(target.counts.sent)}</td>
                  <td className="num">{formatCount(target.counts.pending)}</td>
                  <td className="num">{formatCount(target.counts.conflict)}</td>
                  <td className="num">{formatCount(target.counts.rejected)}</td>
                  <td className="num">{formatCount(target.notQueued)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small muted" data-testid="not-queued-hint">
            {notQueuedHint}
          </p>
        </div>
      )}
    </section>
  );
}
