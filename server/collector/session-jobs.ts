import type { Db } from '../store/open-database.js';
import { createAnonymousPlayer, findOrCreateStudentPlayer, type Player } from '../store/players-repo.js';
import { endSession, type GameplayRecord, getGameplayRecord, openSession, type StartedSession } from '../store/sessions-repo.js';

/** Which player a start is for, decided on the main thread from the request (contract C-5.4). */
export type PlayerChoice = { kind: 'new' } | { kind: 'existing'; player: Player } | { kind: 'student'; studentId: string; username: string };

export interface StartJob {
  choice: PlayerChoice;
  activityId: string | null;
  versionId: string;
}

/** The writes of `start`: the player when new, then the attempt (one transaction: a failure keeps nothing). */
export function startSessionJob(db: Db, job: StartJob): { player: Player; session: StartedSession } {
  const { choice } = job;
  const player =
    choice.kind === 'existing'
      ? choice.player
      : choice.kind === 'student'
        ? findOrCreateStudentPlayer(db, { id: choice.studentId, username: choice.username })
        : createAnonymousPlayer(db);
  return { player, session: openSession(db, { activityId: job.activityId, versionId: job.versionId }, player) };
}

/** The write of `end`, and the gameplay record it answers with. */
export function endSessionJob(db: Db, job: { sessionId: number; gameplayId: string }): GameplayRecord | undefined {
  endSession(db, job.sessionId);
  return getGameplayRecord(db, job.gameplayId);
}
