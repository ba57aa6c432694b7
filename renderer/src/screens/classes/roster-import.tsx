import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { type RosterEncoding, RosterRefused, uploadRoster } from './roster-upload';
import type { RosterProblem } from './types';

type State =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; imported: number; encoding: RosterEncoding }
  | { kind: 'refused'; message: string; problems: RosterProblem[] };

/** A roster file, all or nothing, as `aula student import`: when refused, every problem is listed by line. */
export function RosterImport({ classId, className, onImported }: { classId: string; className: string; onImported: () => void }) {
  const { t } = useTranslation('classes');
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [state, setState] = useState<State>({ kind: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setState({ kind: 'running' });
    try {
      const { imported, encoding } = await uploadRoster(classId, file);
      setState({ kind: 'done', imported, encoding });
      setFile(null);
      setInputKey((key) => key + 1);
      onImported();
    } catch (problem) {
      const problems = problem instanceof RosterRefused ? problem.problems : [];
      setState({ kind: 'refused', message: (problem as Error).message, problems });
    }
  };

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="roster-title">
      <h2 id="roster-title">{t('roster.title')}</h2>
      <p className="muted small">
        <Trans t={t} i18nKey="roster.intro" components={{ code: <code className="code" /> }} />
      </p>
      <div className="form-row">
        <label>
          {t('roster.file')}
          <input
            key={inputKey}
            type="file"
            name="roster"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setState({ kind: 'idle' });
            }}
          />
        </label>
        <button type="submit" className="button-primary" disabled={!file || state.kind === 'running'}>
          {state.kind === 'running' ? t('roster.importing') : t('roster.import')}
        </button>
      </div>
      {state.kind === 'done' && (
        <p className="notice" role="status">
          {t('roster.imported', { count: state.imported, className })}
          {state.encoding === 'windows-1252' && ` ${t('roster.readAsWindows1252')}`}
        </p>
      )}
      {state.kind === 'refused' && (
        <div className="warning roster-refused" role="alert">
          <strong>{state.message}</strong>
          {state.problems.length > 0 && (
            <ul className="roster-problems">
              {state.problems.map((problem) => (
                <li key={`${problem.line ?? 'file'}-${problem.message}`} data-line={problem.line ?? ''}>
                  {problem.line === null ? problem.message : t('roster.lineProblem', { line: problem.line, message: problem.message })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
