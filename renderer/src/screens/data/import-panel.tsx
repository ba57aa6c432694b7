import { useState } from 'react';
import { IMPORT_KINDS, type ImportReport } from './types';

type State = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; report: ImportReport } | { kind: 'failed'; message: string };

/** The zip goes as the raw request body (application/zip): the server writes it to disk as it arrives. */
async function sendBundle(file: File): Promise<ImportReport> {
  const response = await fetch('/admin/api/data/import', { method: 'POST', headers: { 'Content-Type': 'application/zip' }, body: file });
  const json = (await response.json().catch(() => undefined)) as { report?: ImportReport; error?: { message?: string } } | undefined;
  if (!response.ok || !json?.report) throw new Error(json?.error?.message ?? `Aula answered ${response.status}.`);
  return json.report;
}

function Report({ report }: { report: ImportReport }) {
  const rows = IMPORT_KINDS.filter((kind) => report.added[kind] + report.alreadyThere[kind] + report.conflicts[kind] > 0);
  return (
    <div data-testid="import-report">
      <p className={report.changed ? 'notice' : 'muted'}>
        {report.changed ? 'The bundle is merged.' : 'Nothing changed: everything in this bundle was already here.'} (Made by Aula {report.bundle.appVersion} on{' '}
        {new Date(report.bundle.created).toLocaleString()}
        {report.bundle.pseudonymized ? ', pseudonymised' : ''}.)
      </p>
      <div className="table-wrap">
        <table className="table small">
          <thead>
            <tr>
              <th>What</th>
              <th className="num">Added</th>
              <th className="num">Already there</th>
              <th className="num">Conflicts</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((kind) => (
              <tr key={kind} data-kind={kind}>
                <td>{kind}</td>
                <td className="num">{report.added[kind]}</td>
                <td className="num">{report.alreadyThere[kind]}</td>
                <td className="num">{report.conflicts[kind]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.notes.some((note) => note.type !== 'matched') && (
        <ul className="small">
          {report.notes
            .filter((note) => note.type !== 'matched')
            .map((note) => (
              <li key={`${note.kind}-${note.id}-${note.type}`}>
                {note.type}: {note.kind} <code>{note.id}</code> — {note.message}
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}

export function ImportPanel() {
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const start = () => {
    if (!file) return;
    setState({ kind: 'running' });
    sendBundle(file).then(
      (report) => setState({ kind: 'done', report }),
      (error: Error) => setState({ kind: 'failed', message: error.message }),
    );
  };
  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import a bundle from another laptop</h2>
      <p className="small muted">A ZIP bundle exported by another Aula. Importing the same bundle twice changes nothing.</p>
      <div className="form-row">
        <label>
          Bundle (.zip)
          <input type="file" accept=".zip,application/zip" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <button type="button" className="button-primary" onClick={start} disabled={!file || state.kind === 'running'}>
          Import
        </button>
      </div>
      {/* Always in the page, so the outcome is read out when the merge ends. */}
      <div role="status">
        {state.kind === 'running' && <p aria-busy="true">Checking and merging the bundle…</p>}
        {state.kind === 'done' && <p className="visually-hidden">{state.report.changed ? 'The bundle is merged.' : 'Nothing changed: everything in this bundle was already here.'}</p>}
      </div>
      {state.kind === 'failed' && (
        <p className="warning" role="alert">
          Not imported: {state.message}
        </p>
      )}
      {state.kind === 'done' && <Report report={state.report} />}
    </section>
  );
}
