import { randomBytes } from 'node:crypto';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';
import { getSetting } from './settings-repo.js';

/**
 * The ids Aula assigns to statements are not stored: they are this installation's random prefix followed by the
 * statement's seq in hex (a UUID of version 8, RFC 9562's layout for ids built this way). Storing a generated UUID
 * and keeping a unique index of it was a third of the ingest writer's cost per statement (issue 8); a derived id
 * costs nothing to write and is found by its seq. Ids a client chose are stored, in `statement_rows.id`.
 *
 * 74 random bits per installation keep ids apart across installations (a central LRS receives from many).
 * seq never repeats (AUTOINCREMENT), so an id handed out once, even of a statement erased since, is never reused.
 */
export const STATEMENT_ID_PREFIX_KEY = 'statement_id_prefix';

const VARIANT = ['8', '9', 'a', 'b'];
const SEQ_DIGITS = 12;

/** `xxxxxxxx-xxxx-8xxx-Vxxx-`: everything but the last group, which is the seq. */
export function newStatementIdPrefix(): string {
  const hex = randomBytes(10).toString('hex');
  const variant = VARIANT[Number.parseInt(hex.charAt(18), 16) & 3];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(12, 15)}-${variant}${hex.slice(15, 18)}-`;
}

/** The same id in SQL, for the `statements` view (SQLite's printf takes the 64-bit seq). */
export function derivedStatementIdSql(prefix: string, seqColumn: string): string {
  return `printf('${prefix}%0${SEQ_DIGITS}x', ${seqColumn})`;
}

const prefixes = new WeakMap<Db, string>();

export function statementIdPrefix(db: Db): string {
  let prefix = prefixes.get(db);
  if (prefix === undefined) {
    const stored = getSetting(db, STATEMENT_ID_PREFIX_KEY);
    if (stored === undefined) throw new Error('the statement id prefix is missing (migration 6 did not run)');
    prefix = stored;
    prefixes.set(db, prefix);
  }
  return prefix;
}

/** The seq a derived id names, or undefined when the id is not one of this installation's derived ids. */
export function seqOfDerivedId(prefix: string, id: string): number | undefined {
  if (id.length !== prefix.length + SEQ_DIGITS) return undefined;
  const lower = id.toLowerCase();
  if (!lower.startsWith(prefix)) return undefined;
  const digits = lower.slice(prefix.length);
  if (!/^[0-9a-f]+$/.test(digits)) return undefined;
  return Number.parseInt(digits, 16);
}

/** The seq of the stored statement with this id (derived or chosen by its client), if there is one. */
export function findStatementSeq(db: Db, id: string): number | undefined {
  const derived = seqOfDerivedId(statementIdPrefix(db), id);
  if (derived !== undefined) {
    const row = prepared<[number], { seq: number }>(db, 'SELECT seq FROM statement_rows WHERE seq = ? AND id IS NULL').get(derived);
    if (row) return row.seq;
  }
  return prepared<[string], { seq: number }>(db, 'SELECT seq FROM statement_rows WHERE id = ?').get(id)?.seq;
}

/**
 * Whether a client may give a statement this id: not when it is the derived id of a seq this store has not reached
 * yet, which would collide with the statement that later gets that seq. (Only someone who knows the installation's
 * prefix can even try.)
 */
export function isReservedStatementId(db: Db, id: string): boolean {
  const derived = seqOfDerivedId(statementIdPrefix(db), id);
  if (derived === undefined) return false;
  const high = prepared<[], { seq: number | null }>(db, "SELECT seq FROM sqlite_sequence WHERE name = 'statement_rows'").get();
  return derived > (high?.seq ?? 0);
}
