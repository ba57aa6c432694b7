import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RollCall } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { adminPost, classWith, loggedInHeaders } from '../support/class-logins.js';
import { startTestCollector } from '../support/collector.js';
import { diagnosticItems } from '../support/diagnostic-items.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { start } from '../support/rage.js';

/**
 * A start refused to a logged-in student of another class is told with the classes they were in when refused: after
 * carla (of 3B, refused by History 4A) was moved to 4A, Diagnostics said "carla of 4A — refused by History 4A: not in
 * its class", and Live's roll call of History 4A said 4A's carla was refused by it.
 */
describe('A refused student is named with their classes then, not now', () => {
  let collector: Collector;

  before(async () => {
    collector = await startTestCollector({ config: { mdns: false } });
  });
  after(() => collector?.close());

  const rollCall = async (activityId: string): Promise<RollCall> => {
    await collector.context.ingest.idle();
    const answer = await request(`${collector.url}/admin/api/activities/${activityId}/roll-call`);
    assert.equal(answer.status, 200, answer.text);
    return answer.json as RollCall;
  };
  const studentId = async (classId: string, username: string): Promise<string> => {
    const { students } = (await request(`${collector.url}/admin/api/classes/${classId}/students`)).json as { students: Array<{ id: string; username: string }> };
    return students.find((student) => student.username === username)?.id ?? '';
  };
  const removeFromClass = async (classId: string, username: string) => {
    const answer = await request(`${collector.url}/admin/api/classes/${classId}/students/${await studentId(classId, username)}`, { method: 'DELETE' });
    assert.equal(answer.status, 200, answer.text);
  };

  test('moved into the refusing class: Diagnostics says the class then, Live no longer calls it refused', async () => {
    const class3B = await classWith(collector.url, '3B', ['carla', 'dan']);
    const class4A = await classWith(collector.url, '4A', ['eva']);
    const history = makeActivity(collector.context.db, { name: 'History 4A', classId: class4A, allowAnonymous: false });
    const maths = makeActivity(collector.context.db, { name: 'Maths 3B', classId: class3B, allowAnonymous: false });
    assert.equal((await start(collector.url, history.trackingCode, { headers: await loggedInHeaders(collector.url, 'carla') })).status, 401);
    assert.deepEqual(
      (await rollCall(maths.id)).refused.map(({ username, activityName }) => ({ username, activityName })),
      [{ username: 'carla', activityName: 'History 4A' }],
      "before the move, 3B's Live names her",
    );

    await removeFromClass(class3B, 'carla');
    await adminPost(collector.url, `/classes/${class4A}/members`, { username: 'carla', role: 'student' });

    const [line] = await diagnosticItems(collector, 'not-allowed');
    assert.equal(line?.player, 'carla of 3B');
    assert.deepEqual(line?.who?.classes, ['3B']);
    assert.deepEqual((await rollCall(history.id)).refused, [], 'not refused by the activity of the class she is in now');
    assert.deepEqual((await rollCall(maths.id)).refused, [], 'no longer a student of 3B');
  });

  test('joined the refusing class beside her own: her own class no longer says she is refused', async () => {
    const own = await classWith(collector.url, '2C', ['fede']);
    const other = await classWith(collector.url, '2D', ['gala']);
    const science = makeActivity(collector.context.db, { name: 'Science 2D', classId: other, allowAnonymous: false });
    const art = makeActivity(collector.context.db, { name: 'Art 2C', classId: own, allowAnonymous: false });
    assert.equal((await start(collector.url, science.trackingCode, { headers: await loggedInHeaders(collector.url, 'fede') })).status, 401);
    assert.deepEqual(
      (await rollCall(art.id)).refused.map(({ username }) => username),
      ['fede'],
    );
    await adminPost(collector.url, `/classes/${other}/members`, { username: 'fede', role: 'student' });
    assert.deepEqual((await rollCall(art.id)).refused, [], 'Science 2D would take her now');
    const line = (await diagnosticItems(collector, 'not-allowed')).find((item) => item.who?.name === 'fede');
    assert.equal(line?.player, 'fede of 2C', 'the class she was in when refused');
  });

  test('refused again after the move is its own line, with its own class', async () => {
    const first = await classWith(collector.url, '6A', ['hugo']);
    const second = await classWith(collector.url, '6B', []);
    const closed = await classWith(collector.url, '6C', []);
    const drama = makeActivity(collector.context.db, { name: 'Drama 6C', classId: closed, allowAnonymous: false });
    assert.equal((await start(collector.url, drama.trackingCode, { headers: await loggedInHeaders(collector.url, 'hugo') })).status, 401);
    await removeFromClass(first, 'hugo');
    await adminPost(collector.url, `/classes/${second}/members`, { username: 'hugo', role: 'student' });
    assert.equal((await start(collector.url, drama.trackingCode, { headers: await loggedInHeaders(collector.url, 'hugo') })).status, 401);
    const lines = (await diagnosticItems(collector, 'not-allowed')).filter((item) => item.who?.name === 'hugo');
    assert.deepEqual(
      lines.map((item) => ({ player: item.player, count: item.count })),
      [
        { player: 'hugo of 6B', count: 1 },
        { player: 'hugo of 6A', count: 1 },
      ],
    );
  });
});
