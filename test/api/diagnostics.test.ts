import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { DiagnosticGroup, Diagnostics } from '../../server/admin/api-types.js';
import { createAccounts } from '../../server/auth/roster.js';
import type { Collector } from '../../server/index.js';
import { lanAddresses } from '../../server/net/lan-addresses.js';
import { setActivityOpen } from '../../server/store/activities-repo.js';
import { createClass } from '../../server/store/classes-repo.js';
import { activeXapiCredential } from '../../server/store/xapi-credentials-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request } from '../support/http.js';
import { start, startOk, statementS, track } from '../support/rage.js';

/** The collector's clock, moved forward by the tests that need minutes to pass. */
let offset = 0;
const MINUTE = 60_000;

describe('connection diagnostics API', () => {
  let collector: Collector;

  before(async () => {
    collector = await startTestCollector({ config: { host: '0.0.0.0', mdns: false }, now: () => Date.now() + offset });
  });
  after(() => collector?.close());

  /** Refusals are recorded by the writer after the answer: wait for its queue, then read. */
  async function diagnostics(): Promise<Diagnostics> {
    await collector.context.ingest.idle();
    const answer = await request(`${collector.url}/admin/api/diagnostics`);
    assert.equal(answer.status, 200);
    return answer.json as Diagnostics;
  }

  async function group(kind: string): Promise<DiagnosticGroup | undefined> {
    return (await diagnostics()).groups.find((candidate) => candidate.kind === kind);
  }

  async function clear(kind: string): Promise<void> {
    const answer = await postJson(`${collector.url}/admin/api/diagnostics/clear`, { kind });
    assert.equal(answer.status, 200);
  }

  test('a start with a mistyped code shows the code, the address and the closest existing code; clearing hides it', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Fractions' });
    const code = activity.trackingCode;
    const typo = `${code.slice(0, -1)}${code.endsWith('x') ? 'y' : 'x'}`;
    assert.equal((await start(collector.url, typo)).status, 404);
    const found = await group('unknown-code');
    assert.equal(found?.items[0]?.detail, typo);
    assert.equal(found?.items[0]?.address, '127.0.0.1');
    assert.equal(found?.items[0]?.suggestion, code);
    await start(collector.url, typo);
    assert.equal((await group('unknown-code'))?.items[0]?.count, 2, 'repeats are counted, not listed again');
    await clear('unknown-code');
    assert.equal(await group('unknown-code'), undefined);
  });

  test('a start refused because the activity is closed names it, and clears when the activity is opened', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Closed lesson' });
    setActivityOpen(collector.context.db, activity.trackingCode, false);
    assert.equal((await start(collector.url, activity.trackingCode)).status, 412);
    assert.equal((await group('activity-closed'))?.items[0]?.activity, 'Closed lesson');
    setActivityOpen(collector.context.db, activity.trackingCode, true);
    assert.equal(await group('activity-closed'), undefined);
  });

  test('an anonymous start into an activity for logged-in students only is listed', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Students only', allowAnonymous: false });
    assert.equal((await start(collector.url, activity.trackingCode)).status, 401);
    assert.equal((await group('not-allowed'))?.items[0]?.activity, 'Students only');
    await clear('not-allowed');
    assert.equal(await group('not-allowed'), undefined);
  });

  test('an invalid trace shows the validation message and a sample of what was sent', async () => {
    const activity = makeActivity(collector.context.db);
    const session = await startOk(collector.url, activity.trackingCode);
    const broken = { ...statementS(session.actor), verb: 'not-a-verb' };
    const answer = await track(collector.url, session.authToken, [broken]);
    assert.equal(answer.status, 400);
    const found = await group('invalid-track');
    assert.equal(found?.items[0]?.detail, (answer.json as { message: string }).message);
    assert.ok(found?.items[0]?.sample?.includes('not-a-verb'));
    await clear('invalid-track');
  });

  test('statements an xAPI game sent that were refused are listed with their activity: invalid ones, and new sessions of a closed activity', async () => {
    const activity = makeActivity(collector.context.db, { name: 'xAPI lesson' });
    const credential = activeXapiCredential(collector.context.db, activity.id);
    assert.ok(credential);
    const post = (statement: unknown) =>
      postJson(`${collector.url}/xapi/statements`, statement, {
        Authorization: `Basic ${Buffer.from(`${credential.key}:${credential.secret}`).toString('base64')}`,
        'X-Experience-API-Version': '1.0.3',
      });
    const actor = { objectType: 'Agent', account: { homePage: 'http://school.example.com', name: 'ana' } };
    const invalid = await post({ actor, verb: { id: 'not an IRI' }, object: { id: 'http://example.com/level-1' } });
    assert.equal(invalid.status, 400);
    const found = (await group('invalid-track'))?.items[0];
    assert.equal(found?.detail, (invalid.json as { message: string }).message);
    assert.equal(found?.activity, 'xAPI lesson');
    await clear('invalid-track');
    setActivityOpen(collector.context.db, activity.trackingCode, false);
    const refused = await post({ actor, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'http://example.com/level-1' } });
    assert.equal(refused.status, 403);
    assert.equal((await group('activity-closed'))?.items[0]?.activity, 'xAPI lesson');
    setActivityOpen(collector.context.db, activity.trackingCode, true);
    assert.equal(await group('activity-closed'), undefined, 'opened again: nothing left to fix');
  });

  test('traces with an unknown authToken, and failed logins, are listed', async () => {
    assert.equal((await track(collector.url, 'no-such-token', [statementS({})])).status, 401);
    assert.equal((await group('unknown-token'))?.count, 1);
    assert.equal((await postJson(`${collector.url}/api/login`, { username: 'nobody', password: 'wrong' })).status, 401);
    const unknown = (await group('login-failed'))?.items[0];
    assert.match(unknown?.detail ?? '', /incorrect/);
    // An unknown username is not shown (it is often a password typed into the wrong field)…
    assert.deepEqual([unknown?.player, unknown?.sample], [null, null]);
    // …a roster student's is: the teacher sees who cannot log in.
    const { db, writer } = collector.context;
    const classroom = await writer.run((tx) => createClass(tx, 'Login class'));
    await createAccounts(db, (job) => writer.run(job), classroom.id, [{ username: 'elena', password: 'elena-pw-1' }]);
    assert.equal((await postJson(`${collector.url}/api/login`, { username: 'Elena', password: 'wrong' })).status, 401);
    const failed = await group('login-failed');
    assert.deepEqual(failed?.items.map((item) => item.player).sort(), ['elena', null]);
    await clear('unknown-token');
    await clear('login-failed');
    assert.deepEqual((await diagnostics()).groups, []);
  });

  test('a game seen recently that stopped sending is listed, and disappears when it sends again', async () => {
    const activity = makeActivity(collector.context.db);
    const session = await startOk(collector.url, activity.trackingCode);
    assert.equal((await track(collector.url, session.authToken, [statementS(session.actor)])).status, 200);
    // A student is listed by username, as the teacher knows them, not by the animal name every player also has.
    const { db, writer } = collector.context;
    const classroom = await writer.run((tx) => createClass(tx, 'Silent class'));
    await createAccounts(db, (job) => writer.run(job), classroom.id, [{ username: 'quietana', password: 'quietana-pw' }]);
    const classActivity = makeActivity(db, { classId: classroom.id });
    const login = await postJson(`${collector.url}/api/login`, { username: 'quietana', password: 'quietana-pw' });
    const token = (login.json as { user: { token: string } }).user.token;
    const student = await startOk(collector.url, classActivity.trackingCode, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal((await track(collector.url, student.authToken, [{ ...statementS(student.actor), id: undefined }])).status, 200);

    const silentPlayers = async () => (await group('silent-games'))?.items.map((item) => item.detail) ?? [];
    const anonymous = `${session.playerAnimalName} · session 1`;
    assert.ok(!(await silentPlayers()).includes(anonymous));
    offset += 3 * MINUTE;
    assert.ok((await silentPlayers()).includes(anonymous), String(await silentPlayers()));
    assert.ok((await silentPlayers()).includes('quietana · session 1'), String(await silentPlayers()));
    assert.equal((await track(collector.url, session.authToken, [{ ...statementS(session.actor), id: undefined }])).status, 200);
    assert.ok(!(await silentPlayers()).includes(anonymous));
    await clear('silent-games');
    assert.equal(await group('silent-games'), undefined, 'the other silent games are marked as handled');
  });

  test('with an activity open and no game from another machine for minutes, the first-run help appears; a LAN client clears it', async (t) => {
    makeActivity(collector.context.db);
    offset += 4 * MINUTE;
    const waiting = await diagnostics();
    assert.equal(waiting.lastLanClient, null);
    assert.ok(waiting.firstRun, 'first-run help is shown');
    assert.equal(waiting.firstRun.port, collector.port);
    // Without the LAN name (mdns off here) the help still names the address to open from a student's computer.
    assert.deepEqual(waiting.firstRun.addresses, lanAddresses());
    const lan = lanAddresses()[0];
    if (!lan) return t.skip('no LAN address to connect from');
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get(`http://${lan}:${collector.port}/check/api`, { localAddress: lan, agent: false }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
        .on('error', reject);
    });
    assert.equal(status, 200);
    const reached = await diagnostics();
    assert.equal(reached.firstRun, null);
    assert.equal(reached.lastLanClient?.address, lan);
  });

  test('other machines cannot read the diagnostics; a wrong kind to clear is a 400', async () => {
    const answer = await postJson(`${collector.url}/admin/api/diagnostics/clear`, { kind: 'everything' });
    assert.equal(answer.status, 400);
    assert.equal((answer.json as { error: { reason: string } }).error.reason, 'invalid-kind');
    const lan = lanAddresses()[0];
    if (!lan) return;
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get(`http://${lan}:${collector.port}/admin/api/diagnostics`, { localAddress: lan, agent: false }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
        .on('error', reject);
    });
    assert.equal(status, 403);
  });
});
