import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { classWith, loggedInHeaders } from '../support/class-logins.js';
import { startTestCollector } from '../support/collector.js';
import { diagnosticItems } from '../support/diagnostic-items.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson } from '../support/http.js';
import { start, startOk, statementS, track } from '../support/rage.js';

const MINUTE = 60_000;

// The dashboard words whose game a line is about in the teacher's language: the answer gives it in parts (`who`),
// beside the English `player` that scripts and older dashboards read, unchanged.
describe("diagnostics: whose game a line is about, in parts as well as in English", () => {
  let collector: Collector;
  let shift = 0;

  before(async () => {
    collector = await startTestCollector({ config: { mdns: false }, now: () => Date.now() + shift });
  });
  after(() => collector?.close());

  test('a student refused by another class, a failed login of a roster student', async () => {
    await classWith(collector.url, '1A', ['a18']);
    const classB = await classWith(collector.url, '1B', ['b01']);
    const history = makeActivity(collector.context.db, { name: '1B history', classId: classB, allowAnonymous: false });
    assert.equal((await start(collector.url, history.trackingCode, { headers: await loggedInHeaders(collector.url, 'a18') })).status, 401);
    assert.equal((await postJson(`${collector.url}/api/login`, { username: 'a18', password: 'wrong' })).status, 401);

    const refused = (await diagnosticItems(collector, 'not-allowed'))[0];
    assert.equal(refused?.player, 'a18 of 1A');
    assert.deepEqual(refused?.who, { name: 'a18', session: null, classes: ['1A'] });
    const login = (await diagnosticItems(collector, 'login-failed')).find((item) => item.player === 'a18');
    assert.deepEqual(login?.who, { name: 'a18', session: null, classes: null });
  });

  test("a game gone silent: the player's name and the session's number", async () => {
    const activity = makeActivity(collector.context.db, { name: 'Decimals' });
    const session = await startOk(collector.url, activity.trackingCode);
    assert.equal((await track(collector.url, session.authToken, [{ ...statementS(session.actor), id: undefined }])).status, 200);
    shift += 4 * MINUTE;
    const silent = (await diagnosticItems(collector, 'silent-games')).find((item) => item.who?.name === session.playerAnimalName);
    assert.equal(silent?.player, `${session.playerAnimalName} · session 1`);
    assert.deepEqual(silent?.who, { name: session.playerAnimalName, session: 1, classes: null });
  });
});
