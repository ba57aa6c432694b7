import { findPlayer } from '../store/find-player.js';
import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import { STUDENT_REFUSALS_WHERE } from '../store/rejections-repo.js';
import { bundledAttachments } from '../store/xapi-attachments-repo.js';
import { appVersion } from './app-version.js';

export const ACCESS_FORMAT = 'aula-access/1';

export class AccessRequestError extends Error {
  constructor(
    readonly reason: 'player-not-found' | 'player-ambiguous' | 'student-not-found',
    message: string,
  ) {
    super(message);
  }
}

/** Who the report is about: a player (who played), a roster student (who may never have played), or both. */
interface Subject {
  playerId: string | null;
  studentId: string | null;
}

/**
 * What each part of the report is, in the report itself: the family (or the DPO answering them) reads the file, not
 * Aula's documentation.
 */
const ABOUT = {
  player: 'The player record: its playerId (a random id for an anonymous player, the username for a student), the animal name shown in the dashboard, the name an xAPI game sent, when first and last seen.',
  student: "The class roster's record (a student who logs in): username, display name, e-mail address, classes. The password is kept only as a one-way hash and is not included.",
  sessions: 'Every session (one per start of the game): activity, when it started, was last heard from and ended, progress and result as the dashboard shows them.',
  results: 'Per activity and item (level, question…): completed, scores, correct and incorrect answers, as the Results screen shows them.',
  answers: 'How many times each answer was given to each question, per activity.',
  alerts: "Warnings and alerts the teacher's rules raised about the player's sessions, with when they were cleared or acknowledged.",
  refusedRequests:
    "Requests of the player's sessions that Aula refused, and for a roster student their failed logins and the starts another class's activity refused them (kept for the Diagnostics screen for a limited time, AULA_REFUSALS_KEPT_DAYS): the device's network address and the start of what it sent (for a login, only the username).",
  uploads: "Statements of the player sent to a central Learning Record Store (LRS): where, and how many. Those copies are the LRS's; ask its administrator.",
  statements: 'Every statement the games sent about the player, exactly as received, with the time Aula stored it.',
  attachments:
    'The files (a picture, a recording…) xAPI games sent along with those statements, each once: its sha2 and type as the statements name it, the ids of the statements naming it, and its data in base64.',
  notIncluded:
    "Not in this report: backups of the whole database made before (aula backup list), exports and bundles already handed over, the log (standard error, wherever it was kept), and refused requests that name neither a session of the player nor the student (they name only a device's address).",
};

/**
 * Said in `about` when the report holds no player: a roster student who never played (or whose play data was erased).
 * The empty parts would say it too, but the family reads this sentence, not an empty list.
 */
const NO_PLAY_DATA =
  'Aula holds no play data about this student: no player record, session, statement, result, answer, alert or refused request of a session. They never played, or what they played was erased. Only the roster record is held.';

function resolveSubject(db: Db, typed: string): Subject {
  const found = findPlayer(db, typed);
  if ('player' in found) {
    const studentId = prepared<[string], { studentId: string | null }>(db, 'SELECT student_id AS studentId FROM players WHERE id = ?').get(found.player.id)?.studentId ?? null;
    return { playerId: found.player.id, studentId };
  }
  const internal = prepared<[string], { id: string; studentId: string | null }>(db, 'SELECT id, student_id AS studentId FROM players WHERE id = ?').get(typed);
  if (internal) return { playerId: internal.id, studentId: internal.studentId };
  if (found.candidates.length > 1) {
    const listed = found.candidates.map((candidate) => `${candidate.publicId} (${candidate.matched})`).join(', ');
    throw new AccessRequestError('player-ambiguous', `"${typed}" names ${found.candidates.length} players: ${listed}. Give the playerId of the one asked about.`);
  }
  // A student on the roster who never played has no player, but Aula still holds their roster record.
  const student = prepared<[string, string], { id: string }>(db, 'SELECT id FROM students WHERE username = lower(?) OR username = ?').get(typed, typed);
  if (student) return { playerId: null, studentId: student.id };
  throw new AccessRequestError('player-not-found', `No player or student "${typed}" (a playerId, a student username, or an xAPI player's e-mail address or account name).`);
}

/**
 * A roster student by username (the Classes screen's row), whether or not they played: never an xAPI player whose
 * e-mail address or account name happens to read the same, as the typed name of `aula player access` could.
 */
