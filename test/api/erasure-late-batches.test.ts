import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eraseActivity } from '../../server/erasure/erase-activity.js';
import type { Collector } from '../../server/index.js';
import { openDatabase } from '../../server/store/open-database.js';
import { adminPost, classWith, loggedInHeaders } from '../support/class-logins.js';
import { startTestCollector } from '../support/collector.js';
import { diagnosticItems } from '../support/diagnostic-items.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request, type TextResponse } from '../support/http.js';
import { type StartAnswer, startOk, statementS, track } from '../support/rage.js';

// A game still running when its player's data is erased goes on sending its batches with the old authToken. They are
// refused as any unknown authToken is (the game's answer is unchanged), but a refusal kept its body as a sample on
// Diagnostics for 30 days: the erased player's statements, their username or animal name in the actor. It is listed
// now without a sample, and nothing of what it sent is kept.

const M_TOKEN = '{"message":"Unknown or missing authToken"}';

/** What the dashboard's Diagnostics read, as text: every sample it shows is in there. */
async function diagnosticsText(collector: Collector): Promise<string> {
  await collector.context.ingest.idle();
  const answer = await request(`${collector.url}/admin/api/diagnostics`);
  assert.equal(answer.status, 200, answer.text);
  return answer.text;
}

/** Every table of the SQLite file whose rows hold `text` in a value, except those named in `besides`. */
function tablesHolding(collector: Collector, text: string, besides: string[] = []): string[] {
  const { db } = collector.context;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return tables.filter(
    (table) =>
      !besides.includes(table) &&
      (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).some((row) =>
        row.some((value) => (typeof value === 'string' || Buffer.isBuffer(value)) && value.toString().includes(text)),
      ),
  );
}

/** The batch a game sends after the erasure, with a marker to look for. */
function lateBatch(session: StartAnswer, marker: string): unknown[] {
  return [{ ...statementS(session.actor), id: undefined, result: { response: marker } }];
}

/** The answer is the one any unknown authToken gets, byte for byte. */
function assertTokenRefusal(answer: TextResponse, foreign: TextResponse): void {
  assert.equal(answer.status, 401, answer.text);
  assert.equal(answer.text, M_TOKEN);
  assert.equal(answer.headers.get('content-type'), foreign.headers.get('content-type'));
  assert.equal(answer.headers.get('content-length'), foreign.headers.get('content-length'));
}

test("a game still sending after its player's erasure is refused as before, and Diagnostics and the database keep nothing of it", async () => {
  const collector = await startTestCollector({ config: { mdns: false } });
  try {
    const classId = await classWith(collector.url, '1A', ['ximena']);
    const maths = makeActivity(collector.context.db, { name: '1A maths', classId, allowAnonymous: false });
    const open = makeActivity(collector.context.db, { name: 'Open day', allowAnonymous: true });
    const ximena = await startOk(collector.url, maths.trackingCode, { headers: await loggedInHeaders(collector.url, 'ximena') });
    const anonymous = await startOk(collector.url, open.trackingCode);
    for (const session of [ximena, anonymous]) assert.equal((await track(collector.url, session.authToken, [statementS(session.actor)])).status, 200);
    const animal = anonymous.actor.name;
    assert.equal(ximena.actor.name, 'ximena');

    await adminPost(collector.url, '/erasures', { player: 'ximena', confirm: true });
    await adminPost(collector.url, '/erasures', { player: anonymous.playerId, confirm: true });

    // A token Aula never knew: its refusal keeps its sample, as before (it is no erased player's data).
    const foreign = await postJson(`${collector.url}/api/collector/track`, [{ ...statementS({ name: 'Elsewhere' }), id: undefined }], {
      Authorization: 'fromAnotherLaptop123',
    });
    assert.equal(foreign.text, M_TOKEN);
    // Each game keeps sending: its end, and a batch twice. Diagnostics show the newest refusal's sample of a line.
    for (const [session, name] of [
      [ximena, 'ximena'],
      [anonymous, animal],
    ] as const) {
      const ended = await postJson(`${collector.url}/api/collector/end`, {}, { Authorization: session.authToken });
      assert.equal(ended.status, 401);
      assert.equal(ended.text, M_TOKEN);
      for (const marker of ['late-batch-1', 'late-batch-2']) assertTokenRefusal(await track(collector.url, session.authToken, lateBatch(session, marker)), foreign);
      const diagnostics = await diagnosticsText(collector);
      assert.ok(!diagnostics.includes(name), `Diagnostics do not show ${name}`);
      assert.doesNotMatch(diagnostics, /late-batch/, 'no sample of what the game sent after the erasure');
    }

    const items = await diagnosticItems(collector, 'unknown-token');
    const erased = items.find((item) => item.detail.includes('erased'));
    assert.ok(erased, `the late batches are still counted: ${JSON.stringify(items)}`);
    assert.equal(erased.count, 6, 'two batches and an end of each game');
    assert.ok(
      items.some((item) => item.detail === 'Unknown or missing authToken'),
      'the unknown token is listed as before',
    );
    assert.match(await diagnosticsText(collector), /Elsewhere/, "the unknown token's sample is still shown");

    // The roster keeps her login account (students) until `aula student delete`: nothing else holds her name.
    assert.deepEqual(tablesHolding(collector, 'ximena', ['students']), []);
    assert.deepEqual(tablesHolding(collector, animal), []);
    assert.deepEqual(tablesHolding(collector, 'late-batch'), []);
  } finally {
    await collector.close();
  }
});

test("a game still sending after its whole activity's erasure (aula activity erase) keeps nothing of its batches either", async () => {
  const collector = await startTestCollector({ config: { mdns: false } });
  try {
    const { trackingCode } = makeActivity(collector.context.db, { name: 'Study', allowAnonymous: true });
    const session = await startOk(collector.url, trackingCode);
    // As `aula activity erase` does, from another connection; its games silent for longer than a live one's minutes.
    const cli = openDatabase(collector.context.config.dataDir);
    cli.transaction(() => eraseActivity(cli, trackingCode, 'cli', Date.now() + 60 * 60_000)).immediate();
    cli.close();

    const late = await track(collector.url, session.authToken, lateBatch(session, 'late-batch-1'));
    assert.equal(late.status, 401);
    assert.equal(late.text, M_TOKEN);
    const items = await diagnosticItems(collector, 'unknown-token');
    assert.deepEqual(
      items.map((item) => [item.detail.includes('erased'), item.sample]),
      [[true, null]],
    );
    assert.deepEqual(tablesHolding(collector, session.actor.name), []);
    assert.deepEqual(tablesHolding(collector, 'late-batch'), []);
  } finally {
    await collector.close();
  }
});
