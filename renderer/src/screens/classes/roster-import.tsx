import { type FormEvent, useState } from 'react';
import { RosterRefused, uploadRoster } from './roster-upload';
import type { RosterProblem } from './types';

type State =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; imported: number }
  | { kind: 'refused'; message: string; problems: RosterProblem[] };

/** A roster file, all or nothing, as `aula student import`: when refused, every problem is listed by line. */
export function RosterImport({ classId, className, onImported }: { classId: string; className: string; onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [state, setState] = useState<State>({ kind: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setState({ kind: 'running' });
    try {
      const { imported } = await uploadRoster(classId, file);
      setState({ kind: 'done', imported });
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
      <h2 id="roster-title">Import a roster</h2>
      <p className="muted small">
        A CSV file with one student per line: <code className="code">username,password[,name]</code>. A header line is allowed, and{' '}
        <code className="code">;</code> works as separator too (spreadsheets save it so in many countries). If any line is wrong, nothing is
        imported.
      </p>
      <div className="form-row">
        <label>
          Roster file (.csv)
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
          {state.kind === 'running' ? 'Importing…' : 'Import students'}
        </button>
      </div>
      {state.kind === 'done' && (
        <p className="notice" role="status">
          Imported {state.imported} student{state.imported === 1 ? '' : 's'} into class {className}.
        </p>
      )}
      {state.kind === 'refused' && (
        <div className="warning roster-refused" role="alert">
          <strong>{state.message}</strong>
          {state.problems.length > 0 && (
            <ul className="roster-problems">
              {state.problems.map((problem) => (
                <li key={`${problem.line ?? 'file'}-${problem.message}`} data-line={problem.line ?? ''}>
                  {problem.line === null ? '' : `Line ${problem.line}: `}
                  {problem.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
