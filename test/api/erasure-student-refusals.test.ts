import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { adminPost, classWith, loggedInHeaders } from '../support/class-logins.js';
import { startTestCollector } from '../support/collector.js';
import { diagnosticItems } from '../support/diagnostic-items.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi, postJson, request } from '../support/http.js';
import { start, startOk, statementS, track } from '../support/rage.js';

// A student's failed logins and the starts another class's activity refused them name the student by username on
// Diagnostics. Erasing the student's player is an erasure request: those refusals must go with it, not stay on
// Diagnostics (and in the database) for the refusals' 30 days, while other students' refusals stay.

/** What the dashboard's Diagnostics read, as text: every name it shows is in there. */
async function diagnosticsText(collector: Collector): Promise<string> {
  await collector.context.ingest.idle();
  const answer = await request(`${collector.url}/admin/api/diagnostics`);
  assert.equal(answer.status, 200, answer.text);
  return answer.text;
}

/** The refused requests that name a student, by route and the code or username they sample. */
function naming(collector: Collector, username: string): Array<{ route: string; sample: string | null }> {
  return collector.context.db
    .prepare("SELECT route, sample FROM rejected_requests WHERE (route IN ('login', 'logout') AND sample = ?) OR student = ? ORDER BY id")
    .all(username, username) as Array<{ route: string; sample: string | null }>;
}

async function failLogin(collector: Collector, username: string): Promise<void> {
  assert.equal((await postJson(`${collector.url}/api/login`, { username, password: 'not-the-password' })).status, 401);
}

async function refusedStart(collector: Collector, code: string, username: string): Promise<void> {
  assert.equal((await start(collector.url, code, { headers: await loggedInHeaders(collector.url, username) })).status, 401);
}

async function play(collector: Collector, code: string, username: string): Promise<void> {
  const session = await startOk(collector.url, code, { headers: await loggedInHeaders(collector.url, username) });
  assert.equal((await track(collector.url, session.authToken, [statementS(session.actor)])).status, 200);
}

test("erasing a student's player everywhere takes their failed logins and refused starts off Diagnostics; others' stay", async () => {
  const collector = await startTestCollector({ config: { mdns: false } });
  try {
    const classA = await classWith(collector.url, '1A', ['ximena']);
    const classB = await classWith(collector.url, '1B', ['bruno']);
    const maths = makeActivity(collector.context.db, { name: '1A maths', classId: classA, allowAnonymous: false });
    const history = makeActivity(collector.context.db, { name: '1B history', classId: classB, allowAnonymous: false });
    await play(collector, maths.trackingCode, 'ximena');
    await failLogin(collector, 'ximena');
    await refusedStart(collector, history.trackingCode, 'ximena');
    await failLogin(collector, 'bruno');
    await refusedStart(collector, maths.trackingCode, 'bruno');
    assert.match(await diagnosticsText(collector), /ximena/, 'Diagnostics name her before the erasure');

    const preview = await adminApi(collector.url, '/erasures/preview?player=ximena');
    assert.equal(preview.status, 200, preview.text);
    const erased = await adminPost(collector.url, '/erasures', { player: 'ximena', confirm: true });

    const after = await diagnosticsText(collector);
    assert.doesNotMatch(after, /ximena/, 'Diagnostics no longer name her');
    assert.match(after, /bruno/, "bruno's refusals are still listed");
    assert.deepEqual(naming(collector, 'ximena'), [], 'no refusal naming her is left in the database');
    assert.deepEqual(naming(collector, 'bruno'), [
      { route: 'login', sample: 'bruno' },
      { route: 'start', sample: maths.trackingCode },
    ]);
    // The preview and the report count them (her failed login and her refused start).
    assert.equal((preview.json as { refusedRequests?: number }).refusedRequests, 2);
    assert.equal((erased as unknown as { refusedRequests?: number }).refusedRequests, 2);
  } finally {
    await collector.close();
  }
});

test("erasing a student's player in one activity takes their refused starts there, and nothing of elsewhere", async () => {
  const collector = await startTestCollector({ config: { mdns: false } });
  try {
    const classA = await classWith(collector.url, '1A', ['ximena']);
    const classB = await classWith(collector.url, '1B', ['bruno']);
    const classC = await classWith(collector.url, '1C', []);
    const maths = makeActivity(collector.context.db, { name: '1A maths', classId: classA, allowAnonymous: false });
    const history = makeActivity(collector.context.db, { name: '1B history', classId: classB, allowAnonymous: false });
    const art = makeActivity(collector.context.db, { name: '1C art', classId: classC, allowAnonymous: false });
    await play(collector, maths.trackingCode, 'ximena');
    await failLogin(collector, 'ximena');
    await refusedStart(collector, history.trackingCode, 'ximena');
    await refusedStart(collector, art.trackingCode, 'ximena');
    await refusedStart(collector, art.trackingCode, 'bruno');
    // Put in 1B after all (she takes history too): she plays it.
    await adminPost(collector.url, `/classes/${classB}/members`, { username: 'ximena' });
    await play(collector, history.trackingCode, 'ximena');

    const erased = await adminPost(collector.url, '/erasures', { player: 'ximena', activity: history.trackingCode, confirm: true });

    const notAllowed = (await diagnosticItems(collector, 'not-allowed')).map((item) => `${item.who?.name} at ${item.detail}`).sort();
    assert.deepEqual(notAllowed, [`bruno at ${art.trackingCode}`, `ximena at ${art.trackingCode}`], 'her refused start at history is gone; at art, it stays');
    assert.ok(
      (await diagnosticItems(collector, 'login-failed')).some((item) => item.player === 'ximena'),
      'her failed login stays: it is of no activity',
    );
    assert.deepEqual(naming(collector, 'ximena'), [
      { route: 'login', sample: 'ximena' },
      { route: 'start', sample: art.trackingCode },
    ]);
    assert.equal((erased as unknown as { refusedRequests?: number }).refusedRequests, 1, 'the report counts it');
  } finally {
    await collector.close();
  }
});
