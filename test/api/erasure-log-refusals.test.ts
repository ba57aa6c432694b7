import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import type { Collector } from '../../server/index.js';
import { createActivity } from '../../server/store/activities-repo.js';
import { migrations } from '../../server/store/migrations/index.js';
import { databaseFile } from '../../server/store/open-database.js';
import { adminPost, classWith, loggedInHeaders } from '../support/class-logins.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi, postJson } from '../support/http.js';
import { start, startOk, statementS, track } from '../support/rage.js';
import { tempDir } from '../support/temp-dir.js';

// The erasure log (GET /admin/api/erasures) is what a data-protection officer shows for an erasure: it counted the
// statements, sessions, results and alerts, but not the refused requests that went with them (a student's failed
// logins and refused starts name them; a refused batch's sample holds their statements). It under-reported.

interface LogEntry {
  scope: string;
  statements: number;
  refusedRequests: number | null;
  playersRemoved: number | null;
}

async function erasureLog(collector: Collector): Promise<LogEntry[]> {
  const answer = await adminApi(collector.url, '/erasures', undefined, 'GET');
  assert.equal(answer.status, 200, answer.text);
  return (answer.json as { erasures: LogEntry[] }).erasures;
}

async function play(collector: Collector, code: string, username: string): Promise<void> {
  const session = await startOk(collector.url, code, { headers: await loggedInHeaders(collector.url, username) });
  assert.equal((await track(collector.url, session.authToken, [statementS(session.actor)])).status, 200);
}

async function refusedStart(collector: Collector, code: string, username: string): Promise<void> {
  assert.equal((await start(collector.url, code, { headers: await loggedInHeaders(collector.url, username) })).status, 401);
}

test("a student's erasures, in one activity and everywhere: the log keeps the refused requests each removed", async () => {
  const collector = await startTestCollector({ config: { mdns: false } });
  try {
    const classA = await classWith(collector.url, '1A', ['ximena']);
    const classB = await classWith(collector.url, '1B', []);
    const classC = await classWith(collector.url, '1C', []);
    const maths = makeActivity(collector.context.db, { name: '1A maths', classId: classA, allowAnonymous: false });
    const history = makeActivity(collector.context.db, { name: '1B history', classId: classB, allowAnonymous: false });
    const art = makeActivity(collector.context.db, { name: '1C art', classId: classC, allowAnonymous: false });
    await play(collector, maths.trackingCode, 'ximena');
    await refusedStart(collector, history.trackingCode, 'ximena');
    await refusedStart(collector, art.trackingCode, 'ximena');
    await adminPost(collector.url, `/classes/${classB}/members`, { username: 'ximena' });
    await play(collector, history.trackingCode, 'ximena');
    assert.equal((await postJson(`${collector.url}/api/login`, { username: 'ximena', password: 'wrong' })).status, 401);

    const inHistory = await adminPost(collector.url, '/erasures', { player: 'ximena', activity: history.trackingCode, confirm: true });
    const everywhere = await adminPost(collector.url, '/erasures', { player: 'ximena', confirm: true });
    assert.equal((inHistory as unknown as { refusedRequests: number }).refusedRequests, 1, 'her refused start at history');
    assert.equal((everywhere as unknown as { refusedRequests: number }).refusedRequests, 2, 'her failed login and her refused start at art');

    assert.deepEqual(
      (await erasureLog(collector)).map((e) => [e.scope, e.refusedRequests, e.playersRemoved]),
      [
        ['everywhere', 2, 1],
        ['activity', 1, 0],
      ],
    );
  } finally {
    await collector.close();
  }
});

test("a whole activity's erasure: the log keeps its refused requests and the players it removed, as its report says", async () => {
  let minutesLater = 0;
  const collector = await startTestCollector({ config: { mdns: false }, now: () => Date.now() + minutesLater * 60_000 });
  try {
    const classA = await classWith(collector.url, '1A', ['ximena']);
    const classB = await classWith(collector.url, '1B', ['bruno']);
    const maths = makeActivity(collector.context.db, { name: '1A maths', classId: classA, allowAnonymous: false });
    makeActivity(collector.context.db, { name: '1B art', classId: classB, allowAnonymous: false });
    await play(collector, maths.trackingCode, 'ximena');
    await refusedStart(collector, maths.trackingCode, 'bruno');
    await collector.context.ingest.idle();
    minutesLater = 10; // the game has left: nothing plays in the activity any more

    const erased = await adminApi(collector.url, `/activities/${maths.id}/erase`, { trackingCode: maths.trackingCode, confirm: true });
    assert.equal(erased.status, 200, erased.text);
    const report = erased.json as { refusedRequests: number; playersRemoved: number };
    assert.deepEqual([report.refusedRequests, report.playersRemoved], [1, 1]);
    const [entry] = await erasureLog(collector);
    assert.deepEqual([entry?.scope, entry?.refusedRequests, entry?.playersRemoved], ['whole-activity', 1, 1]);
  } finally {
    await collector.close();
  }
});

test('erasures logged by an older Aula: refused requests not counted then (null), the player records known from the scope', async () => {
  const dataDir = tempDir();
  const old = new Database(databaseFile(dataDir));
  old.pragma('journal_mode = WAL');
  old.transaction(() => {
    // Schema 23: the last before the log kept refused requests.
    for (const up of migrations.slice(0, 23)) up(old);
    old.pragma('user_version = 23');
    const activity = createActivity(old, { name: 'Maths 3B' });
    const log = old.prepare(
      `INSERT INTO erasures (time, erased_by, scope, activity_id, player_kind, statements, sessions, gameplays, results, alerts, uploaded)
       VALUES (?, 'dashboard', ?, ?, ?, 3, 1, 1, 0, 0, 0)`,
    );
    log.run('2026-01-01T09:00:00.000Z', 'everywhere', null, 'anonymous');
    log.run('2026-01-01T10:00:00.000Z', 'activity', activity.id, 'identified');
    log.run('2026-01-01T11:00:00.000Z', 'whole-activity', activity.id, 'all');
  })();
  old.close();

  const collector = await startTestCollector({ dataDir, config: { mdns: false } });
  try {
    assert.deepEqual(
      (await erasureLog(collector)).map((e) => [e.scope, e.statements, e.refusedRequests, e.playersRemoved]),
      [
        ['whole-activity', 3, null, null],
        ['activity', 3, null, 0],
        ['everywhere', 3, null, 1],
      ],
    );
  } finally {
    await collector.close();
  }
});
