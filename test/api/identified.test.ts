import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import jwt from 'jsonwebtoken';
import { createAccounts, type NewAccount } from '../../server/auth/roster.js';
import type { Collector } from '../../server/index.js';
import type { Activity } from '../../server/store/activities-repo.js';
import { createClass } from '../../server/store/classes-repo.js';
import { getSetting } from '../../server/store/settings-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson } from '../support/http.js';
import { PREFIXES, type StartAnswer, start, startOk, statementS, track } from '../support/rage.js';
import { storedFor } from '../support/stored.js';

const BEARER =
  "{\"message\":\"Authorization header found but the expected format is 'Bearer JSON Web Token' obtained by logging in to A2\"}";
const NOT_AUTHORIZED_JOIN = '{"message":"Not authorized to join this activity"}';
const A2_TOKEN = `{"message":"Token doesn't exist, login into the system so it can generate a new token."}`;
const DAY = 24 * 60 * 60 * 1000;

/** The fixture of contract §13.1: class C with its teacher, assistant and student; users outside it. */
async function seed(collector: Collector): Promise<{ a1: Activity; a2: Activity }> {
  const { db, writer } = collector.context;
  const write = <T>(job: Parameters<typeof writer.run<T>>[0]) => writer.run(job);
  const classC = await writer.run((tx) => createClass(tx, 'C'));
  const other = await writer.run((tx) => createClass(tx, 'Other'));
  const members: NewAccount[] = [
    { username: 'Teacher1', password: 'teacher-pw', role: 'teacher' },
    { username: 'Assistant1', password: 'assistant-pw', role: 'assistant' },
    { username: 'Student1', password: 'student-pw' },
  ];
  const outsiders: NewAccount[] = ['dan', 'AnyUser', 'someuser'].map((username) => ({ username, password: `${username}-pw` }));
  await createAccounts(db, write, classC.id, members);
  await createAccounts(db, write, other.id, outsiders);
  return {
    a1: makeActivity(db, { name: 'A1', classId: classC.id, allowAnonymous: true }),
    a2: makeActivity(db, { name: 'A2', classId: classC.id, allowAnonymous: false }),
  };
}

