import { isClassMember } from '../store/activities-repo.js';
import type { Db } from '../store/open-database.js';

/**
 * Who may start and track in an activity (contract C-5.5): everyone when it allows anonymous players; otherwise
 * only identified members of its class.
 */
export function mayJoin(
  db: Db,
  activity: { allowAnonymous: boolean; classId: string | null },
  studentId: string | null,
): boolean {
  if (activity.allowAnonymous) return true;
  if (studentId === null || activity.classId === null) return false;
  return isClassMember(db, activity.classId, studentId);
}
