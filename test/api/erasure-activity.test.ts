import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { rulesEngineFor } from '../../server/rules/engine-registry.js';
import { type Activity, createActivity } from '../../server/store/activities-repo.js';
import type { Db } from '../../server/store/open-database.js';
import { openDatabase } from '../../server/store/open-database.js';
import { activeXapiCredential } from '../../server/store/xapi-credentials-repo.js';
import { startTestCollector } from '../support/collector.js';
import { adminApi, request } from '../support/http.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';
import { aulaWithInput } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';
import { wrongAnswers } from '../support/track-batches.js';

// The end of a research study: every trace of a class's activity must go, with the guarantees of a player's erasure.
let collector: Collector;
let dataDir: string;
let maths: Activity;
let history: Activity;
let ana: StartAnswer;
let anaHistory: StartAnswer;
let ben: StartAnswer;
/** Minutes the collector's clock is ahead of the wall clock: games fall silent without waiting. */
let minutesLater = 0;
let mathsXapiAuth = '';

const admin = (pathname: string, body?: unknown) => adminApi(collector.url, pathname, body);

const n = (db: Db, sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
const internalId = (db: Db, publicId: string) => (db.prepare('SELECT id FROM players WHERE public_id = ?').get(publicId) as { id: string } | undefined)?.id;

/** Every row anywhere that belongs to the activity. */
function traces(db: Db, activityId: string) {
  return {
    statements: n(db, 'SELECT count(*) AS n FROM statements WHERE activity_id = ?', activityId),
    sessions: n(db, 'SELECT count(*) AS n FROM sessions WHERE activity_id = ?', activityId),
    gameplays: n(db, 'SELECT count(*) AS n FROM gameplays WHERE scope_id = ?', activityId),
    results: n(db, 'SELECT count(*) AS n FROM results WHERE activity_id = ?', activityId),
    answers: n(db, 'SELECT count(*) AS n FROM answer_counts WHERE activity_id = ?', activityId),
    alerts: n(db, 'SELECT count(*) AS n FROM alerts WHERE activity_id = ?', activityId),
  };
}

function assertCountersMatch(db: Db): void {
  const rows = db
    .prepare(
      `SELECT a.id, a.statements - (SELECT count(*) FROM statements s WHERE s.activity_id = a.id) AS statements,
         a.sessions - (SELECT count(*) FROM sessions s WHERE s.activity_id = a.id) AS sessions,
         a.players - (SELECT count(*) FROM gameplays g WHERE g.scope_id = a.id) AS players FROM activities a`,
    )
    .all() as Array<{ id: string; statements: number; sessions: number; players: number }>;
  for (const row of rows) assert.deepEqual([row.statements, row.sessions, row.players], [0, 0, 0], `counters of ${row.id}`);
  const players = db.prepare('SELECT p.statements - (SELECT count(*) FROM statements s WHERE s.player_id = p.id) AS off FROM players p').all() as Array<{ off: number }>;
  for (const p of players) assert.equal(p.off, 0);
}

describe("erasing a whole activity's data", () => {
  before(async () => {
    dataDir = tempDir();
    collector = await startTestCollector({ dataDir, now: () => Date.now() + minutesLater * 60_000 });
    const db = collector.context.db;
    maths = createActivity(db, { name: 'Maths 3B study', game: 'Number Quest' });
    history = createActivity(db, { name: 'History 2A', game: 'Time Travel' });
    const credential = activeXapiCredential(db, maths.id);
    assert.ok(credential);
    mathsXapiAuth = `Basic ${Buffer.from(`${credential.key}:${credential.secret}`).toString('base64')}`;
    const put = await request(`${collector.url}/admin/api/activities/${maths.id}/rules`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ wrongAnswers: { enabled: true, inARow: 1 } }),
    });
    assert.equal(put.status, 200, put.text);
    ana = await startOk(collector.url, maths.trackingCode);
    anaHistory = await startOk(collector.url, history.trackingCode, { body: { anonymous: ana.playerId } });
    ben = await startOk(collector.url, maths.trackingCode);
    for (const [start, count] of [[ana, 5], [anaHistory, 4], [ben, 6]] as const) {
      assert.equal((await track(collector.url, start.authToken, wrongAnswers(start, count))).status, 200);
    }
    await rulesEngineFor(collector.context).flush();
    // Ben's statements were already uploaded; one of his requests was refused and kept as a sample.
    const benSession = (db.prepare('SELECT s.id FROM sessions s JOIN players p ON p.id = s.player_id WHERE p.public_id = ?').get(ben.playerId) as { id: number }).id;
    db.exec(`INSERT INTO upload_targets (id, endpoint, username, created) VALUES ('t1', 'http://lrs.test/xapi/', 'u', '2026-01-01')`);
    db.prepare(`INSERT INTO upload_state (target_id, statement_seq, state, updated) SELECT 't1', seq, 'sent', '2026-01-01' FROM statements WHERE session_id = ?`).run(benSession);
    db.prepare(`INSERT INTO rejected_requests (time, route, session_id, status, message, sample) VALUES ('2026-01-01', 'track', ?, 400, 'bad', ?)`).run(
      benSession,
      JSON.stringify({ actor: ben.actor }),
    );
    // A start refused for the activity's code keeps the device's address, with the code as its sample.
    db.prepare(`INSERT INTO rejected_requests (time, route, address, status, message, sample) VALUES ('2026-01-01', 'start', '192.168.1.23', 401, 'no', ?)`).run(
      maths.trackingCode,
    );
  });
  after(() => collector.close());

  test('the preview says what would go, names the backups, and erases nothing', async () => {
    const preview = await admin(`/activities/${maths.id}/erase`);
    assert.equal(preview.status, 200, preview.text);
    const body = preview.json as Record<string, unknown> & { backups: { message: string } };
    assert.deepEqual(
      [body.trackingCode, body.open, body.sessions, body.statements, body.players, body.playersRemoved, body.results, body.alerts, body.refusedRequests, body.uploadStates, body.uploaded],
      [maths.trackingCode, true, 2, 11, 2, 1, 11, 2, 2, 6, 6],
    );
    assert.match(body.backups.message, /Backups made before the erasure still hold the data/);
    assert.equal(traces(collector.context.db, maths.id).statements, 11, 'nothing erased yet');
  });

  test('refused while games still play in it, without confirmation, or with another tracking code; nothing changes', async () => {
    const playing = await admin(`/activities/${maths.id}/erase`, { trackingCode: maths.trackingCode, confirm: true });
    assert.equal(playing.status, 409, playing.text);
    assert.deepEqual((playing.json as { error: { reason: string } }).error.reason, 'games-playing');
    assert.match((playing.json as { error: { message: string } }).error.message, /Nothing erased: 2 games are still playing in Maths 3B study .*Close the activity/);
    minutesLater = 6; // the class is over: nothing heard for six minutes
    const unconfirmed = await admin(`/activities/${maths.id}/erase`, { trackingCode: maths.trackingCode });
    assert.equal(unconfirmed.status, 400);
    assert.match((unconfirmed.json as { error: { message: string } }).error.message, /cannot be undone/);
    const mistyped = await admin(`/activities/${maths.id}/erase`, { trackingCode: history.trackingCode, confirm: true });
    assert.equal(mistyped.status, 400);
    assert.match((mistyped.json as { error: { message: string } }).error.message, new RegExp(`Type the activity's tracking code, ${maths.trackingCode}`));
    assert.equal((await admin('/activities/no-such-activity/erase', { trackingCode: 'x', confirm: true })).status, 404);
    assert.equal(traces(collector.context.db, maths.id).statements, 11, 'nothing erased');
    assert.equal(n(collector.context.db, 'SELECT count(*) AS n FROM erasures'), 0);
  });

  test('erases every trace, brings every count down by what went, removes players left with nothing, keeps the activity closed', async () => {
    const db = collector.context.db;
    const benId = internalId(db, ben.playerId) as string;
    const anaId = internalId(db, ana.playerId) as string;
    const answer = await admin(`/activities/${maths.trackingCode}/erase`, { trackingCode: maths.trackingCode, confirm: true });
    assert.equal(answer.status, 200, answer.text);
    const report = answer.json as Record<string, unknown>;
    assert.deepEqual(
      [report.scope, report.activityId, report.closed, report.sessions, report.statements, report.players, report.playersRemoved, report.alerts, report.uploaded, report.refusedRequests],
      ['whole-activity', maths.id, true, 2, 11, 2, 1, 2, 6, 2],
    );
    assert.deepEqual(traces(db, maths.id), { statements: 0, sessions: 0, gameplays: 0, results: 0, answers: 0, alerts: 0 });
    assert.equal(n(db, 'SELECT count(*) AS n FROM upload_state'), 0, 'no upload can send them');
    assert.equal(n(db, 'SELECT count(*) AS n FROM rejected_requests'), 0);
    assertCountersMatch(db);
    // Ben played only here: his player record went. Ana keeps her History data and her record (erased there below).
    assert.equal(internalId(db, ben.playerId), undefined);
    assert.equal(traces(db, history.id).statements, 4);
    assert.equal(n(db, 'SELECT statements AS n FROM players WHERE id = ?', anaId), 4);
    // The activity stays, closed and empty, with its name, code and rules.
    const shown = (await admin('/activities')).json as { activities: Array<{ id: string; open: boolean; statements: number; sessions: number; players: number }> };
    const row = shown.activities.find((a) => a.id === maths.id);
    assert.deepEqual([row?.open, row?.statements, row?.sessions, row?.players], [false, 0, 0, 0]);
    // An xAPI client with the activity's key cannot refill it either.
    const xapi = await request(`${collector.url}/xapi/statements`, {
      method: 'POST',
      headers: { Authorization: mathsXapiAuth, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
      body: JSON.stringify({ actor: { mbox: 'mailto:late@school.test' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'http://aula.test/late' } }),
    });
    assert.equal(xapi.status, 401, xapi.text);
    assert.equal(report.xapiRevoked, 1);
    // A game that kept its token writes nothing any more.
    assert.equal((await track(collector.url, ana.authToken, wrongAnswers(ana, 1))).status, 401);
    // The log: when, by whom, what and how many, never who.
    const log = (await admin('/erasures')).json as { erasures: Array<Record<string, unknown>> };
    assert.deepEqual(
      log.erasures.map((e) => [e.erasedBy, e.scope, e.activityId, e.playerKind, e.statements, e.sessions, e.gameplays]),
      [['dashboard', 'whole-activity', maths.id, 'all', 11, 2, 2]],
    );
    assert.ok(![ben.playerId, benId, ana.playerId, anaId].some((id) => JSON.stringify(log).includes(id)), 'the log names no one');
    // The erased ids are kept so an older bundle cannot bring them back: both gameplays and Ben's player.
    assert.equal(n(db, "SELECT count(*) AS n FROM erased_ids WHERE kind = 'gameplay'"), 2);
    assert.deepEqual(db.prepare("SELECT id FROM erased_ids WHERE kind = 'player'").all(), [{ id: benId }]);
    // Freed pages zeroed, WAL checkpointed: Ben's id is not in the files.
    for (const file of ['aula.sqlite', 'aula.sqlite-wal'].map((f) => path.join(dataDir, f)).filter((f) => fs.existsSync(f))) {
      assert.equal(fs.readFileSync(file).includes(ben.playerId), false, `${path.basename(file)} holds no trace`);
    }
    const again = await admin(`/activities/${maths.id}/erase`, { trackingCode: maths.trackingCode, confirm: true });
    assert.equal(again.status, 409);
    assert.match((again.json as { error: { message: string } }).error.message, /Nothing to erase/);
  });

  test('aula activity erase: shows first, erases with --yes, names the backups; the emptied activity can then be deleted', async () => {
    await collector.close();
    const dry = await aulaWithInput(['activity', 'erase', history.trackingCode, '--data-dir', dataDir]);
    assert.equal(dry.code, 1);
    assert.match(dry.stdout, /Would erase from activity History 2A .*:\n {2}1 session, 4 statements\n {2}1 player \(1 of them has no data elsewhere/);
    assert.match(dry.stdout, /Backups made before the erasure still hold the data/);
    assert.match(dry.stderr, /Nothing erased\. Run again with --yes/);
    // Ana's History game sent something a moment ago (by the wall clock the command reads): refused.
    const playing = await aulaWithInput(['activity', 'erase', history.trackingCode, '--yes', '--data-dir', dataDir]);
    assert.equal(playing.code, 1);
    assert.match(playing.stderr, /Nothing erased: 1 game is still playing in History 2A .*aula activity close/);
    const aging = openDatabase(dataDir);
    aging.prepare('UPDATE sessions SET last_seen = ?').run(new Date(Date.now() - 6 * 60_000).toISOString());
    aging.close();
    const erased = await aulaWithInput(['activity', 'erase', history.trackingCode, '--yes', '--json', '--by', 'DPO office', '--data-dir', dataDir]);
    assert.equal(erased.code, 0, erased.stderr);
    const report = JSON.parse(erased.stdout) as Record<string, unknown>;
    assert.deepEqual([report.erased, report.statements, report.sessions, report.playersRemoved, report.scope], [true, 4, 1, 1, 'whole-activity']);
    const db = openDatabase(dataDir);
    try {
      assert.deepEqual(traces(db, history.id), { statements: 0, sessions: 0, gameplays: 0, results: 0, answers: 0, alerts: 0 });
      assert.equal(n(db, 'SELECT count(*) AS n FROM players'), 0, 'no player is left with data nowhere');
      assertCountersMatch(db);
      assert.equal((db.prepare('SELECT erased_by AS by FROM erasures ORDER BY id DESC').get() as { by: string }).by, 'DPO office');
    } finally {
      db.close();
    }
    const deleted = await aulaWithInput(['activity', 'delete', history.trackingCode, '--yes', '--data-dir', dataDir]);
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.match(deleted.stdout, /Deleted activity History 2A/);
    const missing = await aulaWithInput(['activity', 'erase', 'NOPE99', '--yes', '--data-dir', dataDir]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /No activity with the tracking code "NOPE99"/);
  });
});
