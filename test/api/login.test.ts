import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import pino from 'pino';
import { createAccounts, type NewAccount } from '../../server/auth/roster.js';
import type { Collector } from '../../server/index.js';
import { createClass } from '../../server/store/classes-repo.js';
import { listStudents } from '../../server/store/students-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request, type TextResponse } from '../support/http.js';
import { start, startOk } from '../support/rage.js';
import { tempDir } from '../support/temp-dir.js';

const MISSING = '{"message":"Missing credentials"}';
const WRONG = '{"message":"Password or username are incorrect"}';
const A2_TOKEN = `{"message":"Token doesn't exist, login into the system so it can generate a new token."}`;
const LOGIN_ANSWER = /^\{"user":\{"_id":"[^"\\]+","username":"[a-z0-9._-]+","email":"[^"\\]*","token":"[A-Za-z0-9._-]+"\}\}$/;

interface LoginAnswer {
  user: { _id: string; username: string; email: string; token: string };
}

async function withStudents(collector: Collector, accounts: NewAccount[]): Promise<void> {
  const { db, writer } = collector.context;
  const created = await writer.run((tx) => createClass(tx, `Class ${accounts[0]?.username}`));
  await createAccounts(db, (job) => writer.run(job), created.id, accounts);
}

function login(collector: Collector, body: unknown, headers: Record<string, string> = {}): Promise<TextResponse> {
  return postJson(`${collector.url}/api/login`, body, headers);
}

async function loginOk(collector: Collector, username: string, password: string): Promise<LoginAnswer['user']> {
  const answer = await login(collector, { username, password });
  assert.equal(answer.status, 200, answer.text);
  return (answer.json as LoginAnswer).user;
}

function logout(collector: Collector, authorization: string | null): Promise<TextResponse> {
  return request(`${collector.url}/api/logout`, {
    method: 'DELETE',
    headers: authorization === null ? {} : { Authorization: authorization },
  });
}

