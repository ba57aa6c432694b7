import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Collector } from '../../server/index.js';
import type { Db } from '../../server/store/open-database.js';
import { openDatabase } from '../../server/store/open-database.js';
import { classWith, loggedInHeaders } from '../support/class-logins.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi, postJson } from '../support/http.js';
import { startOk, statementS, track } from '../support/rage.js';
import { runAula } from '../support/run-aula.js';
import { tempDir } from '../support/temp-dir.js';

// A family asks for a student's data to be erased; the teacher erases it activity by activity. Once the last of it
// went, the player record (their username or anonymous id) must go too: it stayed on Players and in the database,
// and erasing "everywhere" then answered that the player had no data, with the record naming them still there.

interface ErasureAnswer {
  playerRemoved: boolean;
  statements: number;
  sessions: number;
}

async function erase(collector: Collector, player: string, activity?: string): Promise<{ status: number; json: ErasureAnswer; text: string }> {
  const answer = await adminApi(collector.url, '/erasures', { player, ...(activity ? { activity } : {}), confirm: true });
  return { status: answer.status, json: answer.json as ErasureAnswer, text: answer.text };
}

async function play(collector: Collector, code: string, username: string): Promise<void> {
  const session = await startOk(collector.url, code, { headers: await loggedInHeaders(collector.url, username) });
  assert.equal((await track(collector.url, session.authToken, [statementS(session.actor)])).status, 200);
}

/** The players Players lists, by the name they are shown under. */
async function listedPlayers(collector: Collector): Promise<Array<{ id: string; username: string | null }>> {
  const answer = await adminApi(collector.url, '/players', undefined, 'GET');
  assert.equal(answer.status, 200, answer.text);
  return (answer.json as { players: Array<{ player: { id: string; username: string | null } }> }).players.map((p) => p.player);
}

/** Every table of the database whose rows hold this text anywhere (any column), as `table` names. */
function tablesHolding(db: Db, text: string): string[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>;
  return tables
    .filter(({ name }) => (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).some((row) => JSON.stringify(row).toLowerCase().includes(text.toLowerCase())))
    .map(({ name }) => name);
}

test("a student erased in each of their two activities: the player goes with the last; only the roster names them", async () => {
  const collector = await startTestCollector({ config: { mdns: false } });
  try {
    const classId = await classWith(collector.url, '3B', ['ximena', 'bruno']);
    const maths = makeActivity(collector.context.db, { name: '3B maths', classId, allowAnonymous: false });
    const history = makeActivity(collector.context.db, { name: '3B history', classId, allowAnonymous: false });
    await play(collector, maths.trackingCode, 'ximena');
    await play(collector, history.trackingCode, 'ximena');
    await play(collector, maths.trackingCode, 'bruno');
    await collector.context.ingest.idle();
    const ximena = (await listedPlayers(collector)).find((p) => p.username === 'ximena');
    assert.ok(ximena, 'Players lists her before');

    const preview = async (code: string) =>
      ((await adminApi(collector.url, `/erasures/preview?player=ximena&activity=${code}`, undefined, 'GET')).json as { playerRemoved: boolean }).playerRemoved;
    assert.equal(await preview(maths.trackingCode), false, 'the preview says she stays');
    const first = await erase(collector, 'ximena', maths.trackingCode);
    assert.equal(first.status, 200, first.text);
    assert.equal(first.json.playerRemoved, false, 'her history data is left: she stays');
    assert.equal((await adminApi(collector.url, `/players/${ximena.id}`, undefined, 'GET')).status, 200);

    assert.equal(await preview(history.trackingCode), true, 'the preview says the player would go too');
    const last = await erase(collector, 'ximena', history.trackingCode);
    assert.equal(last.status, 200, last.text);
    assert.deepEqual([last.json.playerRemoved, last.json.statements, last.json.sessions], [true, 1, 1], 'the last of her data: the player went too');

    assert.equal((await adminApi(collector.url, `/players/${ximena.id}`, undefined, 'GET')).status, 404, 'her page is gone');
    assert.deepEqual(
      (await listedPlayers(collector)).map((p) => p.username),
      ['bruno'],
      'Players lists her no more',
    );
    assert.deepEqual(tablesHolding(collector.context.db, 'ximena'), ['students'], 'only the roster names her (aula student delete removes it)');
    assert.deepEqual(tablesHolding(collector.context.db, ximena.id), ['erased_ids'], 'her internal id only where an older bundle is kept from bringing her back');

    // Erasing everywhere now: there is no player of that name left to erase.
    const everywhere = await adminApi(collector.url, '/erasures', { player: 'ximena', confirm: true });
    assert.equal(everywhere.status, 404, everywhere.text);
    assert.match(everywhere.text, /No player with the id \\"ximena\\"/);

    const log = (await adminApi(collector.url, '/erasures', undefined, 'GET')).json as { erasures: Array<{ scope: string; playersRemoved: number }> };
    assert.deepEqual(
      log.erasures.map((e) => [e.scope, e.playersRemoved]),
      [
        ['activity', 1],
        ['activity', 0],
      ],
      'the log says which erasure took the player record',
    );
  } finally {
    await collector.close();
  }
});

