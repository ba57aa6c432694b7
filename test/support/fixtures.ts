import { type Activity, createActivity, type NewActivity } from '../../server/store/activities-repo.js';
import type { Db } from '../../server/store/open-database.js';

/** Creates an activity through the same repository the CLI and the dashboard use. */
export function makeActivity(db: Db, input: Partial<NewActivity> = {}): Activity {
  return createActivity(db, { name: 'Test activity', game: 'Test game', ...input });
}
