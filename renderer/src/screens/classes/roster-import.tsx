import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { LoginSlips, type SlipStudent } from './login-slips';
import { readRosterCredentials } from './roster-passwords';
import { type RosterEncoding, RosterRefused, uploadRoster } from './roster-upload';
import type { ClassStudent, RosterProblem } from './types';

type State =
  | { kind: 'idle' }
  | { kind: 'running' }
  // The imported students' passwords, for the login slips: in this state only, gone with it (another file chosen,
  // another class opened, another screen), never stored anywhere. Aula keeps only their hashes.
  | { kind: 'done'; imported: number; encoding: RosterEncoding; slips: SlipStudent[] }
  | { kind: 'refused'; message: string; problems: RosterProblem[] };

/** A roster file, all or nothing, as `aula student import`: when refused, every problem is listed by line. */
export function RosterImport({ classId, className, onImported }: { classId: string; className: string; onImported: () => void }) {
  const { t } = useTranslation('classes');
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [printing, setPrinting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setState({ kind: 'running' });
    try {
      const { imported, encoding, students } = await uploadRoster(classId, file);
      const slips = await slipsFor(students, file, encoding);
      setState({ kind: 'done', imported, encoding, slips });
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
              setPrinting(false);
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
      {state.kind === 'done' && state.slips.length > 0 && (
        <p className="roster-slips">
          <button type="button" className="button-small" onClick={() => setPrinting(true)} aria-describedby="roster-slips-only-now">
            {t('roster.printSlips')}
          </button>{' '}
          <span id="roster-slips-only-now" className="muted small">
            {t('roster.slipsOnlyNow')}
          </span>
        </p>
      )}
      {state.kind === 'done' && printing && (
        <LoginSlips classId={classId} className={className} students={state.slips} onBack={() => setPrinting(false)} />
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

/**
 * The slips of the students the server has just created, in the file's order, with the passwords the file gave them.
 * The server answers with the accounts as stored (username normalized, name), never with a password.
 */
async function slipsFor(created: ClassStudent[], file: File, encoding: RosterEncoding): Promise<SlipStudent[]> {
  const stored = new Map(created.map((student) => [student.username, student]));
  try {
    const credentials = await readRosterCredentials(await file.arrayBuffer(), encoding);
    return credentials.flatMap(({ username, password, name }) => {
      const student = stored.get(username);
      return student ? [{ username, password, name: student.name ?? name ?? null }] : [];
    });
  } catch {
    // The file could not be read a second time (moved, say): the import stands, without slips to print.
    return [];
  }
}