test('a student with a failed login left after their last activity stays, and erasing everywhere takes the login and the player', async () => {
  const collector = await startTestCollector({ config: { mdns: false } });
  try {
    const classId = await classWith(collector.url, '3B', ['ximena']);
    const maths = makeActivity(collector.context.db, { name: '3B maths', classId, allowAnonymous: false });
    await play(collector, maths.trackingCode, 'ximena');
    assert.equal((await postJson(`${collector.url}/api/login`, { username: 'ximena', password: 'not-the-password' })).status, 401);

    const inMaths = await erase(collector, 'ximena', maths.trackingCode);
    assert.equal(inMaths.status, 200, inMaths.text);
    assert.equal(inMaths.json.playerRemoved, false, 'a failed login still names her: the player stays, so it can be erased');

    const everywhere = await erase(collector, 'ximena');
    assert.equal(everywhere.status, 200, everywhere.text);
    assert.equal(everywhere.json.playerRemoved, true);
    assert.equal((everywhere.json as unknown as { refusedRequests: number }).refusedRequests, 1, 'her failed login went');
    assert.deepEqual(tablesHolding(collector.context.db, 'ximena'), ['students']);
  } finally {
    await collector.close();
  }
});

test("a whole activity's erasure keeps, of its players with no data elsewhere, a student a failed login still names", async () => {
  let minutesLater = 0;
  const collector = await startTestCollector({ config: { mdns: false }, now: () => Date.now() + minutesLater * 60_000 });
  try {
    const classId = await classWith(collector.url, '3B', ['ximena', 'bruno']);
    const maths = makeActivity(collector.context.db, { name: '3B maths', classId, allowAnonymous: false });
    await play(collector, maths.trackingCode, 'ximena');
    await play(collector, maths.trackingCode, 'bruno');
    assert.equal((await postJson(`${collector.url}/api/login`, { username: 'ximena', password: 'not-the-password' })).status, 401);
    await collector.context.ingest.idle();
    minutesLater = 10; // the games have left

    const whole = await adminApi(collector.url, `/activities/${maths.id}/erase`, { trackingCode: maths.trackingCode, confirm: true });
    assert.equal(whole.status, 200, whole.text);
    assert.equal((whole.json as { playersRemoved: number }).playersRemoved, 1, 'bruno went; ximena stays, named by her failed login');
    assert.deepEqual(
      (await listedPlayers(collector)).map((p) => p.username),
      ['ximena'],
    );

    const everywhere = await erase(collector, 'ximena');
    assert.equal(everywhere.status, 200, everywhere.text);
    assert.equal(everywhere.json.playerRemoved, true);
    assert.deepEqual(tablesHolding(collector.context.db, 'ximena'), ['students'], 'her failed login went with her');
  } finally {
    await collector.close();
  }
});

test('a player an older Aula left with only their record: erasing everywhere removes it instead of "nothing to erase"', async () => {
  const collector = await startTestCollector({ config: { mdns: false } });
  try {
    const maths = makeActivity(collector.context.db, { name: 'Maths' });
    const ana = await startOk(collector.url, maths.trackingCode);
    await collector.context.ingest.idle();
    // As an older Aula left her: erased in her only activity, the player record kept.
    const { db } = collector.context;
    const anaId = (db.prepare('SELECT id FROM players WHERE public_id = ?').get(ana.playerId) as { id: string }).id;
    db.transaction(() => {
      db.prepare('DELETE FROM sessions WHERE player_id = ?').run(anaId);
      db.prepare('DELETE FROM gameplays WHERE player_id = ?').run(anaId);
      db.prepare('UPDATE activities SET sessions = 0, players = 0, anonymous_players = 0 WHERE id = ?').run(maths.id);
    })();
    assert.equal((await adminApi(collector.url, `/players/${anaId}`, undefined, 'GET')).status, 200, 'her page is still there');

    const preview = await adminApi(collector.url, `/erasures/preview?player=${ana.playerId}`, undefined, 'GET');
    assert.equal(preview.status, 200, preview.text);
    const erased = await erase(collector, ana.playerId);
    assert.equal(erased.status, 200, erased.text);
    assert.deepEqual([erased.json.playerRemoved, erased.json.statements, erased.json.sessions], [true, 0, 0]);
    assert.equal((await adminApi(collector.url, `/players/${anaId}`, undefined, 'GET')).status, 404);
    assert.deepEqual(tablesHolding(db, ana.playerId), []);
    const log = (await adminApi(collector.url, '/erasures', undefined, 'GET')).json as { erasures: Array<Record<string, unknown>> };
    assert.deepEqual(
      [log.erasures[0]?.scope, log.erasures[0]?.statements, log.erasures[0]?.playersRemoved],
      ['everywhere', 0, 1],
      'logged: the player record went',
    );
    assert.equal((await erase(collector, ana.playerId)).status, 404, 'then there is no such player');
  } finally {
    await collector.close();
  }
});

