import { newRowId } from '../util/random-ids.js';
import { isoNow } from '../util/time.js';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';

export interface ClassInfo {
  id: string;
  name: string;
  created: string;
  students: number;
  activities: number;
}

const CLASS_SELECT = `SELECT c.id, c.name, c.created,
    (SELECT COUNT(*) FROM class_members m WHERE m.class_id = c.id) AS students,
    (SELECT COUNT(*) FROM activities a WHERE a.class_id = c.id) AS activities
  FROM classes c`;

export class ClassExistsError extends Error {
  constructor(readonly className: string) {
    super(`A class named "${className}" already exists`);
  }
}

/** Names are unique case-insensitively (the schema's COLLATE NOCASE). */
export function createClass(db: Db, name: string): ClassInfo {
  if (findClassByName(db, name)) throw new ClassExistsError(name);
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
