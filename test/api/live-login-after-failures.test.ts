import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FailedLogin, LoggedInAfterFailing } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { adminPost, classWith, passwordOf } from '../support/class-logins.js';
import { startTestCollector } from '../support/collector.js';
import { postJson, request } from '../support/http.js';

interface ClassLogins {
  failedLogins: FailedLogin[];
  loggedInAfterFailing: LoggedInAfterFailing[];
}

/**
 * Live's failed logins (GET /admin/api/classes/:id/failed-logins) after the teacher reset a student's password and the
 * student got in: he is no longer "login failed 5 times" for the rest of the hour, in any of his classes, but logged
 * in since; failing again is a new failed login, counted from one.
 */
describe('Live: a student who logs in after failed logins', () => {
  let collector: Collector;

  before(async () => {
    collector = await startTestCollector({ config: { mdns: false } });
  });
  after(() => collector?.close());

  const login = (username: string, password: string) => postJson(`${collector.url}/api/login`, { username, password });
  const logins = async (classId: string): Promise<ClassLogins> => {
    await collector.context.ingest.idle();
    const answer = await request(`${collector.url}/admin/api/classes/${classId}/failed-logins`);
    assert.equal(answer.status, 200, answer.text);
    return answer.json as ClassLogins;
  };

  test('is logged in since, not a failed login, after the password reset worked', async () => {
    const classB = await classWith(collector.url, '3B', ['ben', 'ana']);
    const classA = await classWith(collector.url, '4A', []);
    const students = (await request(`${collector.url}/admin/api/classes/${classB}/students`)).json as { students: Array<{ id: string; username: string }> };
    const ben = students.students.find((student) => student.username === 'ben')?.id ?? '';

    for (let attempt = 0; attempt < 5; attempt++) assert.equal((await login('ben', `wrong-${attempt}`)).status, 401);
    assert.equal((await login('ana', 'wrong')).status, 401);
    const failing = await logins(classB);
    assert.deepEqual(
      failing.failedLogins.map(({ username, count }) => ({ username, count })),
      [
        { username: 'ana', count: 1 },
        { username: 'ben', count: 5 },
      ],
    );
    assert.deepEqual(failing.loggedInAfterFailing, []);

    await adminPost(collector.url, `/classes/${classB}/students/${ben}/password`, { password: 'new-pass-ben' });
    assert.equal((await login('ben', 'new-pass-ben')).status, 200);
    const after = await logins(classB);
    assert.deepEqual(
      after.failedLogins.map(({ username }) => username),
      ['ana'],
      'ben is no longer a failed login; ana still is',
    );
    assert.deepEqual(
      after.loggedInAfterFailing.map(({ username, failed }) => ({ username, failed })),
      [{ username: 'ben', failed: 5 }],
    );
    assert.ok(Date.parse(after.loggedInAfterFailing[0]?.at ?? '') >= Date.parse(failing.failedLogins[1]?.last ?? ''), 'logged in after the last failure');

    // Moved to another class, he is not a failed login there either.
    await adminPost(collector.url, `/classes/${classA}/members`, { username: 'ben', role: 'student' });
    assert.deepEqual((await logins(classA)).failedLogins, []);
    assert.deepEqual(
      (await logins(classA)).loggedInAfterFailing.map(({ username }) => username),
      ['ben'],
    );

    // A later login changes nothing; failing again is a new failure, not the sixth.
    assert.equal((await login('ben', 'new-pass-ben')).status, 200);
    assert.equal((await login('ben', 'wrong-again')).status, 401);
    const again = await logins(classB);
    assert.deepEqual(
      again.failedLogins.map(({ username, count }) => ({ username, count })),
      [
        { username: 'ben', count: 1 },
        { username: 'ana', count: 1 },
      ],
    );
    assert.deepEqual(again.loggedInAfterFailing, []);
  });

  test('a student with no failed login is in neither list after logging in', async () => {
    const classId = await classWith(collector.url, '5C', ['dora']);
    assert.equal((await login('dora', passwordOf('dora'))).status, 200);
    const { failedLogins, loggedInAfterFailing } = await logins(classId);
    assert.deepEqual({ failedLogins, loggedInAfterFailing }, { failedLogins: [], loggedInAfterFailing: [] });
  });
});
