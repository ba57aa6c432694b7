import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { createAccounts } from '../../server/auth/roster.js';
import type { Collector } from '../../server/index.js';
import { rulesEngineFor } from '../../server/rules/engine-registry.js';
import type { Activity } from '../../server/store/activities-repo.js';
import { createClass } from '../../server/store/classes-repo.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request } from '../support/http.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';
import { runAula } from '../support/run-aula.js';
import { tempDir } from '../support/temp-dir.js';
import { wrongAnswers } from '../support/track-batches.js';

interface AccessReport {
  format: string;
  player: { playerId: string; kind: string } | null;
  student: { username: string; name: string; email: string; classes: Array<{ class: string; role: string }> } | null;
  sessions: Array<{ id: number; activity: string }>;
  results: unknown[];
  answers: unknown[];
  alerts: Array<{ severity: string; message: string }>;
  refusedRequests: Array<{ address: string | null; sample: string | null }>;
  uploads: Array<{ endpoint: string; statements: number }>;
  statements: Array<{ stored: string; statement: { actor: unknown } }>;
  about: Record<string, string>;
}

describe('an access request: everything Aula holds about one student', () => {
  let collector: Collector;
  let activity: Activity;
  let ana: StartAnswer;
  let ben: StartAnswer;
  let passwordHash: string;

  before(async () => {
    collector = await startTestCollector();
    const { db, writer } = collector.context;
    const classB = await writer.run((tx) => createClass(tx, '3B'));
    await createAccounts(db, (job) => writer.run(job), classB.id, [
      { username: 'ana', password: 'ana-secret-pw', name: 'Ana Pérez', email: 'ana@school.test' },
      { username: 'carl', password: 'carl-secret-pw', name: 'Carl Never-Played' },
    ]);
    passwordHash = (db.prepare("SELECT password_hash AS h FROM students WHERE username = 'ana'").get() as { h: string }).h;
    activity = makeActivity(db, { name: 'Fractions', classId: classB.id, allowAnonymous: true });
    const rules = await request(`${collector.url}/admin/api/activities/${activity.id}/rules`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ wrongAnswers: { enabled: true, inARow: 1 } }),
    });
    assert.equal(rules.status, 200, rules.text);
    const login = await postJson(`${collector.url}/api/login`, { username: 'ana', password: 'ana-secret-pw' });
    assert.equal(login.status, 200, login.text);
    const token = (login.json as { user: { token: string } }).user.token;
    ana = await startOk(collector.url, activity.trackingCode, { headers: { Authorization: `Bearer ${token}` } });
    ben = await startOk(collector.url, activity.trackingCode);
    assert.equal((await track(collector.url, ana.authToken, wrongAnswers(ana, 4))).status, 200);
    assert.equal((await track(collector.url, ben.authToken, wrongAnswers(ben, 3))).status, 200);
    // Ana's game once sent a batch Aula refused; it is kept (with the device's address) for the Diagnostics screen.
    assert.equal((await track(collector.url, ana.authToken, [{ actor: ana.actor, verb: { id: 'not a verb' } }])).status, 400);
    await rulesEngineFor(collector.context).flush();
    // One of her statements went to a central LRS.
    db.exec(`INSERT INTO upload_targets (id, endpoint, username, created) VALUES ('t1', 'https://lrs.example.org/xapi/', 'u', '2026-01-01')`);
    const seq = (db.prepare('SELECT min(seq) AS seq FROM statements WHERE session_id = ?').get(ana.session) as { seq: number }).seq;
    db.prepare(`INSERT INTO upload_state (target_id, statement_seq, state, updated) VALUES ('t1', ?, 'sent', '2026-03-02T10:00:00.000Z')`).run(seq);
    // The refusal is recorded after the answer, on the writer thread.
    for (let i = 0; i < 50 && !db.prepare('SELECT 1 FROM rejected_requests WHERE session_id = ?').get(ana.session); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  function assertAnasWholeRecord(text: string): void {
    const report = JSON.parse(text) as AccessReport;
    assert.equal(report.format, 'aula-access/1');
    assert.deepEqual(report.player && { playerId: report.player.playerId, kind: report.player.kind }, { playerId: 'ana', kind: 'identified' });
    assert.deepEqual(report.student, {
      username: 'ana',
      name: 'Ana Pérez',
      email: 'ana@school.test',
      created: (report.student as { created: string } | null)?.created,
      classes: [{ class: '3B', role: 'student' }],
    });
    assert.deepEqual(
      report.sessions.map((s) => [s.id, s.activity]),
      [[ana.session, activity.trackingCode]],
    );
    assert.equal(report.statements.length, 4);
    assert.deepEqual(report.statements[0]?.statement.actor, ana.actor);
    assert.ok(report.results.length > 0, 'her results');
    assert.equal(report.answers.length, 4, 'her answers');
    assert.ok(report.alerts.length > 0 && report.alerts.every((alert) => alert.message.length > 0), 'the alerts raised about her');
    assert.equal(report.refusedRequests.length, 1);
    assert.match(report.refusedRequests[0]?.sample ?? '', /not a verb/);
    assert.equal(report.refusedRequests[0]?.address, '127.0.0.1');
    assert.deepEqual(report.uploads.map((u) => [u.endpoint, u.statements]), [['https://lrs.example.org/xapi/', 1]]);
    assert.match(report.about.notIncluded ?? '', /backup/);
    // Never the password (nor its hash), and nothing of another player.
    assert.ok(!text.includes(passwordHash) && !text.includes('ana-secret-pw'));
    assert.ok(!text.includes(ben.playerId), "Ben's data is not in Ana's answer");
  }

  test('aula player access USERNAME -o FILE writes one JSON file with all of it', async () => {
    const file = path.join(tempDir(), 'ana.json');
    const run = await runAula(['player', 'access', 'ANA', '-o', file, '--data-dir', collector.config.dataDir]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /Everything Aula holds about player ana, student ana: 1 session, 4 statements, .* 1 refused request/);
    assertAnasWholeRecord(fs.readFileSync(file, 'utf8'));
  });

  test("the player's page downloads the same file from GET /admin/api/players/:id/access", async () => {
    const internal = (collector.context.db.prepare("SELECT id FROM players WHERE public_id = 'ana'").get() as { id: string }).id;
    const answer = await request(`${collector.url}/admin/api/players/${internal}/access`);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.headers.get('content-disposition'), 'attachment; filename="aula-access-ana.json"');
    assertAnasWholeRecord(answer.text);
    assert.equal((await request(`${collector.url}/admin/api/players/nobody/access`)).status, 404);
  });

  test('a student who never played gets the roster record; an unknown name is refused and nothing is written', async () => {
    const carl = await runAula(['player', 'access', 'carl', '--data-dir', collector.config.dataDir]);
    assert.equal(carl.code, 0, carl.stderr);
    const report = JSON.parse(carl.stdout) as AccessReport;
    assert.equal(report.player, null);
    assert.equal(report.student?.name, 'Carl Never-Played');
    assert.deepEqual([report.sessions, report.statements], [[], []]);

    const file = path.join(tempDir(), 'nobody.json');
    const unknown = await runAula(['player', 'access', 'nobody', '-o', file, '--data-dir', collector.config.dataDir]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No player or student "nobody"/);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), []);
  });

  test("aula export --player, which gives the statements only, points to the whole answer", async () => {
    const run = await runAula(['export', '--player', 'ana', '--format', 'json', '--data-dir', collector.config.dataDir]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /For an access request: aula player access "ana" gives everything Aula holds about the player/);
  });
});
