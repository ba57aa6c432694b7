import { type Wording, word, wording } from '../i18n/wording.js';
import { newRowId } from '../util/random-ids.js';
import { isoNow } from '../util/time.js';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';

export interface ClassInfo {
  id: string;
  name: string;
  created: string;
  /** Members with the role student only, as Live's and Results' "N students of the class" count them. */
  students: number;
  assistants: number;
  teachers: number;
  /** Everyone in the class, whatever their role: what deleting the class takes away. */
  members: number;
  activities: number;
}

// A teacher or assistant added to the class (aula student add --role teacher) is a member but not one of its
// students: counting them too made the Classes screen say 6 students where Live said 5.
const CLASS_SELECT = `SELECT c.id, c.name, c.created,
    (SELECT COUNT(*) FROM class_members m WHERE m.class_id = c.id AND m.role = 'student') AS students,
    (SELECT COUNT(*) FROM class_members m WHERE m.class_id = c.id AND m.role = 'assistant') AS assistants,
    (SELECT COUNT(*) FROM class_members m WHERE m.class_id = c.id AND m.role = 'teacher') AS teachers,
    (SELECT COUNT(*) FROM class_members m WHERE m.class_id = c.id) AS members,
    (SELECT COUNT(*) FROM activities a WHERE a.class_id = c.id) AS activities
  FROM classes c`;

export class ClassExistsError extends Error {
  /** The message as a wording, for the dashboard's language (server/i18n); `message` is its English. */
  readonly wording: Wording;

  constructor(readonly className: string) {
    const said = wording('class.exists', { name: className });
    super(word(said));
    this.wording = said;
  }
}

/** Names are unique case-insensitively (the schema's COLLATE NOCASE). */
export function createClass(db: Db, name: string): ClassInfo {
  // The existing class is named as it is written ("3B"), not as the teacher typed it again ("3b").
  const existing = findClassByName(db, name);
  if (existing) throw new ClassExistsError(existing.name);
  const id = newRowId();
  prepared(db, 'INSERT INTO classes (id, name, created) VALUES (?, ?, ?)').run(id, name, isoNow());
  return getClass(db, id) as ClassInfo;
}

export function getClass(db: Db, id: string): ClassInfo | undefined {
  return prepared<[string], ClassInfo>(db, `${CLASS_SELECT} WHERE c.id = ?`).get(id);
}

export function findClassByName(db: Db, name: string): ClassInfo | undefined {
  return prepared<[string], ClassInfo>(db, `${CLASS_SELECT} WHERE c.name = ?`).get(name.trim());
}

export function listClasses(db: Db): ClassInfo[] {
  return prepared<[], ClassInfo>(db, `${CLASS_SELECT} ORDER BY c.name`).all();
}

/** An activity linked to a class: what a refused delete names. */
export interface LinkedActivity {
  id: string;
  name: string;
  trackingCode: string;
  open: boolean;
}

/**
 * A class that activities are linked to cannot go: `activities.class_id` references it. The teacher gives those
 * activities another class or none first, or deletes the ones no game played (one with traces is research data).
 */
export class ClassInUseError extends Error {
  /** The message as a wording, for the dashboard's language (server/i18n); `message` is its English. */
  readonly wording: Wording;

  constructor(
    readonly className: string,
    readonly activities: LinkedActivity[],
  ) {
    const names = activities.map((activity) => `"${activity.name}"`).join(', ');
    const said = wording('class.inUse', { name: className, count: activities.length, activities: names });
    super(word(said));
    this.wording = said;
  }
}

export function linkedActivities(db: Db, classId: string): LinkedActivity[] {
  return prepared<[string], { id: string; name: string; trackingCode: string; open: number }>(
    db,
    'SELECT id, name, tracking_code AS trackingCode, open FROM activities WHERE class_id = ? ORDER BY created, name',
  )
    .all(classId)
    .map((row) => ({ ...row, open: row.open === 1 }));
}

/** Undefined when there is no such class. Same uniqueness as createClass; a class may change only its case. */
export function renameClass(db: Db, id: string, name: string): ClassInfo | undefined {
  if (!getClass(db, id)) return undefined;
  const other = findClassByName(db, name);
  if (other && other.id !== id) throw new ClassExistsError(other.name);
  prepared(db, 'UPDATE classes SET name = ? WHERE id = ?').run(name.trim(), id);
  return getClass(db, id);
}

/**
 * Deletes the class and its memberships only: the student accounts stay (they may be in other classes, and what
 * they played stays theirs). Undefined when there is no such class; ClassInUseError when activities link to it.
 * Run it inside one write job, so the check and the delete see the same rows.
 */
export function deleteClass(db: Db, id: string): ClassInfo | undefined {
  const found = getClass(db, id);
  if (!found) return undefined;
  const activities = linkedActivities(db, id);
  if (activities.length > 0) throw new ClassInUseError(found.name, activities);
  prepared(db, 'DELETE FROM class_members WHERE class_id = ?').run(id);
  prepared(db, 'DELETE FROM classes WHERE id = ?').run(id);
  return found;
}