async function loginToken(collector: Collector, username: string, password = `${username}-pw`): Promise<string> {
  const answer = await postJson(`${collector.url}/api/login`, { username, password });
  assert.equal(answer.status, 200, answer.text);
  return (answer.json as { user: { token: string } }).user.token;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

function assertIdentified(answer: StartAnswer, username: string, session: number): void {
  assert.deepEqual(Object.keys(answer), [
    'authToken',
    'actor',
    'playerAnimalName',
    'playerId',
    'objectId',
    'session',
    'firstSessionStarted',
    'currentSessionStarted',
  ]);
  assert.deepEqual(answer.actor, { account: { homePage: 'http://aula.test/', name: username }, name: username });
  assert.equal(answer.playerId, username);
  assert.match(answer.playerAnimalName, /^[a-z]+-[a-z]+-[a-z]+$/);
  assert.notEqual(answer.playerAnimalName, username);
  assert.equal(answer.session, session);
  if (session === 1) assert.equal(answer.firstSessionStarted, answer.currentSessionStarted);
}

describe('identified players (contract §13.2 cases 10, 11; §13.3 case 15; §13.4 cases 22, 30)', () => {
  let collector: Collector;
  let a1: Activity;
  let a2: Activity;
  before(async () => {
    collector = await startTestCollector({ homePage: 'http://aula.test/' });
    ({ a1, a2 } = await seed(collector));
  });

  for (const prefix of PREFIXES) {
    test(`case 10 on ${prefix}: dan's sessions count 1, 2, 3, 4 between anonymous players; tracks are his`, async () => {
      const dan = await loginToken(collector, 'dan');
      const code = a1.trackingCode;
      const first = await startOk(collector.url, code, { prefix, headers: bearer(dan) });
      assertIdentified(first, 'dan', prefix === PREFIXES[0] ? 1 : 5);
      const base = first.session - 1;
      assertIdentified(await startOk(collector.url, code, { prefix, headers: bearer(dan) }), 'dan', base + 2);
      const anonymous = await startOk(collector.url, code, { prefix });
      assert.equal(anonymous.session, 1);
      assert.equal(anonymous.actor.account.name, 'Anonymous');
      const third = await startOk(collector.url, code, { prefix, headers: bearer(dan) });
      assertIdentified(third, 'dan', base + 3);
      assert.equal(third.playerAnimalName, first.playerAnimalName, 'the animal name is kept');
      assert.equal(third.firstSessionStarted, first.firstSessionStarted);
      const again = await startOk(collector.url, code, { prefix, body: { anonymous: anonymous.playerId } });
      assert.equal(again.session, 2);
      assert.equal(again.playerId, anonymous.playerId);
      const fourth = await startOk(collector.url, code, { prefix, headers: bearer(dan) });
      assertIdentified(fourth, 'dan', base + 4);

      const tracked = await track(collector.url, fourth.authToken, [statementS(fourth.actor)], prefix);
      assert.equal(tracked.status, 200);
      assert.equal(tracked.text, '{"message":"Success."}');
      const [stored] = storedFor(collector.context.db, fourth.authToken);
      assert.equal(stored?.statement.actor.account.name, 'dan');
      assert.equal(stored?.statement.object.definition.extensions.session, base + 4);
    });
  }

  test('a valid login token wins over an anonymous body; the Bearer scheme is case-insensitive', async () => {
    const token = await loginToken(collector, 'someuser');
    const answer = await startOk(collector.url, a1.trackingCode, { headers: { Authorization: `bearer   ${token}` }, body: { anonymous: 'someone' } });
    assert.equal(answer.playerId, 'someuser');
  });

  test('case 15: a logged-in start is an identified player with one open attempt holding the returned authToken', async () => {
    const token = await loginToken(collector, 'Student1', 'student-pw');
    const answer = await startOk(collector.url, a1.trackingCode, { headers: bearer(token) });
    assertIdentified(answer, 'student1', 1);
    const rows = collector.context.db
      .prepare(
        `SELECT p.kind, p.public_id AS publicId, s.auth_token AS authToken, s.ended, s.number
         FROM sessions s JOIN players p ON p.id = s.player_id WHERE s.activity_id = ? AND p.public_id = ?`,
      )
      .all(a1.id, 'student1');
    assert.deepEqual(rows, [{ kind: 'identified', publicId: 'student1', authToken: answer.authToken, ended: null, number: 1 }]);
  });

  test('a second student counts from 1, with an animal name of their own', async () => {
    const teacher = await startOk(collector.url, a1.trackingCode, { headers: bearer(await loginToken(collector, 'teacher1', 'teacher-pw')) });
    const assistant = await startOk(collector.url, a1.trackingCode, {
      headers: bearer(await loginToken(collector, 'assistant1', 'assistant-pw')),
    });
    assertIdentified(teacher, 'teacher1', 1);
    assertIdentified(assistant, 'assistant1', 1);
    assert.notEqual(teacher.playerAnimalName, assistant.playerAnimalName);
  });

  test('case 11: a user outside the class cannot join a class-only activity; members of every role can', async () => {
    const outsider = await start(collector.url, a2.trackingCode, { headers: bearer(await loginToken(collector, 'AnyUser')) });
    assert.equal(outsider.status, 401);
    assert.equal(outsider.text, NOT_AUTHORIZED_JOIN);
    for (const [username, password] of [
      ['student1', 'student-pw'],
      ['assistant1', 'assistant-pw'],
      ['teacher1', 'teacher-pw'],
    ] as const) {
      const member = await startOk(collector.url, a2.trackingCode, { headers: bearer(await loginToken(collector, username, password)) });
      assertIdentified(member, username, 1);
    }
  });

  test('cases 22 and 30: anonymous starts on a class-only activity get 401; X-Gleaner-User selects nobody', async () => {
    const anonymous = await start(collector.url, a2.trackingCode);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.text, NOT_AUTHORIZED_JOIN);
    const claimed = await start(collector.url, a2.trackingCode, { headers: { 'X-Gleaner-User': 'student1' } });
    assert.equal(claimed.status, 401);
    assert.equal(claimed.text, NOT_AUTHORIZED_JOIN);
    const open = await startOk(collector.url, a1.trackingCode, { headers: { 'X-Gleaner-User': 'dan' } });
    assert.equal(open.actor.account.name, 'Anonymous');
    assert.notEqual(open.playerId, 'dan');
  });
});