describe('POST /api/login (contract §4)', async () => {
  const collector = await startTestCollector();
  await withStudents(collector, [
    { username: 'dan', password: 'dan-pass-1' },
    { username: 'Student1', password: 'pw student', email: 'student1@school.test' },
  ]);

  test('right credentials: 200, compact A2 shape in key order, four strings, a token a header can carry', async () => {
    const answer = await login(collector, { username: 'dan', password: 'dan-pass-1' });
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /^application\/json; charset=utf-8$/);
    assert.match(answer.text, LOGIN_ANSWER);
    const { user } = answer.json as LoginAnswer;
    assert.deepEqual(Object.keys(user), ['_id', 'username', 'email', 'token']);
    assert.equal(user.username, 'dan');
    assert.equal(user.email, '');
    assert.doesNotMatch(user.token, /^Bearer/i);
    assert.equal(answer.headers.get('access-control-allow-origin'), '*');
  });

  test('usernames match case-insensitively and come back as stored; the e-mail is sent when known', async () => {
    const user = await loginOk(collector, 'STUDENT1', 'pw student');
    assert.equal(user.username, 'student1');
    assert.equal(user.email, 'student1@school.test');
  });

  test("the C# trackers' pretty JSON with CRLF and a form body both log in", async () => {
    const pretty = await login(collector, '{\r\n "username": "dan",\r\n "password": "dan-pass-1"\r\n}');
    assert.equal(pretty.status, 200);
    const form = await request(`${collector.url}/api/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'username=dan&password=dan-pass-1',
    });
    assert.equal(form.status, 200);
    assert.match(form.text, LOGIN_ANSWER);
  });

  test('each login gets its own token', async () => {
    const first = await loginOk(collector, 'dan', 'dan-pass-1');
    const second = await loginOk(collector, 'dan', 'dan-pass-1');
    assert.notEqual(first.token, second.token);
    assert.equal(first._id, second._id);
  });

  test('wrong password and unknown username: 401 with the same message', async () => {
    const wrong = await login(collector, { username: 'dan', password: 'nope' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.text, WRONG);
    const unknown = await login(collector, { username: 'nobody', password: 'dan-pass-1' });
    assert.equal(unknown.status, 401);
    assert.equal(unknown.text, WRONG);
    // A password is not case-insensitive.
    assert.equal((await login(collector, { username: 'dan', password: 'DAN-PASS-1' })).status, 401);
  });

  test('missing or empty credentials: 401 Missing credentials', async () => {
    for (const body of [{}, { username: 'dan' }, { password: 'dan-pass-1' }, { username: '', password: 'x' }, { username: 'dan', password: '' }]) {
      const answer = await login(collector, body);
      assert.equal(answer.status, 401, JSON.stringify(body));
      assert.equal(answer.text, MISSING);
    }
    const empty = await request(`${collector.url}/api/login`, { method: 'POST' });
    assert.equal(empty.status, 401);
    assert.equal(empty.text, MISSING);
  });

  test('a password with an unescaped quote (Java/C# string formatting) is invalid JSON: 400', async () => {
    const answer = await login(collector, '{"username":"dan","password":"a"b"}');
    assert.equal(answer.status, 400);
    assert.equal(answer.text, '{"message":"Request body is not valid JSON"}');
  });

  test('preflight and unknown methods: CORS 200 on OPTIONS, 404 JSON on GET', async () => {
    const preflight = await request(`${collector.url}/api/login`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://game.test', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    assert.equal(preflight.status, 200);
    assert.equal(preflight.text, '');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    const get = await request(`${collector.url}/api/login`);
    assert.equal(get.status, 404);
    assert.equal(get.text, '{"message":"Not found"}');
    const wrongLogin = await login(collector, { username: 'dan', password: 'x' });
    assert.equal(wrongLogin.headers.get('access-control-allow-origin'), '*');
  });
});

describe('DELETE /api/logout (C-4.8)', async () => {
  const collector = await startTestCollector();
  await withStudents(collector, [{ username: 'dan', password: 'dan-pass-1' }]);
  const activity = makeActivity(collector.context.db);

  test('revokes the token: 200 Success., then start answers 401 and logout again 401', async () => {
    const { token } = await loginOk(collector, 'dan', 'dan-pass-1');
    const other = await loginOk(collector, 'dan', 'dan-pass-1');
    assert.equal((await startOk(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${token}` } })).playerId, 'dan');

    const out = await logout(collector, `Bearer ${token}`);
    assert.equal(out.status, 200);
    assert.equal(out.text, '{"message":"Success."}');
    assert.equal(out.headers.get('access-control-allow-origin'), '*');

    const refused = await start(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(refused.status, 401);
    assert.equal(refused.text, A2_TOKEN);
    // Step 2 of C-5.4 answers before the tracking code is looked at.
    assert.equal((await start(collector.url, 'no-such-code', { headers: { Authorization: `Bearer ${token}` } })).text, A2_TOKEN);
    assert.equal((await logout(collector, `Bearer ${token}`)).status, 401);

    // Only that token: another login of the same student keeps working.
    assert.equal((await start(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${other.token}` } })).status, 200);
  });

  test('without a usable token: 401', async () => {
    for (const header of [null, '', 'Bearer', 'Bearer nonsense', 'Basic ZGFuOng=']) {
      const answer = await logout(collector, header);
      assert.equal(answer.status, 401, String(header));
      assert.equal(answer.text, A2_TOKEN);
    }
  });

  test('the revocation survives a restart', async () => {
    const dataDir = tempDir();
    const first = await startTestCollector({ dataDir });
    await withStudents(first, [{ username: 'eve', password: 'eve-pass' }]);
    const code = makeActivity(first.context.db).trackingCode;
    const { token } = await loginOk(first, 'eve', 'eve-pass');
    const kept = await loginOk(first, 'eve', 'eve-pass');
    assert.equal((await logout(first, `Bearer ${token}`)).status, 200);
    await first.close();
    const second = await startTestCollector({ dataDir });
    assert.equal((await start(second.url, code, { headers: { Authorization: `Bearer ${token}` } })).text, A2_TOKEN);
    assert.equal((await startOk(second.url, code, { headers: { Authorization: `Bearer ${kept.token}` } })).playerId, 'eve');
  });
});

describe('failed-login limits', async () => {
  let clock = Date.parse('2026-03-02T09:00:00.000Z');
  const collector = await startTestCollector({ now: () => clock });
  await withStudents(collector, [
    { username: 'target', password: 'target-pass' },
    { username: 'bystander', password: 'bystander-pass' },
  ]);

  test('after 10 wrong passwords for one username, even the right one waits; others are unaffected; time forgives', async () => {
    for (let i = 0; i < 10; i++) assert.equal((await login(collector, { username: 'target', password: `guess${i}` })).status, 401);
    const blocked = await login(collector, { username: 'TARGET', password: 'target-pass' });
    assert.equal(blocked.status, 429);
    assert.match((blocked.json as { message: string }).message, /^Too many failed logins\. Try again in \d+ minutes?\.$/);
    assert.ok(Number(blocked.headers.get('retry-after')) > 0);
    assert.equal((await login(collector, { username: 'bystander', password: 'bystander-pass' })).status, 200);

    clock += 10 * 60 * 1000 + 1000;
    assert.equal((await login(collector, { username: 'target', password: 'target-pass' })).status, 200);
  });
});

describe('passwords never leave in clear', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const dataDir = tempDir();
  const collector = await startTestCollector({ dataDir, logger: pino({ level: 'trace' }, sink) });
  const passwords = ['Correct-Horse-7781', 'Battery-Staple-9902'];
  await withStudents(collector, [
    { username: 'ana', password: passwords[0] as string },
    { username: 'bob', password: passwords[1] as string },
  ]);

  test('not in the database, the logs or any answer', async () => {
    const answers: string[] = [];
    answers.push((await login(collector, { username: 'ana', password: passwords[0] })).text);
    answers.push((await login(collector, { username: 'ana', password: passwords[1] })).text);
    answers.push((await login(collector, { username: 'nobody', password: passwords[1] })).text);
    answers.push((await login(collector, `{"username":"bob","password":"${passwords[1]}`)).text);
    const { token } = JSON.parse(answers[0] as string).user as { token: string };
    answers.push((await logout(collector, `Bearer ${token}`)).text);
    answers.push(JSON.stringify(listStudents(collector.context.db)));
    assert.ok(lines.some((line) => line.includes('failed login')), 'the failed logins were logged');
    await collector.close();

    const texts = { answers: answers.join('\n'), logs: lines.join('') };
    const files = fs.readdirSync(dataDir).filter((name) => name.includes('.db') || name.includes('sqlite'));
    assert.ok(files.length > 0);
    for (const name of files) Object.assign(texts, { [name]: fs.readFileSync(path.join(dataDir, name)).toString('latin1') });
    for (const [where, text] of Object.entries(texts)) {
      for (const password of passwords) assert.ok(!text.includes(password), `${where} holds a password`);
    }
    assert.doesNotMatch(texts.answers, /scrypt\$/);
  });
});

describe('a password typed into the username field', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const collector = await startTestCollector({ logger: pino({ level: 'trace' }, sink) });
  await withStudents(collector, [{ username: 'eve', password: 'Eve-Pass-3141' }]);

  test("is not written to the log, while a known student's failed login still names the student", async () => {
    assert.equal((await login(collector, { username: 'Eve-Pass-3141', password: 'eve' })).status, 401);
    assert.equal((await login(collector, { username: 'eve', password: 'wrong' })).status, 401);
    await collector.close();
    const logs = lines.join('');
    assert.ok(!logs.toLowerCase().includes('eve-pass-3141'), 'the password is not in the log');
    assert.ok(lines.some((line) => line.includes('failed login') && line.includes('"username":"eve"')), 'the known student is named');
  });
});
