import { useEffect, useState } from 'react';
import { apiGet, apiPost } from '../../api/client';
import { useResource } from '../../api/use-resource';
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
  const retries = retriesNote(job.retries);
  if (job.state === 'failed') {
    return (
      <div className="warning" data-testid="upload-summary">
        <p>The upload stopped: {job.error}</p>
        {retries && <p>{retries}</p>}
      </div>
    );
  }
  const summary = job.summary;
  if (!summary) return null;
  const { totals } = summary;
  return (
    <div className="notice" data-testid="upload-summary">
      <p>
        Sent {summary.sent.toLocaleString()}, already there {summary.alreadyThere.toLocaleString()}, conflicts {summary.conflicts.toLocaleString()}, rejected{' '}
        {summary.rejected.toLocaleString()}.
      </p>
      <p>
        For this LRS: {totals.sent.toLocaleString()} sent, {totals.conflict.toLocaleString()} conflicts, {totals.rejected.toLocaleString()} rejected,{' '}
        {totals.pending.toLocaleString()} pending.
      </p>
      {retries && <p>{retries}</p>}
      {summary.problems.length > 0 && (
        <ul className="small">
          {summary.problems.slice(0, 20).map((problem) => (
            <li key={problem.id}>
              {problem.state} <code>{problem.id}</code>: {problem.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What the table's last column counts, said under it and on its header: the column's name alone left teachers guessing. */
const NOT_QUEUED_HINT =
  'Not yet queued: statements stored here that no upload to this LRS has taken yet (stored since the last upload, or left out by aula upload --activity). The next Upload sends them.';

export function UploadPanel() {
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
      <h2 id="upload-title">Upload to a central LRS</h2>
      <p className="small muted">Every statement is sent once, with one account per player and IRI keys; an interrupted upload continues where it stopped.</p>
      <div className="form-row">
        <label>
          xAPI endpoint
          <input type="url" value={endpoint} onChange={(e) => setEndpoint(e.target.value)} placeholder="https://lrs.example.org/xAPI" />
        </label>
        <label>
          Key
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" />
        </label>
        <label>
          Secret
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" />
        </label>
        <label className="checkbox" title="Make the same choice every time for one LRS: the statements keep their ids.">
          <input type="checkbox" checked={pseudonymize} onChange={(e) => setPseudonymize(e.target.checked)} />
          Pseudonymise usernames
        </label>
        <button type="button" className="button-small" onClick={test} disabled={!ready}>
          Test connection
        </button>
        <button type="button" className="button-primary" onClick={upload} disabled={!ready || running}>
          Upload
        </button>
      </div>
      {/* Always in the page, so the answer to "Test connection" is read out when it comes. */}
      <div role="status">{check && <p className={check.ok ? 'notice' : 'warning'} data-testid="upload-check">{check.message}</p>}</div>
      {problem && (
        <p className="warning" role="alert">
          {problem}
        </p>
      )}
      {job && (
        <div data-testid="upload-progress">
          <TransferBar done={job.progress.done} total={job.progress.total} label="Upload progress" />
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
                <th>LRS</th>
                <th>Key</th>
                <th className="num">Sent</th>
                <th className="num">Pending</th>
                <th className="num">Conflicts</th>
                <th className="num">Rejected</th>
                <th className="num" title={NOT_QUEUED_HINT}>
                  Not yet queued
                </th>
              </tr>
            </thead>
            <tbody>
              {targets.data?.targets.map((target) => (
                <tr key={target.id}>
                  <td>{target.endpoint}</td>
                  <td>{target.username}</td>
                  <td className="num">{target.counts.sent}</td>
                  <td className="num">{target.counts.pending}</td>
                  <td className="num">{target.counts.conflict}</td>
                  <td className="num">{target.counts.rejected}</td>
                  <td className="num">{target.notQueued}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small muted" data-testid="not-queued-hint">
            {NOT_QUEUED_HINT}
          </p>
        </div>
      )}
    </section>
  );
}