function rosterSubject(db: Db, username: string): Subject {
  const student = prepared<[string], { id: string }>(db, 'SELECT id FROM students WHERE username = ?').get(username);
  if (!student) throw new AccessRequestError('student-not-found', `There is no student "${username}".`);
  const player = prepared<[string], { id: string }>(db, 'SELECT id FROM players WHERE student_id = ?').get(student.id);
  return { playerId: player?.id ?? null, studentId: student.id };
}

const all = (db: Db, sql: string, id: string | null) => (id === null ? [] : (prepared<[string], Record<string, unknown>>(db, sql).all(id) as Record<string, unknown>[]));

const SESSIONS = `SELECT s.id, a.tracking_code AS activity, a.name AS activityName, s.number, s.source, s.registration, s.started, s.last_seen AS lastSeen,
    s.ended, s.statements, s.progress, s.completion, s.success, s.score, s.last_verb AS lastVerb, s.last_object AS lastObject
  FROM sessions s LEFT JOIN activities a ON a.id = s.activity_id WHERE s.player_id = ? ORDER BY s.id`;
const RESULTS = `SELECT a.tracking_code AS activity, r.object_id AS objectId, r.object_type AS objectType, r.completed, r.best_score AS bestScore,
    r.last_score AS lastScore, r.correct, r.incorrect, r.progress, r.updated
  FROM results r LEFT JOIN activities a ON a.id = r.activity_id WHERE r.player_id = ? ORDER BY r.activity_id, r.object_id`;
const ANSWERS = `SELECT a.tracking_code AS activity, c.object_id AS objectId, c.response, c.count, c.correct
  FROM answer_counts c LEFT JOIN activities a ON a.id = c.activity_id WHERE c.player_id = ? ORDER BY c.activity_id, c.object_id, c.response`;
const ALERTS = `SELECT a.tracking_code AS activity, x.session_id AS sessionId, x.severity, x.message, x.raised, x.cleared, x.acknowledged
  FROM alerts x LEFT JOIN activities a ON a.id = x.activity_id WHERE x.player_id = ? ORDER BY x.id`;
const REFUSED_COLUMNS = 'time, route, address, session_id AS sessionId, status, message, sample, repeats';
const REFUSED = `SELECT ${REFUSED_COLUMNS} FROM rejected_requests WHERE session_id IN (SELECT id FROM sessions WHERE player_id = ?) ORDER BY id`;
/** A roster student's refusals besides their sessions': failed logins, starts another class's activity refused them. */
const REFUSED_AS_STUDENT = `SELECT ${REFUSED_COLUMNS} FROM rejected_requests
  WHERE (session_id IS NULL OR session_id NOT IN (SELECT id FROM sessions WHERE player_id IS ?)) AND (${STUDENT_REFUSALS_WHERE}) ORDER BY id`;
const UPLOADS = `SELECT t.endpoint, count(*) AS statements, max(u.updated) AS lastSent FROM upload_state u JOIN upload_targets t ON t.id = u.target_id
  WHERE u.state = 'sent' AND u.statement_seq IN (SELECT seq FROM statements WHERE session_id IN (SELECT id FROM sessions WHERE player_id = ?))
  GROUP BY t.endpoint ORDER BY t.endpoint`;
const STATEMENTS = `SELECT s.seq, s.stored, s.json FROM statements s WHERE s.session_id IN (SELECT id FROM sessions WHERE player_id = ?) AND s.seq > ?
  ORDER BY s.seq LIMIT ?`;
/** Statements read per query: no query stays open while the destination takes a page (the connection serves others). */
const PAGE_ROWS = 500;

/** Everything but the statements, read in one transaction so that its parts agree while games write. */
function readHead(db: Db, subject: Subject, typed: string): Record<string, unknown> {
  const player =
    subject.playerId === null
      ? null
      : (prepared<[string], Record<string, unknown>>(
          db,
          `SELECT public_id AS playerId, kind, animal_name AS animalName, xapi_name AS xapiName, created, last_seen AS lastSeen, statements
           FROM players WHERE id = ?`,
        ).get(subject.playerId) ?? null);
  // Never the password hash nor the token generation: not the student's data to read, and of no use to them.
  const student =
    subject.studentId === null
      ? null
      : {
          ...prepared<[string], { username: string; name: string | null; email: string | null; created: string }>(
            db,
            'SELECT username, name, email, created FROM students WHERE id = ?',
          ).get(subject.studentId),
          classes: all(
            db,
            'SELECT c.name AS class, m.role FROM class_members m JOIN classes c ON c.id = m.class_id WHERE m.student_id = ? ORDER BY c.name',
            subject.studentId,
          ),
        };
  return {
    format: ACCESS_FORMAT,
    app: 'aula',
    appVersion: appVersion(),
    created: new Date().toISOString(),
    askedFor: typed,
    about: subject.playerId === null ? { ...ABOUT, noPlayData: NO_PLAY_DATA } : ABOUT,
    player,
    student,
    sessions: all(db, SESSIONS, subject.playerId),
    results: all(db, RESULTS, subject.playerId),
    answers: all(db, ANSWERS, subject.playerId),
    alerts: all(db, ALERTS, subject.playerId),
    refusedRequests: refusedRequests(db, subject, student?.username),
    uploads: all(db, UPLOADS, subject.playerId),
  };
}

