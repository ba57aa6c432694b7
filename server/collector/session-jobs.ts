import type { Db } from '../store/open-database.js';
import { createAnonymousPlayer, findOrCreateStudentPlayer, type Player } from '../store/players-repo.js';
import { endSession, type GameplayRecord, getGameplayRecord, openSession, type StartedSession } from '../store/sessions-repo.js';
import { newAnimalName } from './animal-names.js';
import { animalNameNewIn } from './unique-animal-name.js';

/** Which player a start is for, decided on the main thread from the request (contract C-5.4). */
export type PlayerChoice = { kind: 'new' } | { kind: 'existing'; player: Player } | { kind: 'student'; studentId: string; username: string };

export interface StartJob {
  choice: PlayerChoice;
  activityId: string | null;
  versionId: string;
}

/**
 * The writes of `start`: the player when new, with an animal name no one in the activity has, then the attempt (one
 * transaction: a failure keeps nothing).
 */
export function startSessionJob(db: Db, job: StartJob): { player: Player; session: StartedSession } {
  return startSessionDrawing(db, job, newAnimalName);
}

/** startSessionJob with the names drawn by `draw` (the writer thread passes its own third argument to every job). */
export function startSessionDrawing(db: Db, job: StartJob, draw: () => string): { player: Player; session: StartedSession } {
  const { choice } = job;
  const animalName = () => animalNameNewIn(db, job.activityId ?? job.versionId, draw);
  const player =
    choice.kind === 'existing'
      ? choice.player
      : choice.kind === 'student'
        ? findOrCreateStudentPlayer(db, { id: choice.studentId, username: choice.username }, animalName)
        : createAnonymousPlayer(db, animalName);
  return { player, session: openSession(db, { activityId: job.activityId, versionId: job.versionId }, player) };
}

/** The write of `end`, and the gameplay record it answers with. */
export function endSessionJob(db: Db, job: { sessionId: number; gameplayId: string }): GameplayRecord | undefined {
  endSession(db, job.sessionId);
  return getGameplayRecord(db, job.gameplayId);
}
