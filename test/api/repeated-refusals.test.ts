import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostics, Overview, SessionRow } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, request } from '../support/http.js';
import { start, startOk, statementS, track } from '../support/rage.js';

// A tracker re-sends a refused batch, byte for byte, on every flush and for ever (real-clients.md §5).
describe('a refused batch sent again and again', () => {
  let collector: Collector;

  before(async () => {
    collector = await startTestCollector();
  });
  after(() => collector?.close());

  /** Refusals are recorded by the writer after the answer: wait for its queue, then read. */
  async function read<T>(path: string): Promise<T> {
    await collector.context.ingest.idle();
    const answer = await request(`${collector.url}/admin/api/${path}`);
    assert.equal(answer.status, 200);
    return answer.json as T;
  }

  async function storedRows(): Promise<number> {
    await collector.context.ingest.idle();
    return (collector.context.db.prepare('SELECT count(*) AS n FROM rejected_requests').get() as { n: number }).n;
  }

  test('is one row counted as often as it came, in Diagnostics, the header total and its session on Live', async () => {
    const activity = makeActivity(collector.context.db, { name: 'Fractions' });
    const game = await startOk(collector.url, activity.trackingCode);
    const broken = [{ ...statementS(game.actor), verb: 'not-a-verb' }];
    const rowsBefore = await storedRows();
    for (let flush = 0; flush < 5; flush++) assert.equal((await track(collector.url, game.authToken, broken)).status, 400);

    const diagnostics = await read<Diagnostics>('diagnostics');
    const invalid = diagnostics.groups.find((group) => group.kind === 'invalid-track');
    assert.equal(invalid?.count, 5);
    assert.equal(invalid?.items.length, 1);
    assert.equal(invalid?.items[0]?.count, 5);
    assert.equal(typeof invalid?.items[0]?.sessionId, 'number');
    // Whose game it is, as Live names the player, and in which activity: not only an address.
    assert.equal(invalid?.items[0]?.player, `${game.playerAnimalName} · session 1`);
    assert.equal(invalid?.items[0]?.activity, 'Fractions');
    assert.equal(await storedRows(), rowsBefore + 1, 'the table grows with distinct refusals, not with every flush');
    assert.equal((await read<Overview>('overview')).rejectedRequests, 5);

    const { sessions } = await read<{ sessions: SessionRow[] }>(`activities/${activity.id}/sessions`);
    assert.equal(sessions[0]?.statements, 0);
    assert.equal(sessions[0]?.refused, 5);
    assert.match(sessions[0]?.lastRefusal ?? '', /verb/i);

    // Another batch refused for another reason is a problem of its own.
    const other = [{ ...statementS(game.actor), object: 'not-an-object' }];
    assert.equal((await track(collector.url, game.authToken, other)).status, 400);
    assert.equal(await storedRows(), rowsBefore + 2);
    const again = await read<{ sessions: SessionRow[] }>(`activities/${activity.id}/sessions`);
    assert.equal(again.sessions[0]?.refused, 6);
    assert.match(again.sessions[0]?.lastRefusal ?? '', /object/i);
  });

  test('a game still retrying after the teacher cleared its problem is listed again, as the newest', async () => {
    const activity = makeActivity(collector.context.db);
    const typo = `${activity.trackingCode}x`;
    for (let flush = 0; flush < 3; flush++) assert.equal((await start(collector.url, typo)).status, 404);
    const listed = (await read<Diagnostics>('diagnostics')).groups.find((group) => group.kind === 'unknown-code');
    assert.equal(listed?.items.find((item) => item.detail === typo)?.count, 3);
    assert.equal((await postJson(`${collector.url}/admin/api/diagnostics/clear`, { kind: 'unknown-code' })).status, 200);
    assert.equal((await read<Diagnostics>('diagnostics')).groups.find((group) => group.kind === 'unknown-code'), undefined);

    assert.equal((await start(collector.url, typo)).status, 404);
    const back = (await read<Diagnostics>('diagnostics')).groups.find((group) => group.kind === 'unknown-code');
    assert.equal(back?.items[0]?.detail, typo);
    assert.equal(back?.items[0]?.count, 4);
  });
});
