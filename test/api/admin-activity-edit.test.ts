import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ActivityView } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { postJson, request, type TextResponse } from '../support/http.js';
import { start, startOk, statementS, track } from '../support/rage.js';

let collector: Collector;

before(async () => {
  collector = await startTestCollector();
});

after(async () => {
  await collector?.close();
});

const api = (path: string) => `${collector.url}/admin/api${path}`;
const patch = (path: string, body: unknown, headers: Record<string, string> = {}): Promise<TextResponse> =>
  request(api(path), { method: 'PATCH', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function createActivity(body: Record<string, unknown>): Promise<ActivityView> {
  const created = await postJson(api('/activities'), body);
  assert.equal(created.status, 201, created.text);
  return (created.json as { activity: ActivityView }).activity;
}

async function createClass(name: string): Promise<string> {
  const created = await postJson(api('/classes'), { name });
  assert.equal(created.status, 201, created.text);
  return (created.json as { class: { id: string } }).class.id;
}

const activityCounts = async (): Promise<Map<string, number>> =>
  new Map(((await request(api('/classes/summary'))).json as { classes: Array<{ id: string; activities: number }> }).classes.map((c) => [c.id, c.activities]));

test('an activity is renamed and moved to another class; its tracking code, game and data stay, and the class it left can be deleted', async () => {
  const fourA = await createClass('Edit 4A');
  const fourB = await createClass('Edit 4B');
  const activity = await createActivity({ name: 'Fractons', game: 'Fraction Quest', classId: fourA });
  const game = await startOk(collector.url, activity.trackingCode);
  assert.equal((await track(collector.url, game.authToken, [statementS(game.actor)])).status, 200);

  const changed = await patch(`/activities/${activity.id}`, { name: '  Fractions 4B ', classId: fourB });
  assert.equal(changed.status, 200, changed.text);
  const answer = (changed.json as { activity: ActivityView }).activity;
  assert.equal(answer.name, 'Fractions 4B');
  assert.equal(answer.className, 'Edit 4B');
  assert.equal(answer.classId, fourB);
  assert.equal(answer.trackingCode, activity.trackingCode);
  assert.equal(answer.game, 'Fraction Quest');
  assert.equal(answer.allowAnonymous, true);
  assert.equal(answer.statements, 1);
  assert.equal(answer.liveSessions, 1, 'the game that just sent is live');

  const listed = ((await request(api('/activities'))).json as { activities: ActivityView[] }).activities.find((a) => a.id === activity.id);
  assert.equal(listed?.name, 'Fractions 4B');
  const counts = await activityCounts();
  assert.equal(counts.get(fourA), 0);
  assert.equal(counts.get(fourB), 1);
  // The class no activity links to any more can go.
  assert.equal((await request(api(`/classes/${fourA}`), { method: 'DELETE' })).status, 200);

  // And to no class at all.
  const none = await patch(`/activities/${activity.id}`, { classId: null });
  assert.equal(none.status, 200, none.text);
  assert.equal((none.json as { activity: ActivityView }).activity.className, null);
  assert.equal((await activityCounts()).get(fourB), 0);
});

test('anonymous players refused by a change: the game playing can no longer send, a new one cannot start; allowed again, both can', async () => {
  const activity = await createActivity({ name: 'Open day' });
  const playing = await startOk(collector.url, activity.trackingCode);
  assert.equal((await track(collector.url, playing.authToken, [statementS(playing.actor)])).status, 200);

  assert.equal((await patch(`/activities/${activity.id}`, { allowAnonymous: false })).status, 200);
  const refused = await track(collector.url, playing.authToken, [statementS(playing.actor)]);
  assert.equal(refused.status, 401);
  assert.match(refused.text, /Not authorized to send traces to this activity/);
  assert.equal((await start(collector.url, activity.trackingCode)).status, 401);

  assert.equal((await patch(`/activities/${activity.id}`, { allowAnonymous: true })).status, 200);
  assert.equal((await track(collector.url, playing.authToken, [statementS(playing.actor)])).status, 200);
  assert.equal((await start(collector.url, activity.trackingCode)).status, 200);
});

test('a change that cannot be made gets a clear 4xx and changes nothing', async () => {
  const activity = await createActivity({ name: 'Decimals', allowAnonymous: false });
  const path = `/activities/${activity.id}`;
  const refusals: Array<[unknown, number, string, RegExp]> = [
    [{}, 400, 'invalid-request', /Say what to change: name, classId or allowAnonymous/],
    [{ name: '   ' }, 400, 'invalid-request', /name: Give the activity a name/],
    [{ name: 'x', open: false }, 400, 'invalid-request', /open/],
    [{ allowAnonymous: 'yes' }, 400, 'invalid-request', /allowAnonymous/],
    [{ name: 'Moved', classId: 'no-such-class' }, 400, 'unknown-class', /That class does not exist/],
  ];
  for (const [body, status, reason, message] of refusals) {
    const answer = await patch(path, body);
    assert.equal(answer.status, status, `${JSON.stringify(body)}: ${answer.text}`);
    const { error } = answer.json as { error: { reason: string; message: string } };
    assert.equal(error.reason, reason);
    assert.match(error.message, message);
  }
  const missing = await patch('/activities/no-such-activity', { name: 'x' });
  assert.equal(missing.status, 404);
  assert.equal((missing.json as { error: { reason: string } }).error.reason, 'activity-not-found');
  const forged = await patch(path, { name: 'Forged' }, { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' });
  assert.equal(forged.status, 403);

  const after = ((await request(api(path))).json as { activity: ActivityView }).activity;
  assert.deepEqual(
    { name: after.name, classId: after.classId, allowAnonymous: after.allowAnonymous },
    { name: 'Decimals', classId: null, allowAnonymous: false },
  );
});

test('an activity no game has played is deleted with its tracking code; one that has data is refused (409) and stays', async () => {
  const unplayed = await createActivity({ name: 'Test run' });
  const played = await createActivity({ name: 'Played' });
  const game = await startOk(collector.url, played.trackingCode);
  assert.equal((await track(collector.url, game.authToken, [statementS(game.actor)])).status, 200);

  const refused = await request(api(`/activities/${played.id}`), { method: 'DELETE' });
  assert.equal(refused.status, 409, refused.text);
  const { error } = refused.json as { error: { reason: string; message: string } };
  assert.equal(error.reason, 'activity-has-data');
  assert.match(error.message, /Activity Played is not deleted: it has 1 session and 1 statement\. Activities with data are not deleted/);
  const forged = await request(api(`/activities/${unplayed.id}`), { method: 'DELETE', headers: { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' } });
  assert.equal(forged.status, 403);

  const deleted = await request(api(`/activities/${unplayed.id}`), { method: 'DELETE' });
  assert.equal(deleted.status, 200, deleted.text);
  assert.equal((deleted.json as { activity: ActivityView }).activity.trackingCode, unplayed.trackingCode);
  assert.equal((await request(api(`/activities/${unplayed.id}`), { method: 'DELETE' })).status, 404);
  const names = ((await request(api('/activities'))).json as { activities: ActivityView[] }).activities.map((a) => a.name);
  assert.ok(!names.includes('Test run'), 'gone from the list');
  assert.ok(names.includes('Played'), 'the played one stays');
  assert.equal((await start(collector.url, unplayed.trackingCode)).status, 404, 'its tracking code no longer starts a game');
  assert.equal((await track(collector.url, game.authToken, [statementS(game.actor)])).status, 200, 'the played one still takes traces');
});
