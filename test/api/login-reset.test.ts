import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import jwt from 'jsonwebtoken';
import { accountKey, LoginLimiter } from '../../server/auth/login-limiter.js';
import { createAccounts } from '../../server/auth/roster.js';
import { configFromEnv, parseConfig } from '../../server/config.js';
import type { Collector } from '../../server/index.js';
import { createClass } from '../../server/store/classes-repo.js';
import { getSetting } from '../../server/store/settings-repo.js';
import type { Student } from '../../server/store/students-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request, type TextResponse } from '../support/http.js';
import { start, startOk } from '../support/rage.js';
import { aulaWithInput } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

const WRONG = '{"message":"Password or username are incorrect"}';
const A2_TOKEN = `{"message":"Token doesn't exist, login into the system so it can generate a new token."}`;

interface Roster {
  classId: string;
  students: Student[];
}

async function withStudents(collector: Collector, accounts: Array<{ username: string; password: string }>): Promise<Roster> {
  const { db, writer } = collector.context;
  const created = await writer.run((tx) => createClass(tx, `Class ${randomUUID()}`));
  const students = await createAccounts(db, (job) => writer.run(job), created.id, accounts);
  return { classId: created.id, students };
}

function login(collector: Collector, username: string, password: string): Promise<TextResponse> {
  return postJson(`${collector.url}/api/login`, { username, password });
}

async function tokenOf(collector: Collector, username: string, password: string): Promise<string> {
  const answer = await login(collector, username, password);
  assert.equal(answer.status, 200, answer.text);
  return (answer.json as { user: { token: string } }).user.token;
}

function startWith(collector: Collector, code: string, token: string): Promise<TextResponse> {
  return start(collector.url, code, { headers: { Authorization: `Bearer ${token}` } });
}

/** What the dashboard's "Reset password…" sends (loopback: no teacher key needed). */
async function dashboardReset(collector: Collector, roster: Roster, username: string, password: string): Promise<void> {
  const student = roster.students.find((candidate) => candidate.username === username);
  assert.ok(student, username);
  const answer = await postJson(`${collector.url}/admin/api/classes/${roster.classId}/students/${student.id}/password`, { password });
  assert.equal(answer.status, 200, answer.text);
}

/** A token as Aula issued them before token generations existed: same secret and claims, no `gen`. */
function tokenWithoutGeneration(collector: Collector, student: Student): string {
  const secret = getSetting(collector.context.db, 'jwt_secret');
  assert.ok(secret);
  const iat = Math.floor(Date.now() / 1000);
  return jwt.sign({ sub: student.id, username: student.username, jti: randomUUID(), iat, exp: iat + 3600 }, secret, {
    algorithm: 'HS256',
  });
}

const aula = (args: string[]) => aulaWithInput(args);

