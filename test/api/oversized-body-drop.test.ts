import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { useTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk } from '../support/rage.js';
import { RawConnection } from '../support/raw-http.js';
import { trackHead } from '../support/track-batches.js';

const BODY_LIMIT = 100_000;
const STALL_MS = 400;
const REQUEST_TIMEOUT_MS = 3_000;

/** Resolves true once the server has closed the connection, false if it still holds it after `ms`. */
async function closedWithin(connection: RawConnection, ms: number): Promise<boolean> {
  return Promise.race([connection.closedByServer().then(() => true), sleep(ms).then(() => false)]);
}

/**
 * After a 413, the rest of an oversized body is read and dropped, so that a tracker that writes its whole body first
 * reads the answer (refusals.ts). A client that then stops sending, or trickles, must not hold the connection until
 * the request timeout, nor be sent a second answer (Node's 408) after the 413 it already read.
 */
describe('the rest of an oversized body, dropped after its 413', () => {
  const collector = useTestCollector({
    config: { mdns: false, bodyLimitBytes: BODY_LIMIT, bodyStallTimeoutMs: STALL_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS },
  });
  const port = () => Number(new URL(collector.current.url).port);

  async function oversizedStarted(name: string): Promise<{ connection: RawConnection; rest: string }> {
    const game = await startOk(collector.current.url, makeActivity(collector.current.context.db, { name }).trackingCode);
    const body = 'x'.repeat(4 * BODY_LIMIT);
    const connection = await RawConnection.open(port());
    await connection.write(trackHead(game, body) + body.slice(0, 2 * BODY_LIMIT));
    const answer = await connection.nextResponse();
    assert.equal(answer.status, 413);
    assert.equal(answer.body, '{"message":"Request body is too large"}');
    return { connection, rest: body.slice(2 * BODY_LIMIT) };
  }

  it('a client that stops sending has its connection closed once the body stalls, not held until the request timeout', async () => {
    const { connection } = await oversizedStarted('stops');
    try {
      assert.equal(await closedWithin(connection, REQUEST_TIMEOUT_MS / 2), true, 'the connection is closed after the stall time');
      assert.equal(connection.unread(), '');
    } finally {
      connection.close();
    }
  });

  it('a client still trickling its body at the request timeout is closed without a second answer after its 413', async () => {
    const { connection, rest } = await oversizedStarted('trickles');
    try {
      let sent = 0;
      while (!(await closedWithin(connection, STALL_MS / 4))) {
        await connection.write(rest.slice(sent, sent + 10)).catch(() => undefined);
        sent += 10;
      }
      assert.equal(connection.unread(), '', 'nothing after the 413 (Node answers a request timeout with a 408)');
    } finally {
      connection.close();
    }
  });
});
