import { parse } from 'csv-parse/sync';
import { wording } from '../i18n/wording.js';
import { type NewAccount, type RosterProblem, rosterProblem } from './roster.js';

export interface ParsedRoster {
  accounts: NewAccount[];
  problems: RosterProblem[];
}

// A header's first column as teachers name it, in English or Spanish: a Spanish spreadsheet's `usuario;contraseña`
// header was read as a student "usuario" with the password "contraseña".
const HEADER = /^\s*(user(\s*name)?|login|usuario|nombre de usuario|alumno|alumna|estudiante)\s*$/i;

/**
 * A roster file: one student per line, `username,password[,name]`. An optional header line is skipped. Spreadsheets
 * in many European locales save CSV with `;`, so a first line without a comma but with a semicolon switches to `;`.
 */
export function parseRosterCsv(text: string): ParsedRoster {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // `info` gives each record's line in the file, which quoted multi-line cells would otherwise shift.
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      // A quote inside a cell (a password such as pa"ss, a name such as O"Neil typed by hand) is a character of the
      // cell, as spreadsheets read it, not an error that hides every other line's problems.
      relax_quotes: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    // csv-parse's own detail stays in English: it names the parser's finding, not the teacher's.
    return { accounts: [], problems: [rosterProblem(line, '', wording('roster.notCsv', { detail: (error as Error).message }))] };
  }
  const accounts: NewAccount[] = [];
  const problems: RosterProblem[] = [];
  records.forEach(({ record: cells, info }, index) => {
    const line = info.lines;
    if (cells.every((cell) => cell === '')) return;
    if (index === 0 && HEADER.test(cells[0] ?? '')) return;
    const [username = '', password = '', name = '', ...rest] = cells;
    if (rest.some((cell) => cell !== '')) {
      problems.push(rosterProblem(line, username, wording('roster.columns', { found: cells.length })));
      return;
    }
    if (username === '') problems.push(rosterProblem(line, username, wording('roster.usernameMissing')));
    else if (password === '') problems.push(rosterProblem(line, username, wording('roster.passwordMissing', { username })));
    else accounts.push({ line, username, password, name: name === '' ? undefined : name });
  });
  return { accounts, problems };
}
