import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { PlayerSummary } from '../../server/admin/api-types.js';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { adminApi } from '../support/http.js';
import { startOk, statementS, track } from '../support/rage.js';

// GET /admin/api/activities/:id/players (README: the admin API) lists an activity's players with that activity's
// sessions and statements: what a teacher of one class on a laptop shared by several asks for.

let collector: Collector;
before(async () => {
  collector = await startTestCollector();
});
after(() => collector.close());

const internalId = (publicId: string): string =>
  (collector.context.db.prepare('SELECT id FROM players WHERE public_id = ?').get(publicId) as { id: string }).id;

test("an activity's players, with the sessions and statements they have in it, not another activity's", async () => {
  const maths = makeActivity(collector.context.db, { name: '1A maths' });
  const history = makeActivity(collector.context.db, { name: '1B history' });
  const ana = await startOk(collector.url, maths.trackingCode);
  const anaAgain = await startOk(collector.url, maths.trackingCode, { body: { anonymous: ana.playerId } });
  const ben = await startOk(collector.url, history.trackingCode);
  for (const [session, count] of [
    [ana, 2],
    [anaAgain, 3],
    [ben, 4],
  ] as const) {
    const body = Array.from({ length: count }, () => ({ ...statementS(session.actor), id: undefined }));
    assert.equal((await track(collector.url, session.authToken, body)).status, 200);
  }

  const answer = await adminApi(collector.url, `/activities/${maths.id}/players`);
  assert.equal(answer.status, 200, answer.text);
  const { players } = answer.json as { players: PlayerSummary[] };
  assert.deepEqual(
    players.map((row) => ({ id: row.player.id, sessions: row.sessions, statements: row.statements })),
    [{ id: internalId(ana.playerId), sessions: 2, statements: 5 }],
  );
  const unknown = await adminApi(collector.url, '/activities/no-such-activity/players');
  assert.equal(unknown.status, 404);
});
