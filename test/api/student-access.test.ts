import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createAccounts } from '../../server/auth/roster.js';
import type { Collector } from '../../server/index.js';
import { createClass } from '../../server/store/classes-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request } from '../support/http.js';
import { startOk, track } from '../support/rage.js';
import { wrongAnswers } from '../support/track-batches.js';

interface AccessReport {
  format: string;
  askedFor: string;
  player: { playerId: string } | null;
  student: { username: string; name: string | null; email: string; created: string; classes: Array<{ class: string; role: string }> } | null;
  sessions: unknown[];
  results: unknown[];
  alerts: unknown[];
  refusedRequests: unknown[];
  statements: unknown[];
  attachments: unknown[];
  about: Record<string, string>;
}

// A roster student's access request from the Classes screen (GET /admin/api/students/:username/access): the same
// aula-access/1 file as the player's page gives, for a student who never played too (they have no player page).
describe("an access request for a student on the roster, from the dashboard's Classes", () => {
  let collector: Collector;
  let hashes: string[];

  before(async () => {
    collector = await startTestCollector();
    const { db, writer } = collector.context;
    const classB = await writer.run((tx) => createClass(tx, '3B'));
    await createAccounts(db, (job) => writer.run(job), classB.id, [
      { username: 'ana', password: 'ana-secret-pw', name: 'Ana Pérez' },
      { username: 'carl', password: 'carl-secret-pw', name: 'Carl Never-Played', email: 'carl@school.test' },
    ]);
    hashes = (db.prepare('SELECT password_hash AS h FROM students').all() as Array<{ h: string }>).map((row) => row.h);
    const activity = makeActivity(db, { name: 'Fractions', classId: classB.id });
    const login = await postJson(`${collector.url}/api/login`, { username: 'ana', password: 'ana-secret-pw' });
    assert.equal(login.status, 200, login.text);
    const token = (login.json as { user: { token: string } }).user.token;
    const ana = await startOk(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal((await track(collector.url, ana.authToken, wrongAnswers(ana, 2))).status, 200);
  });

  test('a student who never played: their roster record, never the password hash, and that Aula holds no play data', async () => {
    const answer = await request(`${collector.url}/admin/api/students/carl/access`);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.headers.get('content-disposition'), 'attachment; filename="aula-access-carl.json"');
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    const report = JSON.parse(answer.text) as AccessReport;
    assert.equal(report.format, 'aula-access/1');
    assert.deepEqual(report.student, {
      username: 'carl',
      name: 'Carl Never-Played',
      email: 'carl@school.test',
      created: report.student?.created,
      classes: [{ class: '3B', role: 'student' }],
    });
    assert.equal(report.player, null);
    assert.deepEqual([report.sessions, report.results, report.alerts, report.refusedRequests, report.statements, report.attachments], [[], [], [], [], [], []]);
    assert.match(report.about.noPlayData ?? '', /^Aula holds no play data about this student/);
    assert.match(report.about.notIncluded ?? '', /backup/);
    for (const secret of [...hashes, 'carl-secret-pw', 'ana-secret-pw']) assert.ok(!answer.text.includes(secret), 'no password nor its hash');
    assert.ok(!answer.text.includes('Ana Pérez'), "nothing of another student's");
  });

  test("a student who played gets everything, as from the player's page; the username in any case", async () => {
    const answer = await request(`${collector.url}/admin/api/students/ANA/access`);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.headers.get('content-disposition'), 'attachment; filename="aula-access-ana.json"');
    const report = JSON.parse(answer.text) as AccessReport;
    assert.equal(report.player?.playerId, 'ana');
    assert.equal(report.student?.name, 'Ana Pérez');
    assert.equal(report.sessions.length, 1);
    assert.equal(report.statements.length, 2);
    assert.equal(report.about.noPlayData, undefined);
    const internal = (collector.context.db.prepare("SELECT id FROM players WHERE public_id = 'ana'").get() as { id: string }).id;
    const fromPlayerPage = JSON.parse((await request(`${collector.url}/admin/api/players/${internal}/access`)).text) as AccessReport;
    const sameParts = (r: AccessReport) => [r.player, r.student, r.sessions, r.results, r.statements];
    assert.deepEqual(sameParts(report), sameParts(fromPlayerPage));
  });

  test('an unknown student is refused with 404, as JSON', async () => {
    const answer = await request(`${collector.url}/admin/api/students/nobody/access`);
    assert.equal(answer.status, 404);
    assert.deepEqual(answer.json, { error: { reason: 'student-not-found', message: 'There is no student "nobody".' } });
  });
});
