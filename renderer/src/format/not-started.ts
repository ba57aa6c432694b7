import type { ClassStudent, PlayerRef } from '../../../server/admin/api-types.js';

/**
 * The class's students (not its assistants or teachers) with no session of their own in the activity, by name: whom
 * the teacher walks over to at the start of a lesson. A student who plays without logging in shows as an animal
 * name, so they stay on this list until their game logs in.
 */
export function studentsNotStarted(students: readonly ClassStudent[], players: readonly PlayerRef[]): ClassStudent[] {
  const playing = new Set(players.filter((player) => player.kind === 'identified' && player.username).map((player) => player.username?.toLowerCase()));
  return students
    .filter((student) => student.role === 'student' && !playing.has(student.username.toLowerCase()))
    .sort((a, b) => (a.name ?? a.username).localeCompare(b.name ?? b.username));
}

/** "Ana García (ana.garcia)", or the username alone when the roster has no name: as Live names players. */
export const studentLabel = (student: ClassStudent): string => (student.name && student.name !== student.username ? `${student.name} (${student.username})` : student.username);
