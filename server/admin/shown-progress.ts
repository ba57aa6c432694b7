import { isWholeGameType } from '../normalize/whole-game.js';
import { lastPart } from '../rules/rule-facts.js';

/** What of a session's row its shown progress is read from (sessions' columns; SQLite's booleans are 0/1). */
export interface SessionProgressColumns {
  progress: number | null;
  progressOfGame: number;
  lastVerb: string | null;
  lastObject: string | null;
  lastObjectType: string | null;
}

/**
 * The progress beside the last action: when that action is `completed` on a level (any object but the game) and the
 * progress is a level's, 100 %; the trackers send no progress with a completion, so it read 50 % beside "completed
 * level alg1". The game's own progress stays as sent: a level completed is not the game finished. Done where the
 * sessions are read (Live, a player's page, Results' best progress), not per statement on ingest: sessions.progress
 * stays what the game sent, as the statements exports have it.
 */
export function shownProgress(row: SessionProgressColumns): number | null {
  if (row.progress === null || row.progressOfGame === 1) return row.progress;
  const levelCompletedLast = lastPart(row.lastVerb) === 'completed' && row.lastObject !== null && !isWholeGameType(row.lastObjectType);
  return levelCompletedLast ? 1 : row.progress;
}
