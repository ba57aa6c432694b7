import { newAnimalName } from '../collector/animal-names.js';
import { newAnonymousPlayerId, newRowId } from '../util/random-ids.js';
import { isoNow } from '../util/time.js';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';

export type PlayerKind = 'anonymous' | 'identified';

export interface Player {
  id: string;
  /** The contract's `playerId`: the anonymous id a game sends back, or the student's username. */
  publicId: string;
  kind: PlayerKind;
  animalName: string;
  studentId: string | null;
  created: string;
  statements: number;
  lastSeen: string | null;
}

const PLAYER_SELECT = `SELECT id, public_id AS publicId, kind, animal_name AS animalName, student_id AS studentId, created,
  statements, last_seen AS lastSeen FROM players`;

export function getPlayer(db: Db, id: string): Player | undefined {
  return prepared<[string], Player>(db, `${PLAYER_SELECT} WHERE id = ?`).get(id);
}

export function findAnonymousPlayer(db: Db, publicId: string): Player | undefined {
  return prepared<[string], Player>(db, `${PLAYER_SELECT} WHERE public_id = ? AND kind = 'anonymous'`).get(publicId);
}

export function findPlayerByStudent(db: Db, studentId: string): Player | undefined {
  return prepared<[string], Player>(db, `${PLAYER_SELECT} WHERE student_id = ?`).get(studentId);
}

function insertPlayer(db: Db, player: Player): Player {
  prepared(
    db,
    'INSERT INTO players (id, public_id, kind, animal_name, student_id, created) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(player.id, player.publicId, player.kind, player.animalName, player.studentId, player.created);
  return player;
}

/**
 * Call inside a write transaction. The animal name is given once and kept forever (contract C-5.6); `animalName`
 * picks it (the collector's avoids the names already playing in the activity).
 */
export function createAnonymousPlayer(db: Db, animalName: () => string = newAnimalName): Player {
  return insertPlayer(db, {
    id: newRowId(),
    publicId: newAnonymousPlayerId(),
    kind: 'anonymous',
    animalName: animalName(),
    studentId: null,
    created: isoNow(),
    statements: 0,
    lastSeen: null,
  });
}

/**
 * A student's player, created at their first start anywhere. A player with the same username that arrived without
 * a roster entry (imported from another laptop, or an xAPI actor) is adopted rather than duplicated. Call inside a
 * write transaction.
 */
export function findOrCreateStudentPlayer(db: Db, student: { id: string; username: string }, animalName: () => string = newAnimalName): Player {
  const linked = findPlayerByStudent(db, student.id);
  if (linked) return linked;
  const unlinked = prepared<[string], Player>(
    db,
    `${PLAYER_SELECT} WHERE public_id = ? AND kind = 'identified' AND student_id IS NULL`,
  ).get(student.username);
  if (unlinked) {
    prepared(db, 'UPDATE players SET student_id = ? WHERE id = ?').run(student.id, unlinked.id);
    return { ...unlinked, studentId: student.id };
  }
  return insertPlayer(db, {
    id: newRowId(),
    publicId: student.username,
    kind: 'identified',
    animalName: animalName(),
    studentId: student.id,
    created: isoNow(),
    statements: 0,
    lastSeen: null,
  });
}
