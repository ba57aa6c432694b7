import type { ClassRole, StudentAccount } from '../admin/api-types.js';
import { type Wording, word, wording } from '../i18n/wording.js';
import { newRowId } from '../util/random-ids.js';
import { isoNow } from '../util/time.js';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';

export type { ClassRole };

/** What anyone may see of a student (the dashboard's answer type): never the password hash. */
export type Student = StudentAccount;

/** Only the login route needs the hash; it never leaves the server. */
export interface StudentCredentials {
  id: string;
  username: string;
  email: string;
  passwordHash: string;
}

export interface NewStudent {
  /** Already normalized and checked (server/auth/credential-rules.ts). */
  username: string;
  passwordHash: string;
  name?: string | null | undefined;
  email?: string | undefined;
}

export class StudentExistsError extends Error {
  /** The message as a wording, for the dashboard's language (server/i18n); `message` is its English. */
  readonly wording: Wording;

  constructor(readonly username: string) {
    const said = wording('student.exists', { username });
    super(word(said));
    this.wording = said;
  }
}

interface StudentRow {
  id: string;
  username: string;
  name: string | null;
  email: string;
  created: string;
  classes: string | null;
}

// Class names may hold any character; JSON keeps them apart safely.
const STUDENT_SELECT = `SELECT s.id, s.username, s.name, s.email, s.created,
    (SELECT json_group_array(json_object('name', c.name, 'role', m.role)) FROM class_members m
       JOIN classes c ON c.id = m.class_id WHERE m.student_id = s.id) AS classes
  FROM students s`;

function fromRow(row: StudentRow): Student {
  const classes = row.classes ? (JSON.parse(row.classes) as Student['classes']) : [];
  return { ...row, classes: classes.sort((a, b) => a.name.localeCompare(b.name)) };
}

export function findStudentCredentials(db: Db, username: string): StudentCredentials | undefined {
  return prepared<[string], StudentCredentials>(
    db,
    'SELECT id, username, email, password_hash AS passwordHash FROM students WHERE username = ?',
  ).get(username);
}

export function findStudentByUsername(db: Db, username: string): Student | undefined {
  const row = prepared<[string], StudentRow>(db, `${STUDENT_SELECT} WHERE s.username = ?`).get(username);
  return row && fromRow(row);
}

/** Call inside a write transaction. */
export function insertStudent(db: Db, input: NewStudent): string {
  if (findStudentCredentials(db, input.username)) throw new StudentExistsError(input.username);
  const id = newRowId();
  prepared(db, 'INSERT INTO students (id, username, name, email, password_hash, created) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    input.username,
    input.name?.trim() || null,
    input.email?.trim() ?? '',
    input.passwordHash,
    isoNow(),
  );
  return id;
}

/** Call inside a write transaction. A student already in the class keeps the membership with the new role. */
export function addToClass(db: Db, classId: string, studentId: string, role: ClassRole = 'student'): void {
  prepared(
    db,
    'INSERT INTO class_members (class_id, student_id, role) VALUES (?, ?, ?) ON CONFLICT (class_id, student_id) DO UPDATE SET role = excluded.role',
  ).run(classId, studentId, role);
}

export function listStudents(db: Db, classId?: string): Student[] {
  const rows =
    classId === undefined
      ? prepared<[], StudentRow>(db, `${STUDENT_SELECT} ORDER BY s.username`).all()
      : prepared<[string], StudentRow>(
          db,
          `${STUDENT_SELECT} WHERE s.id IN (SELECT student_id FROM class_members WHERE class_id = ?) ORDER BY s.username`,
        ).all(classId);
  return rows.map(fromRow);
}

/** Which of these usernames exist already (case-insensitively), as stored. */
export function existingUsernames(db: Db, usernames: string[]): string[] {
  const find = prepared<[string], { username: string }>(db, 'SELECT username FROM students WHERE username = ?');
  return usernames.flatMap((username) => {
    const row = find.get(username);
    return row ? [row.username] : [];
  });
}

/** Call inside a write transaction. False when there is no such student. */
export function setPasswordHash(db: Db, studentId: string, passwordHash: string): boolean {
  return prepared(db, 'UPDATE students SET password_hash = ? WHERE id = ?').run(passwordHash, studentId).changes > 0;
}

/**
 * Call inside a write transaction. Only the membership goes: the account, its players and every statement it sent
 * stay (they are research data; erasing them is a separate, explicit step). False when it was not a member.
 */
export function removeFromClass(db: Db, classId: string, studentId: string): boolean {
  return prepared(db, 'DELETE FROM class_members WHERE class_id = ? AND student_id = ?').run(classId, studentId).changes > 0;
}

/**
 * Call inside a write transaction. Puts an existing account into one more class; a student may be in several (two
 * subjects, two classes). False when already a member: the role is not changed silently (take the student out first).
 */
export function joinClass(db: Db, classId: string, studentId: string, role: ClassRole): boolean {
  return (
    prepared(db, 'INSERT INTO class_members (class_id, student_id, role) VALUES (?, ?, ?) ON CONFLICT (class_id, student_id) DO NOTHING').run(
      classId,
      studentId,
      role,
    ).changes > 0
  );
}
