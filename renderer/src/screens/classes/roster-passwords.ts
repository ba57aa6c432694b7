import type { RosterEncoding } from './roster-upload';

/** A student's sign-in as the roster file gave it: only in memory, for the login slips printed right after the import. */
export interface RosterCredential {
  username: string;
  password: string;
  name: string | undefined;
}

// As server/auth/roster-csv.ts (which the renderer cannot import): the header's first column as teachers name it.
const HEADER = /^\s*(user(\s*name)?|login|usuario|nombre de usuario|alumno|alumna|estudiante)\s*$/i;

/**
 * The usernames and passwords of a roster file the server has just imported, read again here because Aula keeps only
 * their hashes. The bytes are decoded as the server said it read them (a browser's windows-1252 is the WHATWG one the
 * server copies) and parsed with the same csv-parse options and the same rules as server/auth/roster-csv.ts, so a
 * password on a slip is the one the server hashed. Lines the server would have refused never get here: the import
 * was all or nothing. The parser is loaded only now, to keep it out of the dashboard's first download.
 */
export async function readRosterCredentials(bytes: ArrayBuffer, encoding: RosterEncoding): Promise<RosterCredential[]> {
  const text = new TextDecoder(encoding).decode(bytes);
  const { parse } = await import('csv-parse/browser/esm/sync');
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, relax_quotes: true });
  const credentials: RosterCredential[] = [];
  records.forEach((cells, index) => {
    if (cells.every((cell) => cell === '')) return;
    if (index === 0 && HEADER.test(cells[0] ?? '')) return;
    const [username = '', password = '', name = ''] = cells;
    // The server's normalizeUsername (server/auth/credential-rules.ts): what the account is called from now on.
    credentials.push({ username: username.trim().toLowerCase(), password, name: name === '' ? undefined : name });
  });
  return credentials;
}
