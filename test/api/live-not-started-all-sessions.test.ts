import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RollCall } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import type { Activity } from '../../server/store/activities-repo.js';
import { createAnonymousPlayer } from '../../server/store/players-repo.js';
import { openSession } from '../../server/store/sessions-repo.js';
import { adminPost, classWith, loggedInHeaders } from '../support/class-logins.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi } from '../support/http.js';
import { startOk } from '../support/rage.js';

// Live's Not started yet was worked out from the sessions Live lists, the 500 most recent: over a term, a student
// whose only session was older than those was named as not started. The roll-call answers it from every session.

let collector: Collector;
before(async () => {
  collector = await startTestCollector();
});
after(() => collector.close());

/** `count` sessions of players without a login (the rest of the term), after everything before. */
function anonymousSessions(activity: Activity, count: number): void {
  const { db } = collector.context;
  db.transaction(() => {
    const player = createAnonymousPlayer(db);
    for (let i = 0; i < count; i++) openSession(db, { activityId: activity.id, versionId: activity.versionId }, player);
  })();
}

async function notStarted(activity: Activity): Promise<string[]> {
  const answer = await adminApi(collector.url, `/activities/${activity.id}/roll-call`);
  assert.equal(answer.status, 200, answer.text);
  return (answer.json as RollCall).notStarted.map((student) => student.username);
}

test("520 sessions, a student's only one the oldest: she has started; this lesson, after a close, she has not", async () => {
  const classId = await classWith(collector.url, '3B', ['ana', 'ben', 'carla']);
  await adminPost(collector.url, `/classes/${classId}/students`, { username: 'tere', password: 'pizarra-1', role: 'assistant' });
  const activity = makeActivity(collector.context.db, { name: 'Fractions', classId });
  // Ana started first, logged in; carla played another activity only; then 520 sessions without a login.
  await startOk(collector.url, activity.trackingCode, { headers: await loggedInHeaders(collector.url, 'ana') });
  const other = makeActivity(collector.context.db, { name: 'Decimals', classId });
  await startOk(collector.url, other.trackingCode, { headers: await loggedInHeaders(collector.url, 'carla') });
  anonymousSessions(activity, 520);
  const listed = await adminApi(collector.url, `/activities/${activity.id}/sessions`);
  assert.equal((listed.json as { more?: true }).more, true, "Live's list is cut: ana's session is not in it");

  assert.deepEqual(await notStarted(activity), ['ben', 'carla'], 'ana is not missing; the assistant is never counted');

  // Closed after the morning and opened again: this lesson counts only sessions heard from since, ana's is older.
  await adminPost(collector.url, `/activities/${activity.id}/close`);
  await adminPost(collector.url, `/activities/${activity.id}/open`);
  assert.deepEqual(await notStarted(activity), ['ana', 'ben', 'carla']);
  await startOk(collector.url, activity.trackingCode, { headers: await loggedInHeaders(collector.url, 'ben') });
  assert.deepEqual(await notStarted(activity), ['ana', 'carla']);
});

test('an activity of no class: nobody is missing', async () => {
  const activity = makeActivity(collector.context.db, { name: 'Open day' });
  assert.deepEqual(await notStarted(activity), []);
});
