import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { adminApi } from '../support/http.js';
import { playerOfAllTerm, } from '../support/long-played.js';

// A player's page offered to erase their data in the activities of the 200 sessions it lists: a student who played an
// activity only early in the term could not have their data there erased from it. Its answer names every one.

let collector: Collector;
before(async () => {
  collector = await startTestCollector();
});
after(() => collector.close());

interface Answer {
  sessionList: Array<{ id: number; activityId: string | null }>;
  activities: Array<{ id: string; name: string }>;
  moreSessions?: true;
}

test('201 sessions, the oldest in another activity: that activity is offered too, the 200 sessions listed as before', async () => {
  const { autumn, term, player } = await playerOfAllTerm(collector);

  const answer = await adminApi(collector.url, `/players/${player.id}`);
  assert.equal(answer.status, 200, answer.text);
  const page = answer.json as Answer;
  assert.equal(page.sessionList.length, 200);
  assert.equal(page.moreSessions, true);
  assert.ok(
    page.sessionList.every((session) => session.activityId === term.id),
    'the autumn session is not among those listed',
  );
  assert.deepEqual(page.activities, [
    { id: term.id, name: 'All term' },
    { id: autumn.id, name: 'Autumn quiz' },
  ]);

  // Erased there, it is offered no more; the other stays.
  const erased = await adminApi(collector.url, '/erasures', { player: player.id, activity: autumn.id, confirm: true });
  assert.equal(erased.status, 200, erased.text);
  const remaining = (await adminApi(collector.url, `/players/${player.id}`)).json as Answer;
  assert.deepEqual(remaining.activities, [{ id: term.id, name: 'All term' }]);
});
