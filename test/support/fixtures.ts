import { type Activity, createActivity, type NewActivity } from '../../server/store/activities-repo.js';
import type { Db } from '../../server/store/open-database.js';
import type { SessionContext } from '../../server/store/sessions-repo.js';

/** Creates an activity through the same repository the CLI and the dashboard use. */
export function makeActivity(db: Db, input: Partial<NewActivity> = {}): Activity {
  return createActivity(db, { name: 'Test activity', game: 'Test game', ...input });
}

/** A track session's context as the collector reads it (sessions-repo.ts), for tests that need no database. */
export function sessionContext(fields: Partial<SessionContext> = {}): SessionContext {
  return {
    sessionId: 7,
    number: 1,
    started: '2026-11-26T09:00:00.000Z',
    ended: null,
    gameplayId: 'gameplay-1',
    firstSessionStarted: '2026-11-26T09:00:00.000Z',
    activityId: 'activity-1',
    versionId: 'version-1',
    playerId: 'player-1',
    playerKind: 'anonymous',
    studentId: null,
    ...fields,
  };
}
