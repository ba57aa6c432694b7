import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk } from '../support/rage.js';
import { RawConnection } from '../support/raw-http.js';
import { afterFirstBatch, storedWithTag, taggedBatch, trackHead } from '../support/track-batches.js';

const BUDGET = 100_000;

describe('a backlog whose upload stops half-way (a tablet leaves the classroom Wi-Fi)', () => {
  it("is given up once nothing more arrives: 408, nothing of it stored, and another game's backlog gets in", { timeout: 30_000 }, async () => {
    // The request timeout stays at its two minutes: the stall is what frees the budget.
    const collector = await startTestCollector({ config: { inflightBodyBytes: BUDGET, bodyStallTimeoutMs: 1_000 } });
    const activity = makeActivity(collector.context.db, { name: 'bad wifi' });
    const [leaving, returning] = await Promise.all([1, 2].map(() => startOk(collector.url, activity.trackingCode)));
    if (!leaving || !returning) throw new Error('two sessions expected');
    await afterFirstBatch(collector.url, returning);
    const port = Number(new URL(collector.url).port);
    const stalled = taggedBatch(leaving, 'stalled', 0.7 * BUDGET);
    const backlog = taggedBatch(returning, 'waiting', 0.8 * BUDGET);
    const trackUrl = `${collector.url}/api/collector/track`;
    const sendBacklog = () => fetch(trackUrl, { method: 'POST', headers: { Authorization: returning.authToken, 'Content-Type': 'application/json' }, body: backlog.body });

    // The tablet sends its headers and the start of its backlog, then nothing: no reset, no end, the socket stays open.
    const tablet = await RawConnection.open(port);
    try {
      await tablet.write(trackHead(leaving, stalled.body) + stalled.body.slice(0, 1_000));
      while (collector.context.inflight.usedBytes === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      // Meanwhile the half-sent backlog holds the budget: the other game is told to retry.
      const busy = await sendBacklog();
      assert.equal(busy.status, 503);
      await busy.text();

      const givenUp = await tablet.nextResponse();
      assert.equal(givenUp.status, 408);
      assert.equal(givenUp.body, '{"message":"Request body stopped arriving (nothing for 1 s): send it again"}');
      assert.equal(givenUp.headers.connection, 'close');
      await tablet.closedByServer();
    } finally {
      tablet.close();
    }
    assert.equal(collector.context.inflight.usedBytes, 0, 'the budget it held is free');
    assert.equal(storedWithTag(collector, 'stalled'), 0, 'nothing of a body that never arrived whole is stored');

    // The other game's re-send now gets in.
    const accepted = await sendBacklog();
    assert.equal(accepted.status, 200, await accepted.text());
    assert.equal(storedWithTag(collector, 'waiting'), backlog.count);

    // Back on the Wi-Fi, the tablet sends its backlog again, whole this time: stored once.
    const again = await fetch(trackUrl, { method: 'POST', headers: { Authorization: leaving.authToken, 'Content-Type': 'application/json' }, body: stalled.body });
    assert.equal(again.status, 200, await again.text());
    assert.equal(storedWithTag(collector, 'stalled'), stalled.count);
    await collector.close();
  });

  it('a large body that keeps arriving, however slowly, is not cut off', { timeout: 60_000 }, async () => {
    const collector = await startTestCollector({ config: { inflightBodyBytes: BUDGET, bodyStallTimeoutMs: 3_000 } });
    const activity = makeActivity(collector.context.db, { name: 'slow wifi' });
    const game = await startOk(collector.url, activity.trackingCode);
    const backlog = taggedBatch(game, 'slow', 0.7 * BUDGET);
    const connection = await RawConnection.open(Number(new URL(collector.url).port));
    try {
      await connection.write(trackHead(game, backlog.body));
      // Pieces a sixth of the stall time apart: longer in all than the stall time, never silent that long.
      const pieces = 8;
      const size = Math.ceil(backlog.body.length / pieces);
      for (let piece = 0; piece < pieces; piece++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        await connection.write(backlog.body.slice(piece * size, (piece + 1) * size));
      }
      const answer = await connection.nextResponse();
      assert.equal(answer.status, 200, answer.body);
    } finally {
      connection.close();
    }
    assert.equal(storedWithTag(collector, 'slow'), backlog.count);
    await collector.close();
  });
});
