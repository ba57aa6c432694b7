import type { Database } from 'better-sqlite3';

/**
 * What a student refusal needs beyond the moment it happened:
 *
 * - logged_in_after: on a failed login, when the same roster student then logged in (the first success after it; NULL
 *   until then, and on every other refusal). Live said "login failed 5 times" for an hour after the teacher reset the
 *   password and the student got in, so the teacher could not tell whether the reset worked. Nothing else records a
 *   successful login (login tokens are signed, not stored).
 * - student_classes: on a start refused to a logged-in student (rejected_requests.student), the classes they were in
 *   then, as a JSON array of {id, name}. Read from the roster when shown, a student moved since into the refusing
 *   activity's class was "carla of 4A — refused by History 4A: not in its class". NULL on every other refusal and on
 *   those stored before.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE rejected_requests ADD COLUMN logged_in_after TEXT;
    ALTER TABLE rejected_requests ADD COLUMN student_classes TEXT;
  `);
}