describe('a password reset ends earlier logins', async () => {
  const collector = await startTestCollector();
  const roster = await withStudents(collector, [
    { username: 'nora', password: 'nora-old-1' },
    { username: 'pablo', password: 'pablo-pass-1' },
  ]);
  const code = makeActivity(collector.context.db).trackingCode;

  test('tokens from before a dashboard reset are refused at start as logged-out ones are; a new login works', async () => {
    const first = await tokenOf(collector, 'nora', 'nora-old-1');
    const second = await tokenOf(collector, 'nora', 'nora-old-1');
    const nora = roster.students.find((student) => student.username === 'nora') as Student;
    const legacy = tokenWithoutGeneration(collector, nora);
    const classmate = await tokenOf(collector, 'pablo', 'pablo-pass-1');
    for (const token of [first, second, legacy]) assert.equal((await startWith(collector, code, token)).status, 200);

    await dashboardReset(collector, roster, 'nora', 'nora-new-2');

    for (const token of [first, second, legacy]) {
      const refused = await startWith(collector, code, token);
      assert.equal(refused.status, 401);
      assert.equal(refused.text, A2_TOKEN);
      const logout = await request(`${collector.url}/api/logout`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
      assert.equal(logout.status, 401, 'a refused token cannot log out either');
    }
    assert.equal((await login(collector, 'nora', 'nora-old-1')).text, WRONG);
    const fresh = await tokenOf(collector, 'nora', 'nora-new-2');
    assert.equal((await startOk(collector.url, code, { headers: { Authorization: `Bearer ${fresh}` } })).playerId, 'nora');
    assert.equal((await startWith(collector, code, classmate)).status, 200, "a classmate's login is untouched");
  });

  test('the refusal survives a restart', async () => {
    const dataDir = tempDir();
    const first = await startTestCollector({ dataDir });
    const own = await withStudents(first, [{ username: 'olga', password: 'olga-old-1' }]);
    const activity = makeActivity(first.context.db).trackingCode;
    const old = await tokenOf(first, 'olga', 'olga-old-1');
    await dashboardReset(first, own, 'olga', 'olga-new-2');
    const fresh = await tokenOf(first, 'olga', 'olga-new-2');
    await first.close();

    const second = await startTestCollector({ dataDir });
    assert.equal((await startWith(second, activity, old)).text, A2_TOKEN);
    assert.equal((await startOk(second.url, activity, { headers: { Authorization: `Bearer ${fresh}` } })).playerId, 'olga');
  });
});

describe('a reset lifts a failed-login lockout', async () => {
  test('a locked-out student logs in right after the teacher resets the password from the dashboard', async () => {
    const collector = await startTestCollector();
    const roster = await withStudents(collector, [{ username: 'rita', password: 'rita-old-1' }]);
    for (let i = 0; i < 10; i++) assert.equal((await login(collector, 'rita', `guess-${i}`)).status, 401);
    assert.equal((await login(collector, 'rita', 'rita-old-1')).status, 429, 'locked out, even with the right password');

    await dashboardReset(collector, roster, 'rita', 'rita-new-2');

    assert.equal((await login(collector, 'rita', 'rita-old-1')).text, WRONG, 'the old password is wrong, not locked out');
    assert.equal((await login(collector, 'rita', 'rita-new-2')).status, 200);
  });

  test('aula student password while Aula serves: the running collector lets the student in at once and refuses the earlier token', async () => {
    const dataDir = tempDir();
    const collector = await startTestCollector({ dataDir });
    await withStudents(collector, [{ username: 'saul', password: 'saul-old-1' }]);
    const code = makeActivity(collector.context.db).trackingCode;
    const old = await tokenOf(collector, 'saul', 'saul-old-1');
    for (let i = 0; i < 10; i++) assert.equal((await login(collector, 'saul', `guess-${i}`)).status, 401);
    assert.equal((await login(collector, 'saul', 'saul-old-1')).status, 429);

    const reset = await aula(['student', 'password', 'saul', '--password', 'saul-new-2', '--data-dir', dataDir]);
    assert.equal(reset.code, 0, reset.stderr);
    assert.match(reset.stdout, /New password set for saul\./);
    assert.match(reset.stdout, /must log in again/);

    assert.equal((await login(collector, 'saul', 'saul-new-2')).status, 200);
    assert.equal((await startWith(collector, code, old)).text, A2_TOKEN);
  });
});

describe('configured login-failure limits', async () => {
  test('two failures allowed per student: the third try waits until the one-minute window has passed', async () => {
    let clock = Date.parse('2026-03-02T09:00:00.000Z');
    const collector = await startTestCollector({
      now: () => clock,
      config: { loginFailuresPerUsername: 2, loginFailureWindowMinutes: 1 },
    });
    await withStudents(collector, [
      { username: 'tina', password: 'tina-pass-1' },
      { username: 'ugo', password: 'ugo-pass-1' },
    ]);
    for (let i = 0; i < 2; i++) assert.equal((await login(collector, 'tina', `guess-${i}`)).status, 401);
    const blocked = await login(collector, 'tina', 'tina-pass-1');
    assert.equal(blocked.status, 429);
    assert.deepEqual(blocked.json, { message: 'Too many failed logins. Try again in 1 minute.' });
    const retryAfter = Number(blocked.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal((await login(collector, 'ugo', 'ugo-pass-1')).status, 200, 'another student is not held');

    clock += retryAfter * 1000;
    assert.equal((await login(collector, 'tina', 'tina-pass-1')).status, 200);
  });

  test('an address limit of three: after three failures for different usernames, that address waits', async () => {
    const collector = await startTestCollector({ config: { loginFailuresPerAddress: 3 } });
    await withStudents(collector, [{ username: 'vera', password: 'vera-pass-1' }]);
    for (const name of ['nobody-1', 'nobody-2', 'nobody-3']) assert.equal((await login(collector, name, 'x')).status, 401);
    assert.equal((await login(collector, 'vera', 'vera-pass-1')).status, 429);
  });

  test('defaults are 10 per student, 50 per address, 10 minutes; AULA_LOGIN_* environment variables set them', () => {
    const defaults = parseConfig({ dataDir: tempDir() });
    assert.deepEqual(
      [defaults.loginFailuresPerUsername, defaults.loginFailuresPerAddress, defaults.loginFailureWindowMinutes],
      [10, 50, 10],
    );
    const fromEnv = parseConfig({
      dataDir: tempDir(),
      ...configFromEnv({ AULA_LOGIN_FAILURES: '3', AULA_LOGIN_FAILURES_PER_ADDRESS: '30', AULA_LOGIN_WINDOW_MINUTES: '5' }),
    });
    assert.deepEqual(
      [fromEnv.loginFailuresPerUsername, fromEnv.loginFailuresPerAddress, fromEnv.loginFailureWindowMinutes],
      [3, 30, 5],
    );
    assert.throws(() => parseConfig({ dataDir: tempDir(), ...configFromEnv({ AULA_LOGIN_FAILURES: 'many' }) }), /loginFailuresPerUsername/);
  });
});

describe('the limiter forgives a username', () => {
  test("under every generation and when unknown, but keeps the address's count and other usernames'", () => {
    const limiter = new LoginLimiter(() => 1_000_000, { windowMs: 60_000, perUsername: 1, perAddress: 5, maxTrackedKeys: 100 });
    for (const key of [accountKey('wen', undefined), accountKey('wen', 0), accountKey('wen', 1), accountKey('xia', 0)]) {
      limiter.recordFailure(key, '10.0.0.1');
    }
    limiter.forgive('wen');
    for (const key of [accountKey('wen', undefined), accountKey('wen', 0), accountKey('wen', 1)]) {
      assert.equal(limiter.waitMs(key, '10.0.0.2'), 0, key);
    }
    assert.ok(limiter.waitMs(accountKey('xia', 0), '10.0.0.2') > 0, 'another student is still held');
    limiter.recordFailure(accountKey('yan', 0), '10.0.0.1');
    assert.ok(limiter.waitMs(accountKey('zoe', 0), '10.0.0.1') > 0, 'the address still counts all five failures');
  });
});
