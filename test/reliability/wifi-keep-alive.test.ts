import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startTestCollector, useTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk } from '../support/rage.js';
import { RawConnection } from '../support/raw-http.js';
import { storedWithTag, taggedBatch, trackHead } from '../support/track-batches.js';

describe("the games' keep-alive connections (a student reading between two flushes, a client that pipelines)", () => {
  const collector = useTestCollector();

  it('an idle one is kept open longer than the games’ HTTP clients keep it for reuse, and says so in Keep-Alive', async () => {
    const activity = makeActivity(collector.current.context.db, { name: 'reading' });
    const game = await startOk(collector.current.url, activity.trackingCode);
    const connection = await RawConnection.open(Number(new URL(collector.current.url).port));
    try {
      const batch = taggedBatch(game, 'kept', 500);
      await connection.write(trackHead(game, batch.body) + batch.body);
      const answer = await connection.nextResponse();
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.connection, 'keep-alive');
      // What Java's and Node's clients read to close an idle connection first; the others keep one at most about
      // 2 min (curl 118 s, Mono's HttpWebRequest 100 s, .NET Core 5 and Firefox 120 s and 115 s), so the server keeps
      // it longer than that and is never the one to close a connection a game is about to reuse.
      const advertised = Number(/timeout=(\d+)/.exec(answer.headers['keep-alive'] ?? '')?.[1]);
      assert.ok(advertised > 120, `Keep-Alive: ${answer.headers['keep-alive']}`);
    } finally {
      connection.close();
    }
  });

  it('an idle one carries the next batch after a pause longer than the headers and request timeouts', { timeout: 30_000 }, async () => {
    // Those timeouts are for a request on its way, not for a connection waiting between two (old Node counted the
    // wait, and a kept-alive connection failed its next request).
    const short = await startTestCollector({ config: { headersTimeoutMs: 500, requestTimeoutMs: 1_000 } });
    const activity = makeActivity(short.context.db, { name: 'pause' });
    const game = await startOk(short.url, activity.trackingCode);
    const connection = await RawConnection.open(short.port);
    try {
      const first = taggedBatch(game, 'before-pause', 500);
      await connection.write(trackHead(game, first.body) + first.body);
      assert.equal((await connection.nextResponse()).status, 200);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const second = taggedBatch(game, 'after-pause', 500);
      await connection.write(trackHead(game, second.body) + second.body);
      assert.equal((await connection.nextResponse()).status, 200);
      assert.equal(storedWithTag(short, 'after-pause'), second.count);
    } finally {
      connection.close();
      await short.close();
    }
  });

  it('answers pipelined batches (several sent before the first answer) in order, each stored once', async () => {
    const activity = makeActivity(collector.current.context.db, { name: 'pipelined' });
    const game = await startOk(collector.current.url, activity.trackingCode);
    const batches = ['first', 'second', 'third'].map((tag) => ({ tag, ...taggedBatch(game, `piped-${tag}`, 800) }));
    const connection = await RawConnection.open(collector.current.port);
    try {
      await connection.write(batches.map((batch) => trackHead(game, batch.body) + batch.body).join(''));
      for (const _ of batches) assert.equal((await connection.nextResponse()).body, '{"message":"Success."}');
    } finally {
      connection.close();
    }
    for (const batch of batches) assert.equal(storedWithTag(collector.current, `piped-${batch.tag}`), batch.count);
  });
});
