import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classWith, loggedInHeaders } from '../support/class-logins.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi, postJson } from '../support/http.js';
import { start } from '../support/rage.js';
import { runAula } from '../support/run-aula.js';

// Aula keeps two refusals that name a roster student by username: a failed login, and a start another class's
// members-only activity refused them. Both are the student's personal data: their access request must show them, and
// deleting their account must take them along, not leave them for the refusals' 30 days.
test("a student's failed logins and refused starts are in their access report and go with their account", async () => {
  const collector = await startTestCollector();
  try {
    await classWith(collector.url, '1A', ['ana']);
    const classB = await classWith(collector.url, '1B', ['bob']);
    const history = makeActivity(collector.context.db, { name: '1B history', classId: classB, allowAnonymous: false });

    assert.equal((await postJson(`${collector.url}/api/login`, { username: 'ana', password: 'not-her-password' })).status, 401);
    assert.equal((await postJson(`${collector.url}/api/login`, { username: 'bob', password: 'not-his-password' })).status, 401);
    assert.equal((await start(collector.url, history.trackingCode, { headers: await loggedInHeaders(collector.url, 'ana') })).status, 401);

    const naming = (username: string) =>
      collector.context.db
        .prepare("SELECT route FROM rejected_requests WHERE (route = 'login' AND sample = ?) OR student = ? ORDER BY id")
        .all(username, username) as Array<{ route: string }>;
    await collector.context.ingest.idle();
    assert.deepEqual(naming('ana'), [{ route: 'login' }, { route: 'start' }], 'both refusals naming ana are stored');

    const report = await adminApi(collector.url, '/students/ana/access');
    assert.equal(report.status, 200, report.text);
    const refused = (report.json as { refusedRequests: Array<{ route: string; status: number; message: string; sample: string | null }> }).refusedRequests;
    assert.deepEqual(
      refused.map(({ route, status }) => ({ route, status })),
      [
        { route: 'login', status: 401 },
        { route: 'start', status: 401 },
      ],
    );
    assert.ok(!report.text.includes('bob'), "another student's failed login is not in ana's report");

    const deleted = await runAula(['student', 'delete', 'ana', '--yes', '--data-dir', collector.config.dataDir]);
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.deepEqual(naming('ana'), [], 'no refusal names ana once her account is deleted');
    assert.deepEqual(naming('bob'), [{ route: 'login' }], "bob's refusal stays");
  } finally {
    await collector.close();
  }
});
