import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { exportOptionsSchema } from '../../server/export/export-options.js';
import { exportToStream } from '../../server/export/export-to.js';
import type { Collector } from '../../server/index.js';
import { rulesEngineFor } from '../../server/rules/engine-registry.js';
import { type Activity, createActivity } from '../../server/store/activities-repo.js';
import type { Db } from '../../server/store/open-database.js';
import { openDatabase } from '../../server/store/open-database.js';
import { activeXapiCredential } from '../../server/store/xapi-credentials-repo.js';
import { startTestCollector } from '../support/collector.js';
import { adminApi, request } from '../support/http.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';
import { ROOT } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

const run = promisify(execFile);
const AULA = path.join(ROOT, 'bin', 'aula.js');

let collector: Collector;
let dataDir: string;
let maths: Activity;
let history: Activity;
let ana: StartAnswer;
let ana2: StartAnswer;
let anaHistory: StartAnswer;
let ben: StartAnswer;

function play(start: StartAnswer, count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => ({
    actor: start.actor,
    verb: { id: i % 2 === 0 ? 'https://w3id.org/xapi/adb/verbs/selected' : 'http://adlnet.gov/expapi/verbs/progressed' },
    object: { id: `${start.objectId}/question/q${i}`, definition: { type: 'http://adlnet.gov/expapi/activities/question' } },
    timestamp: new Date(Date.UTC(2026, 2, 2, 9, 0, i)).toISOString(),
    result: { response: `option${i}`, success: false },
  }));
}

const admin = (pathname: string, body?: unknown) => adminApi(collector.url, pathname, body);

const internalId = (db: Db, publicId: string) => (db.prepare('SELECT id FROM players WHERE public_id = ?').get(publicId) as { id: string } | undefined)?.id;

/** Every maintained counter next to a recount of the rows it counts. */
function counters(db: Db) {
  return db
    .prepare(
      `SELECT a.id,
         a.statements, (SELECT count(*) FROM statements s WHERE s.activity_id = a.id) AS statementsRecount,
         a.sessions, (SELECT count(*) FROM sessions s WHERE s.activity_id = a.id) AS sessionsRecount,
         a.players, (SELECT count(*) FROM gameplays g WHERE g.scope_id = a.id) AS playersRecount,
         a.anonymous_players AS anonymous,
         (SELECT count(*) FROM gameplays g JOIN players p ON p.id = g.player_id WHERE g.scope_id = a.id AND p.kind = 'anonymous') AS anonymousRecount
       FROM activities a ORDER BY a.id`,
    )
    .all() as Array<Record<string, number | string>>;
}

function assertCountersMatch(db: Db): void {
  for (const row of counters(db)) {
    assert.equal(row.statements, row.statementsRecount, `statements of ${row.id}`);
    assert.equal(row.sessions, row.sessionsRecount, `sessions of ${row.id}`);
    assert.equal(row.players, row.playersRecount, `players of ${row.id}`);
    assert.equal(row.anonymous, row.anonymousRecount, `anonymous players of ${row.id}`);
  }
  const players = db.prepare('SELECT id, statements, (SELECT count(*) FROM statements s WHERE s.player_id = p.id) AS recount FROM players p').all() as Array<{ statements: number; recount: number }>;
  for (const p of players) assert.equal(p.statements, p.recount);
  const sessions = db.prepare('SELECT id, statements, (SELECT count(*) FROM statements s WHERE s.session_id = se.id) AS recount FROM sessions se').all() as Array<{ statements: number; recount: number }>;
  for (const s of sessions) assert.equal(s.statements, s.recount);
}

/** Rows anywhere in the data that still point at the player. */
function traces(db: Db, playerId: string) {
  const one = (sql: string) => (db.prepare(sql).get(playerId) as { n: number }).n;
  return {
    statements: one('SELECT count(*) AS n FROM statements WHERE player_id = ?'),
    sessions: one('SELECT count(*) AS n FROM sessions WHERE player_id = ?'),
    gameplays: one('SELECT count(*) AS n FROM gameplays WHERE player_id = ?'),
    results: one('SELECT count(*) AS n FROM results WHERE player_id = ?'),
    answers: one('SELECT count(*) AS n FROM answer_counts WHERE player_id = ?'),
    alerts: one('SELECT count(*) AS n FROM alerts WHERE player_id = ?'),
  };
}

async function exportText(format: 'ndjson' | 'csv' | 'zip'): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await exportToStream(dataDir, collector.context.homePage, exportOptionsSchema.parse({ format }), out, undefined);
  return Buffer.concat(chunks).toString('latin1');
}

async function xapiText(activity: Activity): Promise<string> {
  const credential = activeXapiCredential(collector.context.db, activity.id);
  assert.ok(credential);
  const answer = await request(`${collector.url}/xapi/statements?limit=500`, {
    headers: { Authorization: `Basic ${Buffer.from(`${credential.key}:${credential.secret}`).toString('base64')}`, 'X-Experience-API-Version': '1.0.3' },
  });
  assert.equal(answer.status, 200, answer.text);
  return answer.text;
}

