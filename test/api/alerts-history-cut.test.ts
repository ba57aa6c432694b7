import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi } from '../support/http.js';
import { startOk } from '../support/rage.js';
import { storeIdleWarnings } from '../support/stored-alerts.js';

// Alerts & Warnings' Details for a student lists their 100 most recent alerts and warnings in the activity: over a
// term there are more, and nothing said so. The answer says `more: true` when cut, and is as it was otherwise.

let collector: Collector;
before(async () => {
  collector = await startTestCollector();
});
after(() => collector.close());

/** An activity whose one player had `count` Idle warnings over the term (as the rules engine stores them). */
async function alertsOfOne(count: number): Promise<{ activityId: string; playerId: string }> {
  const { db } = collector.context;
  const activity = makeActivity(db, { name: `Term ${count}` });
  await startOk(collector.url, activity.trackingCode);
  const session = db.prepare('SELECT id, player_id AS playerId FROM sessions WHERE activity_id = ?').get(activity.id) as { id: number; playerId: string };
  storeIdleWarnings(db, { activityId: activity.id, sessionId: session.id, playerId: session.playerId }, count);
  return { activityId: activity.id, playerId: session.playerId };
}

async function listed(path: string): Promise<Record<string, unknown>> {
  const answer = await adminApi(collector.url, path);
  assert.equal(answer.status, 200, answer.text);
  return answer.json as Record<string, unknown>;
}

test("a player's 101 alerts in the activity: the 100 most recent and more: true; 100, or the activity alone: as before", async () => {
  const cut = await alertsOfOne(101);
  const history = await listed(`/alerts?activity=${cut.activityId}&player=${cut.playerId}`);
  const items = history.history as Array<{ raised: string }>;
  assert.equal(items.length, 100);
  assert.equal(history.more, true);
  assert.equal(items.at(-1)?.raised, new Date(Date.UTC(2026, 0, 1, 0, 1)).toISOString(), 'the oldest is the one left out');
  assert.equal((await listed(`/alerts?activity=${cut.activityId}&player=${cut.playerId}&limit=101`)).more, undefined, '?limit= reaches them all');
  assert.deepEqual(Object.keys(await listed(`/alerts?activity=${cut.activityId}`)), ['activity', 'rulesOn', 'students']);

  const whole = await alertsOfOne(100);
  const all = await listed(`/alerts?activity=${whole.activityId}&player=${whole.playerId}`);
  assert.equal((all.history as unknown[]).length, 100);
  assert.deepEqual(Object.keys(all), ['activity', 'rulesOn', 'students', 'history']);
});