test('aula player erase in each activity of an anonymous player: the last takes the player, and the file holds no trace', async () => {
  const dataDir = tempDir();
  const collector = await startTestCollector({ dataDir, config: { mdns: false } });
  const maths = makeActivity(collector.context.db, { name: 'Maths' });
  const history = makeActivity(collector.context.db, { name: 'History' });
  const ana = await startOk(collector.url, maths.trackingCode);
  const anaHistory = await startOk(collector.url, history.trackingCode, { body: { anonymous: ana.playerId } });
  for (const session of [ana, anaHistory]) assert.equal((await track(collector.url, session.authToken, [statementS(session.actor)])).status, 200);
  await collector.close();

  const inMaths = await runAula(['player', 'erase', ana.playerId, '--activity', maths.trackingCode, '--yes', '--data-dir', dataDir]);
  assert.equal(inMaths.code, 0, inMaths.stderr);
  assert.match(inMaths.stdout, /^Erased 1 statement, 1 session, 0 results, 0 alerts\.$/m);
  const dry = await runAula(['player', 'erase', ana.playerId, '--activity', history.trackingCode, '--data-dir', dataDir]);
  assert.equal(dry.code, 1);
  assert.match(
    dry.stdout,
    /^Would erase 1 statement, 1 session, 0 results, 0 alerts of this anonymous player in that activity, and the player itself \(that is the last of their data\)\.$/m,
  );
  const inHistory = await runAula(['player', 'erase', ana.playerId, '--activity', history.trackingCode, '--yes', '--data-dir', dataDir]);
  assert.equal(inHistory.code, 0, inHistory.stderr);
  assert.match(inHistory.stdout, /^Erased 1 statement, 1 session, 0 results, 0 alerts, and the player \(that was the last of their data\)\.$/m);

  const everywhere = await runAula(['player', 'erase', ana.playerId, '--yes', '--data-dir', dataDir]);
  assert.equal(everywhere.code, 1);
  assert.match(everywhere.stderr, new RegExp(`No player with the id "${ana.playerId}"`));

  const db = openDatabase(dataDir);
  try {
    assert.deepEqual(tablesHolding(db, ana.playerId), []);
    assert.deepEqual(db.prepare('SELECT count(*) AS n FROM players').get(), { n: 0 });
  } finally {
    db.close();
  }
  // Freed pages are zeroed and the WAL is checkpointed: the bytes are not in the file either.
  for (const file of ['aula.sqlite', 'aula.sqlite-wal'].map((f) => path.join(dataDir, f)).filter((f) => fs.existsSync(f))) {
    assert.equal(fs.readFileSync(file).includes(ana.playerId), false, `${path.basename(file)} holds no trace`);
  }
});

test("a whole activity's erasure keeps a player who still has results elsewhere, as an erasure in one activity does", async () => {
  let minutesLater = 0;
  const collector = await startTestCollector({ config: { mdns: false }, now: () => Date.now() + minutesLater * 60_000 });
  try {
    const maths = makeActivity(collector.context.db, { name: 'Maths' });
    const history = makeActivity(collector.context.db, { name: 'History' });
    const ana = await startOk(collector.url, maths.trackingCode);
    assert.equal((await track(collector.url, ana.authToken, [statementS(ana.actor)])).status, 200);
    await collector.context.ingest.idle();
    // A result of hers in History with no session of its own there, as data an older Aula's bundle could leave.
    await collector.context.writer.run((db) =>
      db
        .prepare(
          "INSERT INTO results (activity_id, player_id, object_id, completed, updated) SELECT ?, id, 'level1', 1, ? FROM players WHERE public_id = ?",
        )
        .run(history.id, new Date().toISOString(), ana.playerId),
    );
    minutesLater = 10; // the game has left

    const preview = await adminApi(collector.url, `/activities/${maths.id}/erase`, undefined, 'GET');
    assert.equal((preview.json as { playersRemoved: number }).playersRemoved, 0, 'the preview agrees');
    const whole = await adminApi(collector.url, `/activities/${maths.id}/erase`, { trackingCode: maths.trackingCode, confirm: true });
    assert.equal(whole.status, 200, whole.text);
    assert.equal((whole.json as { playersRemoved: number }).playersRemoved, 0, 'her History result still needs her record');
    // She can still be found and erased: nothing of hers is left without a player to erase it by.
    const everywhere = await erase(collector, ana.playerId);
    assert.equal(everywhere.status, 200, everywhere.text);
    assert.equal(everywhere.json.playerRemoved, true);
    assert.deepEqual(collector.context.db.prepare('SELECT count(*) AS n FROM results').get(), { n: 0 });
  } finally {
    await collector.close();
  }
});
