import type { Database } from 'better-sqlite3';

/**
 * A player an xAPI game identified (not a roster student) was shown by the `xapi-<hash>` id Aula derives from the
 * actor, with a "student" badge: the teacher could not tell Nora from anyone. The name the game sent with the actor
 * (else its e-mail address or account name) is kept when the player is first seen (xapi-players.ts). Players seen
 * before keep none and are shown by their animal name.
 */
export function up(db: Database): void {
  db.exec('ALTER TABLE players ADD COLUMN xapi_name TEXT');
}
