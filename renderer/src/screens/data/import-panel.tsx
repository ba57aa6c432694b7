import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageHeaders } from '../../api/client';
import { formatCount } from '../../format/time';
import { currentLanguage, t as translate } from '../../i18n/setup';
import { IMPORT_KINDS, type ImportReport } from './types';

/** The key of each note type's word: the server's type names, shown to the teacher in the dashboard's language. */
const NOTE_TYPES = {
  conflict: 'import.notes.conflict',
  'code-changed': 'import.notes.codeChanged',
  renumbered: 'import.notes.renumbered',
  matched: 'import.notes.matched',
  skipped: 'import.notes.skipped',
  rules: 'import.notes.rules',
} as const satisfies Record<ImportReport['notes'][number]['type'], string>;

type State = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; report: ImportReport } | { kind: 'failed'; message: string };

/** The zip goes as the raw request body (application/zip): the server writes it to disk as it arrives. */
async function sendBundle(file: File): Promise<ImportReport> {
  const response = await fetch('/admin/api/data/import', { method: 'POST', headers: languageHeaders({ 'Content-Type': 'application/zip' }), body: file });
  const json = (await response.json().catch(() => undefined)) as { report?: ImportReport; error?: { message?: string } } | undefined;
  if (!response.ok || !json?.report) throw new Error(json?.error?.message ?? translate('data:import.answered', { status: response.status }));
  return json.report;
}

function Report({ report }: { report: ImportReport }) {
  const { t } = useTranslation('data');
  const made = { version: report.bundle.appVersion, date: new Date(report.bundle.created).toLocaleString(currentLanguage()) };
  const rows = IMPORT_KINDS.filter((kind) => report.added[kind] + report.alreadyThere[kind] + report.conflicts[kind] > 0);
  return (
    <div data-testid="import-report">
      <p className={report.changed ? 'notice' : 'muted'}>
        {report.changed ? t('import.merged') : t('import.unchanged')} {t(report.bundle.pseudonymized ? 'import.madeByPseudonymised' : 'import.madeBy', made)}
      </p>
      <div className="table-wrap">
        <table className="table small">
          <thead>
            <tr>
              <th>{t('import.columns.what')}</th>
              <th className="num">{t('import.columns.added')}</th>
              <th className="num">{t('import.columns.alreadyThere')}</th>
              <th className="num">{t('import.columns.conflicts')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((kind) => (
              <tr key={kind} data-kind={kind}>
                <td>{t(`import.kinds.${kind}`)}</td>
                <td className="num">{formatCount(report.added[kind])}</td>
                <td className="num">{formatCount(report.alreadyThere[kind])}</td>
                <td className="num">{formatCount(report.conflicts[kind])}</td>
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
                {/* The note's message is the server's wording (server/import), shown as sent. */}
                {t(NOTE_TYPES[note.type])}: {t(`import.kinds.${note.kind}`)} <code>{note.id}</code> — {note.message}
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}

export function ImportPanel() {
  const { t } = useTranslation('data');
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
      <h2 id="import-title">{t('import.title')}</h2>
      <p className="small muted">{t('import.intro')}</p>
      <div className="form-row">
        <label>
          {t('import.bundle')}
          <input type="file" accept=".zip,application/zip" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <button type="button" className="button-primary" onClick={start} disabled={!file || state.kind === 'running'}>
          {t('import.import')}
        </button>
      </div>
      {/* Always in the page, so the outcome is read out when the merge ends. */}
      <div role="status">
        {state.kind === 'running' && <p aria-busy="true">{t('import.running')}</p>}
        {state.kind === 'done' && <p className="visually-hidden">{state.report.changed ? t('import.merged') : t('import.unchanged')}</p>}
      </div>
      {state.kind === 'failed' && (
        <p className="warning" role="alert">
          {t('import.failed', { message: state.message })}
        </p>
      )}
      {state.kind === 'done' && <Report report={state.report} />}
    </section>
  );
}