describe('tokens that must not identify anyone (C-5.3, C-5.4)', () => {
  let clock = Date.parse('2026-02-02T08:00:00.000Z');
  let collector: Collector;
  let a1: Activity;
  let a2: Activity;
  before(async () => {
    collector = await startTestCollector({ homePage: 'http://aula.test/', now: () => clock });
    ({ a1, a2 } = await seed(collector));
  });

  async function expectBearerError(token: string): Promise<void> {
    const open = await start(collector.url, a1.trackingCode, { headers: bearer(token) });
    assert.equal(open.status, 400);
    assert.equal(open.text, BEARER);
    // On a class-only activity a header error counts as anonymous: the access check answers first.
    const classOnly = await start(collector.url, a2.trackingCode, { headers: bearer(token) });
    assert.equal(classOnly.status, 401);
    assert.equal(classOnly.text, NOT_AUTHORIZED_JOIN);
  }

  test('expired: valid until 7 days after login, refused after (clock injected)', async () => {
    clock = Date.parse('2026-02-02T08:00:00.000Z');
    const token = await loginToken(collector, 'student1', 'student-pw');
    clock += 7 * DAY - 60_000;
    assert.equal((await startOk(collector.url, a2.trackingCode, { headers: bearer(token) })).playerId, 'student1');
    clock += 61_000;
    await expectBearerError(token);
    // Logging in again gives a fresh week.
    const fresh = await loginToken(collector, 'student1', 'student-pw');
    assert.equal((await startOk(collector.url, a2.trackingCode, { headers: bearer(fresh) })).playerId, 'student1');
  });

  test('forged: signed with another secret, or a tampered payload under the real signature', async () => {
    const token = await loginToken(collector, 'student1', 'student-pw');
    const claims = jwt.decode(token) as jwt.JwtPayload;
    await expectBearerError(jwt.sign(claims, 'not-the-installation-secret', { algorithm: 'HS256' }));
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const tampered = { ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), username: 'teacher1' };
    await expectBearerError(`${header}.${Buffer.from(JSON.stringify(tampered)).toString('base64url')}.${signature}`);
  });

  test('alg none, and another algorithm even with the installation secret', async () => {
    const token = await loginToken(collector, 'student1', 'student-pw');
    const payload = token.split('.')[1] as string;
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    await expectBearerError(`${none}.${payload}.`);
    await expectBearerError(`${none}.${payload}`);
    const secret = getSetting(collector.context.db, 'jwt_secret') as string;
    const claims = jwt.decode(token) as jwt.JwtPayload;
    await expectBearerError(jwt.sign(claims, secret, { algorithm: 'HS512' }));
    await expectBearerError(jwt.sign(claims, secret, { algorithm: 'HS384' }));
    // Signed with the right secret and algorithm but never expiring: not one of Aula's tokens either.
    const { exp: _exp, ...forever } = claims;
    await expectBearerError(jwt.sign(forever, secret, { algorithm: 'HS256' }));
  });

  test('malformed values and a token from another installation', async () => {
    for (const value of ['abc', 'abc.def.ghi', 'Bearer', '%%%']) await expectBearerError(value);
    const elsewhere = await startTestCollector({ homePage: 'http://aula.test/' });
    await seed(elsewhere);
    await expectBearerError(await loginToken(elsewhere, 'student1', 'student-pw'));
    const notBearer = await start(collector.url, a1.trackingCode, { headers: { Authorization: 'Basic c3R1ZGVudDE6eA==' } });
    assert.equal(notBearer.status, 400);
    assert.equal(notBearer.text, BEARER);
  });

  test('logged out: 401 on every activity, before the access check', async () => {
    const token = await loginToken(collector, 'student1', 'student-pw');
    const out = await fetch(`${collector.url}/api/logout`, { method: 'DELETE', headers: bearer(token) });
    assert.equal(out.status, 200);
    for (const activity of [a1, a2]) {
      const answer = await start(collector.url, activity.trackingCode, { headers: bearer(token) });
      assert.equal(answer.status, 401);
      assert.equal(answer.text, A2_TOKEN);
    }
  });
});
