import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { SessionRow } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import type { Activity } from '../../server/store/activities-repo.js';
import { createAnonymousPlayer } from '../../server/store/players-repo.js';
import { openSession } from '../../server/store/sessions-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi } from '../support/http.js';

// An activity used all term has more than 500 sessions: Live showed the 500 most recent as "all sessions" and did not
// say the others were left out. The answer says so with `more`, only when it is cut.

let collector: Collector;
before(async () => {
  collector = await startTestCollector();
});
after(() => collector.close());

interface Answer {
  serverTime: string;
  sessions: SessionRow[];
  more?: true;
}

/** `count` sessions of one player (a class's term of attempts), oldest first; their ids. */
function playedSessions(activity: Activity, count: number): number[] {
  const { db } = collector.context;
  return db.transaction(() => {
    const player = createAnonymousPlayer(db);
    return Array.from({ length: count }, () => openSession(db, { activityId: activity.id, versionId: activity.versionId }, player).sessionId);
  })();
}

async function sessionsOf(activity: Activity, query = ''): Promise<Answer> {
  const answer = await adminApi(collector.url, `/activities/${activity.id}/sessions${query}`);
  assert.equal(answer.status, 200, answer.text);
  return answer.json as Answer;
}

test('501 sessions: the 500 most recent, and more: true; 500: the answer as before', async () => {
  const activity = makeActivity(collector.context.db, { name: 'All term' });
  const ids = playedSessions(activity, 501);
  const answer = await sessionsOf(activity);
  assert.equal(answer.more, true);
  assert.deepEqual(
    answer.sessions.map((session) => session.id),
    ids.slice(1).reverse(),
    'newest first, the first session left out',
  );
  const smaller = await sessionsOf(activity, '?limit=10');
  assert.equal(smaller.sessions.length, 10);
  assert.equal(smaller.more, true);
  const whole = await sessionsOf(activity, '?limit=501');
  assert.equal(whole.sessions.length, 501);
  assert.equal(whole.more, undefined);

  // 500 sessions: all of them, and the answer as it was before (no `more`).
  const lesson = makeActivity(collector.context.db, { name: 'One lesson' });
  playedSessions(lesson, 500);
  const all = await sessionsOf(lesson);
  assert.equal(all.sessions.length, 500);
  assert.deepEqual(Object.keys(all), ['serverTime', 'sessions']);
});
