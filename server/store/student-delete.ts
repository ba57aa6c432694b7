import { type Wording, word, wording } from '../i18n/wording.js';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';
import { STUDENT_REFUSALS_WHERE } from './rejections-repo.js';

export class StudentDeleteError extends Error {
  /** The message as a wording, for the dashboard's language (server/i18n); `message` is its English. */
  readonly wording: Wording;

  constructor(
    readonly reason: 'student-not-found' | 'student-has-data',
    said: Wording,
    /** For student-has-data: the public id of the student's player, whose page erases the data. */
    readonly player?: string,
  ) {
    super(word(said));
    this.wording = said;
  }
}

export interface StudentAccount {
  id: string;
  username: string;
  name: string | null;
  classes: string[];
  classIds: string[];
}

/** The roster account a username names (typed in any case, as students log in). */
export function studentAccount(db: Db, username: string): StudentAccount {
  const found = prepared<[string, string], { id: string; username: string; name: string | null }>(
    db,
    'SELECT id, username, name FROM students WHERE username = lower(?) OR username = ?',
  ).get(username, username);
  if (!found) throw new StudentDeleteError('student-not-found', wording('student.notFound', { username }));
  const rows = prepared<[string], { id: string; name: string }>(
    db,
    'SELECT c.id, c.name FROM class_members m JOIN classes c ON c.id = m.class_id WHERE m.student_id = ? ORDER BY c.name',
  ).all(found.id);
  return { ...found, classes: rows.map((row) => row.name), classIds: rows.map((row) => row.id) };
}

/**
 * Why deleting this account would be refused (its data is still in Aula), or null: `aula student delete` without --yes
 * says it before the teacher runs it again with --yes only to be refused.
 */
export function deleteRefusal(db: Db, account: StudentAccount): StudentDeleteError | null {
  const player = prepared<[string], { publicId: string; sessions: number }>(
    db,
    'SELECT public_id AS publicId, (SELECT count(*) FROM sessions s WHERE s.player_id = p.id) AS sessions FROM players p WHERE student_id = ?',
  ).get(account.id);
  if (!player) return null;
  return new StudentDeleteError(
    'student-has-data',
    wording('student.hasData', { username: account.username, count: player.sessions, player: player.publicId }),
    player.publicId,
  );
}

const STUDENT_REFUSALS_DELETE = `DELETE FROM rejected_requests WHERE ${STUDENT_REFUSALS_WHERE}`;

/**
 * Deletes a student's roster account for good (username, display name, e-mail address, password hash, class
 * memberships, the refusals naming them): the end of the school's need for it, or an erasure request. The student's game data is a player of its
 * own, erased with `aula player erase`; while it exists the account is kept, since the player record names the student
 * by username and would otherwise outlive the account. Login tokens stop working at once (the student must exist).
 * Call inside a write transaction; `secure_delete` overwrites the freed pages with zeros.
 */
export function deleteStudentAccount(db: Db, username: string): StudentAccount {
  const account = studentAccount(db, username);
  const refusal = deleteRefusal(db, account);
  if (refusal) throw refusal;
  db.pragma('secure_delete = ON');
  db.prepare('DELETE FROM class_members WHERE student_id = ?').run(account.id);
  db.prepare('DELETE FROM students WHERE id = ?').run(account.id);
  // The refusals that name the student by username (their failed logins, the starts another class's activity refused
  // them): kept for the teacher's Diagnostics, they would outlive the account by the refusals' 30 days.
  db.prepare(STUDENT_REFUSALS_DELETE).run(account.username, account.username);
  return account;
}
