import { createHash } from 'node:crypto';
import { newAnimalName } from '../collector/animal-names.js';
import { newRowId } from '../util/random-ids.js';
import type { Db } from './open-database.js';
import { findOrCreateStudentPlayer, type Player } from './players-repo.js';
import { prepared } from './prepared.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const PLAYER_SELECT = `SELECT id, public_id AS publicId, kind, animal_name AS animalName, student_id AS studentId, created,
  statements, last_seen AS lastSeen FROM players`;

/**
 * The player an xAPI actor is (issue 7: "players from the actor"). In order: a roster student (account on this
 * installation's home page with their username, or mbox with their email); a player this collector already knows
 * (account on our home page naming a playerId, e.g. a tracker that switched to xAPI); else a player whose public
 * id is derived from the actor's identifier, so the same actor is the same player on every statement.
 * Call inside a write transaction.
 */
export function playerForActor(db: Db, actor: Json, identityKey: string, homePage: string, now: string): { player: Player; created: boolean } {
  const account = isObject(actor.account) ? actor.account : undefined;
  const ours = account && typeof account.name === 'string' && sameHomePage(account.homePage, homePage);
  const studentName = ours ? (account.name as string) : undefined;
  const email = typeof actor.mbox === 'string' ? actor.mbox.slice('mailto:'.length) : undefined;
  const student =
    (studentName &&
      prepared<[string], { id: string; username: string }>(db, 'SELECT id, username FROM students WHERE username = ?').get(studentName)) ||
    (email &&
      prepared<[string], { id: string; username: string }>(
        db,
        "SELECT id, username FROM students WHERE email <> '' AND lower(email) = lower(?) ORDER BY created LIMIT 1",
      ).get(email)) ||
    undefined;
  if (student) {
    const existed = prepared<[string], { one: number }>(db, 'SELECT 1 AS one FROM players WHERE student_id = ?').get(student.id);
    return { player: findOrCreateStudentPlayer(db, student), created: !existed };
  }
  if (ours) {
    const known = prepared<[string], Player>(db, `${PLAYER_SELECT} WHERE public_id = ?`).get(account.name as string);
    if (known) return { player: known, created: false };
  }
  const publicId = derivedXapiPlayerId(identityKey);
  const existing = prepared<[string], Player>(db, `${PLAYER_SELECT} WHERE public_id = ?`).get(publicId);
  if (existing) return { player: existing, created: false };
  const player: Player = {
    id: newRowId(),
    publicId,
    // An xAPI actor always carries an identifier (mbox, account…): it is not an anonymous RAGE player.
    kind: 'identified',
    animalName: newAnimalName(),
    studentId: null,
    created: now,
    statements: 0,
    lastSeen: null,
  };
  prepared(db, 'INSERT INTO players (id, public_id, kind, animal_name, student_id, created, xapi_name) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    player.id,
    player.publicId,
    player.kind,
    player.animalName,
    null,
    now,
    nameOfActor(actor, email),
  );
  return { player, created: true };
}

const NAME_LIMIT = 100;

/** What the teacher knows an xAPI player by: the name the game sent, else the e-mail address or account name. */
function nameOfActor(actor: Json, email: string | undefined): string | null {
  const account = isObject(actor.account) ? actor.account : undefined;
  for (const candidate of [actor.name, email, account?.name]) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim().slice(0, NAME_LIMIT);
  }
  return null;
}

/** Begins every playerId derived from an xAPI actor (a roster username or a game's anonymous id never does). */
export const XAPI_PLAYER_PREFIX = 'xapi-';

/** Whether a playerId is one derived from an xAPI actor (derivedXapiPlayerId), not a roster student's or a game's. */
export function isDerivedXapiPlayerId(publicId: string): boolean {
  return publicId.startsWith(XAPI_PLAYER_PREFIX);
}

/** The playerId of an xAPI actor that is no roster student nor a known player: derived from its identifier. */
export function derivedXapiPlayerId(identityKey: string): string {
  return `${XAPI_PLAYER_PREFIX}${createHash('sha256').update(identityKey).digest('base64url').slice(0, 22)}`;
}

/** Whether an account's homePage is this installation's (trailing slashes and case aside). */
export function sameHomePage(value: unknown, homePage: string): boolean {
  if (typeof value !== 'string') return false;
  const strip = (text: string) => text.replace(/\/+$/, '').toLowerCase();
  return strip(value) === strip(homePage);
}