/** The refusals tied to the player's sessions, then those naming the roster student by username (each in the order stored). */
function refusedRequests(db: Db, subject: Subject, username: string | undefined): Record<string, unknown>[] {
  const ofSessions = all(db, REFUSED, subject.playerId);
  if (username === undefined) return ofSessions;
  const asStudent = prepared<[string | null, string, string], Record<string, unknown>>(db, REFUSED_AS_STUDENT).all(subject.playerId, username, username);
  return [...ofSessions, ...asStudent];
}

export interface AccessReportSummary {
  player: string | null;
  student: string | null;
  sessions: number;
  results: number;
  alerts: number;
  refusedRequests: number;
  statements: number;
  attachments: number;
}

/** The attachment data of the player's statements (xapi-attachments-repo.ts), one at a time. */
function playerAttachments(db: Db, playerId: string) {
  return bundledAttachments(db, { sql: 'WHERE s.session_id IN (SELECT id FROM sessions WHERE player_id = ?)', params: [playerId] });
}

/**
 * The answer to a subject access request (GDPR art. 15): everything Aula holds about one player or student, as one
 * JSON document written in pieces (the statements one per line, read a page at a time), so a player with many
 * statements needs no more memory than a page of them. `write` resolves when the destination has taken the piece.
 */
export async function writeAccessReport(db: Db, typed: string, write: (text: string) => Promise<void>): Promise<AccessReportSummary> {
  return writeReport(db, resolveSubject(db, typed), typed, write);
}

/** The same answer for a roster student named by username (lower case, as stored): the Classes screen's download. */
export async function writeStudentAccessReport(db: Db, username: string, write: (text: string) => Promise<void>): Promise<AccessReportSummary> {
  return writeReport(db, rosterSubject(db, username), username, write);
}

async function writeReport(db: Db, subject: Subject, typed: string, write: (text: string) => Promise<void>): Promise<AccessReportSummary> {
  const head = db.transaction(() => readHead(db, subject, typed)).deferred();
  const text = JSON.stringify(head, null, 2);
  // The statements close the document: the head's closing brace is replaced by them.
  await write(`${text.slice(0, text.lastIndexOf('}')).trimEnd()},\n  "statements": [`);
  let statements = 0;
  if (subject.playerId !== null) {
    const page = prepared<[string, number, number], { seq: number; stored: string; json: string }>(db, STATEMENTS);
    let after = 0;
    for (;;) {
      const rows = page.all(subject.playerId, after, PAGE_ROWS);
      let chunk = '';
      for (const row of rows) {
        chunk += `${statements === 0 ? '' : ','}\n    {"stored":${JSON.stringify(row.stored)},"statement":${row.json}}`;
        statements++;
        after = row.seq;
      }
      if (chunk) await write(chunk);
      if (rows.length < PAGE_ROWS) break;
    }
  }
  await write(`${statements === 0 ? '' : '\n  '}],\n  "attachments": [`);
  // Held by Aula as much as the statements naming them: the data itself, one attachment per write.
  let attachments = 0;
  for (const { sha2, contentType, data, statements: ids } of subject.playerId === null ? [] : playerAttachments(db, subject.playerId)) {
    const line = JSON.stringify({ sha2, contentType, length: data.length, statements: ids, data: data.toString('base64') });
    await write(`${attachments === 0 ? '' : ','}\n    ${line}`);
    attachments++;
  }
  await write(`${attachments === 0 ? '' : '\n  '}]\n}\n`);
  const listed = (key: string) => (head[key] as unknown[]).length;
  return {
    player: (head.player as { playerId?: string } | null)?.playerId ?? null,
    student: (head.student as { username?: string } | null)?.username ?? null,
    sessions: listed('sessions'),
    results: listed('results'),
    alerts: listed('alerts'),
    refusedRequests: listed('refusedRequests'),
    statements,
    attachments,
  };
}
