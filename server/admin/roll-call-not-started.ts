import type { Db } from '../store/open-database.js';
import { prepared } from '../store/prepared.js';
import type { NotStartedStudent } from './api-types.js';

/**
 * The class's students (not its assistants or teachers) with no session of their own in the activity heard from since
 * `since` (this lesson), else ever: Live's Not started yet. Asked of every session, not of the 500 Live lists: over a
 * term, a student whose only sessions are older than those was listed as not started. Their own session is their
 * identified player's (username as player id, as Live matches it): one who played without logging in is an animal
 * name, so they stay on the list. Indexed: players by public id, then that player's sessions.
 */
export function readStudentsNotStarted(db: Db, classId: string, activityId: string, since: string | null): NotStartedStudent[] {
  return prepared<[string, string, string], NotStartedStudent>(
    db,
    `SELECT st.id AS studentId, st.username, st.name
     FROM class_members cm JOIN students st ON st.id = cm.student_id
     WHERE cm.class_id = ? AND cm.role = 'student'
       AND NOT EXISTS (SELECT 1 FROM players p JOIN sessions s ON s.player_id = p.id
         WHERE p.public_id = st.username AND p.kind = 'identified' AND s.activity_id = ? AND s.last_seen >= ?)
     ORDER BY st.username`,
  ).all(classId, activityId, since ?? '');
}
