import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk } from '../support/rage.js';
import { RawConnection } from '../support/raw-http.js';
import { taggedBatch, trackHead } from '../support/track-batches.js';

describe('an idle keep-alive connection (a student reading between two flushes)', () => {
  const collector = useTestCollector();

  it('is kept open longer than the games’ HTTP clients keep it for reuse, and says so in Keep-Alive', async () => {
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
});
