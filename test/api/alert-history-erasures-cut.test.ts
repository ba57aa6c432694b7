import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi } from '../support/http.js';
import { startOk } from '../support/rage.js';
import { storeIdleWarnings } from '../support/stored-alerts.js';

// A player's alert history and the erasure log list their 100 most recent rows: over a term there are more, and
// nothing said so. Their answers say `more: true` when cut, and are as they were otherwise.

let collector: Collector;
before(async () => {
  collector = await startTestCollector();
});
after(() => collector.close());

async function listed(path: string): Promise<Record<string, unknown> & { more?: true }> {
  const answer = await adminApi(collector.url, path);
  assert.equal(answer.status, 200, answer.text);
  return answer.json as Record<string, unknown>;
}

/** A player with `count` Idle warnings raised over the term (as the rules engine stores them); their id. */
async function playerWithAlerts(count: number): Promise<string> {
  const { db } = collector.context;
  const activity = makeActivity(db, { name: `Term ${count}` });
  await startOk(collector.url, activity.trackingCode);
  const session = db.prepare('SELECT id, player_id AS playerId FROM sessions WHERE activity_id = ?').get(activity.id) as { id: number; playerId: string };
  storeIdleWarnings(db, { activityId: activity.id, sessionId: session.id, playerId: session.playerId }, count);
  return session.playerId;
}

test("a player's 101 alerts: the 100 most recent, and more: true; 100: the answer as before", async () => {
  const cut = await listed(`/players/${await playerWithAlerts(101)}/alerts`);
  assert.equal((cut.alerts as unknown[]).length, 100);
  assert.equal(cut.more, true);
  const whole = await listed(`/players/${await playerWithAlerts(100)}/alerts`);
  assert.equal((whole.alerts as unknown[]).length, 100);
  assert.deepEqual(Object.keys(whole), ['alerts']);
});

test('the erasure log: 100 erasures as before; 101: the 100 most recent, and more: true', async () => {
  const { db } = collector.context;
  const erase = db.prepare(
    `INSERT INTO erasures (time, erased_by, scope, activity_id, player_kind, statements, sessions, gameplays, results, alerts, uploaded)
     VALUES (?, 'dashboard', 'everywhere', NULL, 'anonymous', 1, 1, 1, 0, 0, 0)`,
  );
  const logged = (count: number) =>
    db.transaction(() => {
      for (let i = 0; i < count; i++) erase.run(new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString());
    })();

  logged(100);
  const whole = await listed('/erasures');
  assert.equal((whole.erasures as unknown[]).length, 100);
  assert.deepEqual(Object.keys(whole), ['erasures']);

  logged(1);
  const cut = await listed('/erasures');
  const erasures = cut.erasures as Array<{ id: number }>;
  assert.equal(erasures.length, 100);
  assert.equal(cut.more, true);
  assert.equal(erasures.at(-1)?.id, 2, 'the first erasure is the one left out');
  assert.equal((await listed('/erasures?limit=101')).more, undefined, '?limit= reaches them all');
});
