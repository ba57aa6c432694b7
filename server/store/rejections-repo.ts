import { createHash } from 'node:crypto';
import { addressKey } from '../net/address-key.js';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';

/** A refused request as the diagnostics screen lists it (contract C-6.6 SHOULD). */
export interface RejectionRow {
  time: string;
  route: string;
  address: string | null;
  sessionId: number | null;
  status: number;
  message: string;
  sample: string | null;
  /**
   * A start refused to a logged-in student (not in the activity's class): their roster username, from the login token.
   * Absent for every other refusal.
   */
  student?: string | null;
  /** That student's classes when refused (studentClassesNow, read at the refusal, not when the writer stores it). */
  studentClasses?: string | null;
}

/** Which activity the dashboard should refresh for this refusal: its session's, when it had one. */
export interface RecordedRejection {
  activityId: string | null;
}

/** A refused student's class as it was then (rejected_requests.student_classes, migration 26). */
export interface ClassThen {
  id: string;
  name: string;
}

/**
 * The same request refused again: same route, sender, session, answer and sample (and student, with the classes they
 * were in, when there is one: refused again after moving to another class is another line, "carla of 5C", not a repeat
 * of "carla of 3B").
 */
function repeatKey(row: RejectionRow, classes: string | null): string {
  const parts: unknown[] = [row.route, row.address ?? '', row.sessionId ?? '', row.status, row.message, row.sample ?? ''];
  // Only when there is one, so the keys of every other refusal stay those stored before (their repeats still count).
  if (row.student) parts.push(row.student);
  if (classes !== null) parts.push(classes);
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

/**
 * The classes a refused student is in as the refusal is stored, as JSON [{id, name}] in name order: what Diagnostics
 * and Live say of it later, after the student moved to another class, is where they were when refused. One indexed
 * read, only for a start refused to a logged-in student.
 */
export function studentClassesNow(db: Db, username: string): string | null {
  const row = prepared<[string], { classes: string }>(
    db,
    `SELECT (SELECT json_group_array(json_object('id', id, 'name', name)) FROM (SELECT c.id, c.name FROM class_members cm
       JOIN classes c ON c.id = cm.class_id WHERE cm.student_id = st.id ORDER BY c.name)) AS classes
     FROM students st WHERE st.username = ?`,
  ).get(username);
  return row?.classes ?? null;
}

/**
 * The most distinct refusals kept per sending device (its address key, address-key.ts: an IPv6 device's whole /64,
 * which it can pick its addresses from). A classroom's real problems fit many times over: a game
 * re-sending its refused batch is one row, so is a code mistyped again and again, and even a class behind one NAT
 * address makes a few per student. A script sending endless distinct bad requests (random authTokens, bodies, paths,
 * codes) made a row each, with a sample of up to 2 KB, and filled the laptop's disk until Aula refused the real games'
 * statements: now it keeps at most this many rows (400 KB on disk per device, some 100 MB for a whole /24 network;
 * twice that in characters of 3 bytes).
 */
export const REFUSALS_KEPT_PER_ADDRESS = 100;

/**
 * Over the bound, the device's oldest refusals go and the new one is kept. The teacher's Diagnostics list the last
 * hour, newest first, so the newest problems are the useful ones; a problem still happening stays, as each repeat
 * makes its row the newest; and the flood itself stays visible as the newest rows of its address. Counting new
 * refusals on a kept row instead ("and K more") would have hidden every later problem of that address (a whole class
 * behind NAT) for the 30 days its rows are kept, and put their count on a message and session that were not theirs.
 * Through the index by address key (migration 22): at most a hundred entries of one address read, once per refusal.
 */
function keepNewestOfDevice(db: Db, device: string | null): void {
  prepared(
    db,
    `DELETE FROM rejected_requests WHERE address_key IS ? AND id < (
       SELECT id FROM rejected_requests WHERE address_key IS ? ORDER BY id DESC LIMIT 1 OFFSET ${REFUSALS_KEPT_PER_ADDRESS - 1})`,
  ).run(device, device);
}

/**
 * Stores a refusal. A repeat of an earlier one (a tracker re-sends a refused batch on every flush, for ever) replaces
 * that row with a new one carrying its count: the newest refusal is the newest row, as the diagnostics read them
 * (newest first, and "cleared" up to a row id), and the table grows with distinct problems, not with time.
 */
export function insertRejection(db: Db, row: RejectionRow): RecordedRejection {
  const classes = row.student ? (row.studentClasses !== undefined ? row.studentClasses : studentClassesNow(db, row.student)) : null;
  const key = repeatKey(row, classes);
  const device = row.address === null ? null : addressKey(row.address);
  // A failed login the student logged in after stays as it was (markLoggedIn): failing again is a new problem, counted
  // from one, not "failed 6 times" of which 5 came before the password reset that worked.
  const earlier = prepared<[string], { repeats: number }>(
    db,
    'SELECT coalesce(sum(repeats + 1), 0) AS repeats FROM rejected_requests WHERE repeat_key = ? AND logged_in_after IS NULL',
  ).get(key);
  // Inserted before the earlier row goes: had that row been the newest, its id would have been given out again.
  const { lastInsertRowid } = prepared(
    db,
    `INSERT INTO rejected_requests (time, route, address, address_key, session_id, status, message, sample, repeats, repeat_key, student, student_classes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.time,
    row.route,
    row.address,
    device,
    row.sessionId,
    row.status,
    row.message,
    row.sample,
    earlier?.repeats ?? 0,
    key,
    row.student ?? null,
    classes,
  );
  prepared(db, 'DELETE FROM rejected_requests WHERE repeat_key = ? AND id <> ? AND logged_in_after IS NULL').run(key, lastInsertRowid);
  // A repeat took its earlier row's place: the device's count of refusals kept did not grow.
  if (!earlier?.repeats) keepNewestOfDevice(db, device);
  if (row.sessionId === null) return { activityId: null };
  const session = prepared<[number], { activityId: string | null }>(db, 'SELECT activity_id AS activityId FROM sessions WHERE id = ?').get(row.sessionId);
  return { activityId: session?.activityId ?? null };
}

/**
 * The refused requests that name a roster student by username (two parameters, the username twice): a failed login's
 * or logout's sample (login-router.ts keeps only a roster username there) and a refused start's student. Deleted with
 * the account (student-delete.ts) and part of their access report (access-report.ts). Found through the indexes by
 * login name and by student (migration 25), whose partial WHERE `route IN ('login', 'logout')` this one repeats as
 * written: SQLite uses a partial index only then.
 */
export const STUDENT_REFUSALS_WHERE = "(route IN ('login', 'logout') AND sample = ?) OR student = ?";

/** A roster student's successful login (login-router.ts), on the writer thread after the failures it follows. */
export interface LoginSuccess {
  username: string;
  time: string;
}

/**
 * Marks the student's failed logins not yet followed by a success as followed by this one: Live then says they logged
 * in since, not that their login failed (the teacher's password reset worked). Through the index by login name
 * (migration 25, whose WHERE this repeats as written); a login with no failure before it writes nothing. Returns how
 * many were marked: the dashboard is told only then.
 */
export function markLoggedIn(db: Db, login: LoginSuccess): number {
  return prepared(
    db,
    `UPDATE rejected_requests SET logged_in_after = ?
     WHERE route IN ('login', 'logout') AND sample = ? AND route = 'login' AND logged_in_after IS NULL AND time <= ?`,
  ).run(login.time, login.username, login.time).changes;
}
