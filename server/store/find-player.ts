import { createHash } from 'node:crypto';
import { ifiKey, lowerDomain } from '../xapi/statement-index.js';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';
import { derivedXapiPlayerId } from './xapi-players.js';

type Kind = 'anonymous' | 'identified';

/**
 * The player a researcher or teacher names: the playerId (anonymous ids as shown), or a student's username typed in
 * any case, as students log in (usernames are stored lower-case). An exact match wins, so an xAPI account name stored
 * as sent is still found by itself.
 */
export function findPlayerByPublicId(db: Db, typed: string): { id: string; kind: Kind } | undefined {
  return prepared<[string, string, string], { id: string; kind: Kind }>(
    db,
    `SELECT id, kind FROM players WHERE public_id = ? OR (kind = 'identified' AND student_id IS NOT NULL AND public_id = lower(?))
     ORDER BY public_id = ? DESC LIMIT 1`,
  ).get(typed, typed, typed);
}

/** A player a typed name could mean, and by what it matched (for the message that lists them). */
export interface PlayerCandidate {
  id: string;
  kind: Kind;
  publicId: string;
  matched: string;
}

/** One player, or every candidate: none (unknown) or several (ambiguous; the caller lists them). */
export type PlayerLookup = { player: { id: string; kind: Kind } } | { candidates: PlayerCandidate[] };

/**
 * The player a researcher names by what they know: the playerId or username first (findPlayerByPublicId, which always
 * wins, as it did before), else an xAPI identity. Players of xAPI clients are stored under `xapi-<hash>` of their
 * identifier (xapi-players.ts), which nobody knows, so an e-mail address (with or without `mailto:`) is also looked
 * up as the mbox, as its mbox_sha1sum and as a roster student's address, and any text as an account name on any
 * home page. When these name more than one player, nothing is guessed: every candidate is returned.
 */
export function findPlayer(db: Db, typed: string): PlayerLookup {
  const exact = findPlayerByPublicId(db, typed);
  if (exact) return { player: exact };
  const candidates = new Map<string, PlayerCandidate>();
  const add = (publicId: string, matched: string) => {
    const row = prepared<[string], { id: string; kind: Kind }>(db, 'SELECT id, kind FROM players WHERE public_id = ?').get(publicId);
    if (row && !candidates.has(row.id)) candidates.set(row.id, { ...row, publicId, matched });
  };
  const address = emailAddress(typed);
  if (address !== null) {
    const mbox = `mailto:${address}`;
    // The player ids the xAPI resource derived for an actor with this mbox, or with its SHA-1 (of the address as typed,
    // or with the domain in lower case, as the address is compared).
    add(derivedXapiPlayerId(ifiKey({ mbox }) as string), `mbox ${mbox}`);
    for (const hashed of new Set([sha1(mbox), sha1(lowerDomain(mbox))])) {
      add(derivedXapiPlayerId(ifiKey({ mbox_sha1sum: hashed }) as string), `mbox_sha1sum of ${mbox}`);
    }
    // As the xAPI resource does: the oldest student with that address is who an actor with that mbox is.
    const student = prepared<[string], { username: string }>(
      db,
      "SELECT username FROM students WHERE email <> '' AND lower(email) = lower(?) ORDER BY created LIMIT 1",
    ).get(address);
    if (student) add(student.username, `the roster's e-mail address of ${student.username}`);
  }
  for (const ifi of accountIdentifiers(db, typed)) add(derivedXapiPlayerId(ifi.key), `account ${ifi.name} on ${ifi.homePage}`);
  const found = [...candidates.values()];
  const only = found.length === 1 ? found[0] : undefined;
  return only ? { player: { id: only.id, kind: only.kind } } : { candidates: found };
}

/** The address an e-mail-like text names (`mailto:` optional), else null. */
function emailAddress(typed: string): string | null {
  const address = typed.toLowerCase().startsWith('mailto:') ? typed.slice('mailto:'.length) : typed;
  return /^[^\s@]+@[^\s@]+$/.test(address) ? address : null;
}

const sha1 = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');

// Account identifiers in the xAPI agent index are `["account","<homePage>","<name>"]` (ifiKey, JSON): they sort between
// these two, after every other kind's. `-` is the character after `,`.
const ACCOUNTS_FROM = '["account",';
const ACCOUNTS_TO = '["account"-';

/**
 * The distinct account identifiers of stored xAPI agents with this name, on any home page. A skip-scan of the
 * index's first column: one seek per distinct account, however many statements each has.
 */
function accountIdentifiers(db: Db, name: string): Array<{ key: string; homePage: string; name: string }> {
  const keys = prepared<[string, string, string], { ifi: string }>(
    db,
    `WITH RECURSIVE keys(ifi) AS (
       SELECT min(ifi) FROM xapi_statement_agents WHERE ifi >= ? AND ifi < ?
       UNION ALL
       SELECT (SELECT min(ifi) FROM xapi_statement_agents WHERE ifi > keys.ifi AND ifi < ?) FROM keys WHERE keys.ifi IS NOT NULL
     )
     SELECT ifi FROM keys WHERE ifi IS NOT NULL`,
  ).all(ACCOUNTS_FROM, ACCOUNTS_TO, ACCOUNTS_TO);
  const found: Array<{ key: string; homePage: string; name: string }> = [];
  for (const { ifi } of keys) {
    const parsed: unknown = JSON.parse(ifi);
    if (!Array.isArray(parsed) || parsed[2] !== name) continue;
    found.push({ key: ifi, homePage: String(parsed[1]), name });
  }
  return found;
}
