import type { NotStartedStudent, PlayerRef } from '../admin/api-types.js';
import { readClassStudents } from '../admin/classes-read.js';
import type { Db } from '../store/open-database.js';

/**
 * The class's students (not its assistants or teachers) with no player of their own among `players`, those who played
 * the activity: Live's Not started yet (renderer/src/format/not-started.ts, from the same GET /classes/:id/students
 * roster). A student who played without logging in is an animal name, not theirs, so they stay on it.
 */
export function readNotStarted(db: Db, classId: string | null, players: readonly PlayerRef[]): NotStartedStudent[] {
  if (!classId) return [];
  const played = new Set(players.flatMap((player) => (player.kind === 'identified' && player.username ? [player.username.toLowerCase()] : [])));
  return readClassStudents(db, classId)
    .filter((student) => student.role === 'student' && !played.has(student.username.toLowerCase()))
    .map((student) => ({ studentId: student.id, username: student.username, name: student.name }));
}