describe("erasing a player's data", () => {
  before(async () => {
    dataDir = tempDir();
    collector = await startTestCollector({ dataDir });
    const db = collector.context.db;
    maths = createActivity(db, { name: 'Maths 3B', game: 'Number Quest' });
    history = createActivity(db, { name: 'History 2A', game: 'Time Travel' });
    await admin(`/activities/${maths.id}/rules`); // engine started
    const put = await request(`${collector.url}/admin/api/activities/${maths.id}/rules`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ wrongAnswers: { enabled: true, inARow: 1 } }),
    });
    assert.equal(put.status, 200);
    ana = await startOk(collector.url, maths.trackingCode);
    ana2 = await startOk(collector.url, maths.trackingCode, { body: { anonymous: ana.playerId } });
    anaHistory = await startOk(collector.url, history.trackingCode, { body: { anonymous: ana.playerId } });
    ben = await startOk(collector.url, maths.trackingCode);
    for (const [start, count] of [[ana, 5], [ana2, 3], [anaHistory, 4], [ben, 6]] as const) {
      assert.equal((await track(collector.url, start.authToken, play(start, count))).status, 200);
    }
    await rulesEngineFor(collector.context).flush();
    // One of Ana's statements was already uploaded; one of her requests was refused with a sample.
    collector.context.db.exec(`INSERT INTO upload_targets (id, endpoint, username, created) VALUES ('t1', 'http://lrs.test/xapi/', 'u', '2026-01-01')`);
    const seq = (db.prepare('SELECT min(seq) AS seq FROM statements WHERE session_id = ?').get(ana.session) as { seq: number }).seq;
    db.prepare(`INSERT INTO upload_state (target_id, statement_seq, state, updated) VALUES ('t1', ?, 'sent', '2026-01-01')`).run(seq);
    db.prepare(`INSERT INTO rejected_requests (time, route, session_id, status, message, sample) VALUES ('2026-01-01', 'track', ?, 400, 'bad', ?)`).run(
      ana.session,
      JSON.stringify({ actor: ana.actor }),
    );
  });
  after(() => collector.close());

  test('the preview says what would go; erasing needs confirm: true', async () => {
    const preview = await admin(`/erasures/preview?player=${ana.playerId}&activity=${maths.trackingCode}`);
    // Results: her answers to q0, q2 and q4, what the Results screen lists (q1 and q3 were only progressed through).
    assert.deepEqual(preview.json, {
      playerKind: 'anonymous',
      statements: 8,
      sessions: 2,
      gameplays: 1,
      results: 3,
      alerts: 2,
      uploaded: 0,
      refusedRequests: 1,
      // She has data in history too: her player record stays.
      playerRemoved: false,
    });
    const refused = await admin('/erasures', { player: ana.playerId });
    assert.equal(refused.status, 400);
    assert.match((refused.json as { error: { message: string } }).error.message, /cannot be undone/);
    assert.equal((await admin('/erasures', { player: 'nobody', confirm: true })).status, 404);
    assert.equal(traces(collector.context.db, internalId(collector.context.db, ana.playerId) as string).statements, 12, 'nothing erased yet');
  });

  test('in one activity: the player is gone from it, the other activity keeps them, counters match', async () => {
    const db = collector.context.db;
    const anaId = internalId(db, ana.playerId) as string;
    const before = counters(db);
    const answer = await admin('/erasures', { player: ana.playerId, activity: maths.trackingCode, confirm: true });
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(answer.json, {
      id: 1,
      time: (answer.json as { time: string }).time,
      scope: 'activity',
      activityId: maths.id,
      playerKind: 'anonymous',
      playerRemoved: false,
      statements: 8,
      sessions: 2,
      gameplays: 1,
      // q0…q4: one row per question she met, over both sessions
      results: 3,
      alerts: 2,
      uploaded: 1,
      refusedRequests: 1,
    });
    assert.equal((db.prepare('SELECT count(*) AS n FROM statements WHERE player_id = ? AND activity_id = ?').get(anaId, maths.id) as { n: number }).n, 0);
    assert.equal((db.prepare('SELECT count(*) AS n FROM statements WHERE player_id = ? AND activity_id = ?').get(anaId, history.id) as { n: number }).n, 4);
    assertCountersMatch(db);
    const mathsBefore = before.find((r) => r.id === maths.id);
    const mathsAfter = counters(db).find((r) => r.id === maths.id);
    assert.deepEqual([mathsAfter?.statements, mathsAfter?.players, mathsAfter?.sessions], [Number(mathsBefore?.statements) - 8, 1, 1]);
    assert.equal((db.prepare('SELECT count(*) AS n FROM upload_state').get() as { n: number }).n, 0, 'upload state of erased statements is gone');
    assert.equal((db.prepare('SELECT count(*) AS n FROM rejected_requests WHERE session_id = ?').get(ana.session) as { n: number }).n, 0);
    // The erased session's token writes nothing any more.
    assert.equal((await track(collector.url, ana.authToken, play(ana, 1))).status, 401);
    // Ben's results and alerts in the same activity are untouched.
    const results = (await admin(`/activities/${maths.id}/results`)).json as { students: Array<{ player: { animalName: string }; incorrect: number }> };
    assert.deepEqual(results.students.map((s) => [s.player.animalName, s.incorrect]), [[ben.playerAnimalName, 3]]);
  });

  test('everywhere: no trace in the tables, the exports, the xAPI answer or the database file', async () => {
    const db = collector.context.db;
    const anaId = internalId(db, ana.playerId) as string;
    const beforeXapi = await xapiText(history);
    assert.ok(beforeXapi.includes(ana.playerAnimalName), 'the xAPI answer showed her before');
    assert.ok((await exportText('ndjson')).includes(ana.playerId), 'the export showed her before');

    const answer = await admin('/erasures', { player: ana.playerId, confirm: true });
    assert.equal(answer.status, 200, answer.text);
    assert.equal((answer.json as { scope: string; statements: number; playerRemoved: boolean }).statements, 4);
    assert.equal((answer.json as { playerRemoved: boolean }).playerRemoved, true);
    assert.deepEqual(traces(db, anaId), { statements: 0, sessions: 0, gameplays: 0, results: 0, answers: 0, alerts: 0 });
    assert.equal(internalId(db, ana.playerId), undefined, 'the player record is gone');
    assertCountersMatch(db);

    for (const format of ['ndjson', 'csv', 'zip'] as const) {
      const text = await exportText(format);
      assert.ok(text.length > 0);
      assert.ok(!text.includes(ana.playerId) && !text.includes(ana.playerAnimalName), `${format} export has no trace`);
    }
    const zip = await exportText('zip');
    assert.ok(zip.includes(ben.playerId) || zip.length > 0);
    const xapi = await xapiText(history);
    assert.ok(!xapi.includes(ana.playerAnimalName) && !xapi.includes(ana.playerId));
    assert.ok((await xapiText(maths)).includes(ben.playerAnimalName), 'Ben is still served');

    const log = (await admin('/erasures')).json as { erasures: Array<Record<string, unknown>> };
    assert.equal(log.erasures.length, 2);
    assert.deepEqual(log.erasures.map((e) => [e.erasedBy, e.scope, e.statements]), [['dashboard', 'everywhere', 4], ['dashboard', 'activity', 8]]);
    assert.ok(!JSON.stringify(log).includes(ana.playerId) && !JSON.stringify(log).includes(anaId), 'the log names no one');

    // Freed pages are zeroed and the WAL is checkpointed: the bytes are not in the file either.
    const files = ['aula.sqlite', 'aula.sqlite-wal'].map((f) => path.join(dataDir, f)).filter((f) => fs.existsSync(f));
    for (const file of files) assert.equal(fs.readFileSync(file).includes(ana.playerId), false, `${path.basename(file)} holds no trace`);
    assert.equal((await admin('/erasures', { player: ana.playerId, confirm: true })).status, 404);
  });

  test('aula player erase: shows first, erases with --yes, same checks', async () => {
    await collector.close();
    const env = { ...process.env, AULA_LOG_LEVEL: 'warn' };
    const dry = await run(process.execPath, [AULA, 'player', 'erase', ben.playerId, '--data-dir', dataDir], { cwd: ROOT, env }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    assert.equal((dry as { code?: number }).code, 1);
    assert.match(dry.stdout, /Would erase 6 statements, 1 session,/);
    assert.match(dry.stderr, /Nothing erased\. Run again with --yes/);
    const { stdout } = await run(process.execPath, [AULA, 'player', 'erase', ben.playerId, '--activity', maths.trackingCode, '--yes', '--json', '--by', 'school office', '--data-dir', dataDir], { cwd: ROOT, env });
    const report = JSON.parse(stdout) as Record<string, unknown>;
    assert.deepEqual([report.erased, report.statements, report.sessions, report.scope], [true, 6, 1, 'activity']);
    const db = openDatabase(dataDir);
    try {
      const benId = internalId(db, ben.playerId) as string;
      assert.deepEqual(traces(db, benId), { statements: 0, sessions: 0, gameplays: 0, results: 0, answers: 0, alerts: 0 });
      assertCountersMatch(db);
      assert.deepEqual(db.prepare('SELECT statements, sessions, players, anonymous_players AS a FROM activities WHERE id = ?').get(maths.id), { statements: 0, sessions: 0, players: 0, a: 0 });
      assert.equal((db.prepare('SELECT erased_by AS by FROM erasures ORDER BY id DESC').get() as { by: string }).by, 'school office');
    } finally {
      db.close();
    }
    const missing = await run(process.execPath, [AULA, 'player', 'erase', 'no-such-player', '--yes', '--data-dir', dataDir], { cwd: ROOT, env }).catch((e: { code: number; stderr: string }) => e);
    assert.match((missing as { stderr: string }).stderr, /No player with the id "no-such-player"/);
  });
});
