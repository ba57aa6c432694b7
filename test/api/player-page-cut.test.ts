import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import type { Activity } from '../../server/store/activities-repo.js';
import { findAnonymousPlayer } from '../../server/store/players-repo.js';
import { openSession } from '../../server/store/sessions-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi } from '../support/http.js';
import { startOk, trackStatements } from '../support/rage.js';

// A student who played all term has more than the 200 sessions and 100 statements a player's page lists: the page
// did not say its sessions were cut. The answer says so (moreSessions, moreStatements), only when they are.

let collector: Collector;
before(async () => {
  collector = await startTestCollector();
});
after(() => collector.close());

interface Answer {
  sessionList: Array<{ id: number }>;
  timeline: Array<{ seq: number }>;
  moreSessions?: true;
  moreStatements?: true;
}

/** A player with `sessions` sessions in the activity, `statements` of them sent by the first one; their id. */
async function playerWith(activity: Activity, sessions: number, statements: number): Promise<string> {
  const first = await startOk(collector.url, activity.trackingCode);
  await trackStatements(collector.url, first, statements);
  const { db } = collector.context;
  const player = findAnonymousPlayer(db, first.playerId);
  assert.ok(player);
  db.transaction(() => {
    for (let i = 1; i < sessions; i++) openSession(db, { activityId: activity.id, versionId: activity.versionId }, player);
  })();
  return player.id;
}

async function page(playerId: string, query = ''): Promise<Answer> {
  const answer = await adminApi(collector.url, `/players/${playerId}${query}`);
  assert.equal(answer.status, 200, answer.text);
  return answer.json as Answer;
}

test('201 sessions and 101 statements: the most recent 200 and 100, each said to be cut; 200 and 100: as before', async () => {
  const activity = makeActivity(collector.context.db, { name: 'All term' });
  const term = await playerWith(activity, 201, 101);
  const cut = await page(term);
  assert.equal(cut.sessionList.length, 200);
  assert.equal(cut.moreSessions, true);
  assert.equal(cut.timeline.length, 100);
  assert.equal(cut.moreStatements, true);
  const longer = await page(term, '?limit=101');
  assert.equal(longer.timeline.length, 101);
  assert.equal(longer.moreStatements, undefined, 'the whole timeline asked for: not cut');
  assert.equal(longer.moreSessions, true);

  const whole = await page(await playerWith(activity, 200, 100));
  assert.equal(whole.sessionList.length, 200);
  assert.equal(whole.timeline.length, 100);
  assert.ok(!('moreSessions' in whole) && !('moreStatements' in whole), 'nothing left out: the answer as it was');
});
