import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import type { ClassStudent } from './api-types.js';

/** A class's members as the Classes screen lists them (never a password hash). */
const MEMBER_SELECT = `SELECT s.id, s.username, s.name, s.email, m.role, s.created
       FROM class_members m JOIN students s ON s.id = m.student_id
      WHERE m.class_id = ?`;

export function readClassStudents(db: Db, classId: string): ClassStudent[] {
  return prepared<[string], ClassStudent>(db, `${MEMBER_SELECT} ORDER BY s.username`).all(classId);
}

export function readClassStudent(db: Db, classId: string, username: string): ClassStudent | undefined {
  return prepared<[string, string], ClassStudent>(db, `${MEMBER_SELECT} AND s.username = ?`).get(classId, username);
}

export function readClassStudentById(db: Db, classId: string, studentId: string): ClassStudent | undefined {
  return prepared<[string, string], ClassStudent>(db, `${MEMBER_SELECT} AND s.id = ?`).get(classId, studentId);
}
