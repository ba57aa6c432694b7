import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import zlib from 'node:zlib';
import { useTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { type StartAnswer, startOk } from '../support/rage.js';
import { RawConnection } from '../support/raw-http.js';
import { storedFor } from '../support/stored.js';
import { storedWithTag, taggedBatch, trackHead } from '../support/track-batches.js';

// A game (or a proxy in front of it) that compresses its requests, as the original collector's body parser accepted.
const BUDGET = 100_000;
const BODY_LIMIT = 400_000;

const COMPRESS: Record<string, (text: string) => Buffer> = {
  gzip: (text) => zlib.gzipSync(text),
  deflate: (text) => zlib.deflateSync(text),
  br: (text) => zlib.brotliCompressSync(text),
};

function postCompressed(url: string, encoding: string, body: Buffer, headers: Record<string, string> = {}) {
  return request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Encoding': encoding, ...headers }, body: new Uint8Array(body) });
}

describe('compressed request bodies (Content-Encoding)', () => {
  const collector = useTestCollector({ config: { inflightBodyBytes: BUDGET, bodyLimitBytes: BODY_LIMIT } });
  const trackUrl = () => `${collector.current.url}/api/proxy/gleaner/collector/track`;
  const game = async (name: string): Promise<StartAnswer> => {
    const activity = makeActivity(collector.current.context.db, { name });
    return startOk(collector.current.url, activity.trackingCode);
  };

  it('a batch sent with gzip, deflate or br is stored as if sent plain, and its re-send is stored once', async () => {
    for (const [encoding, compress] of Object.entries(COMPRESS)) {
      const started = await game(`compressed ${encoding}`);
      const batch = taggedBatch(started, `zipped-${encoding}`, 3_000);
      const answer = await postCompressed(trackUrl(), encoding, compress(batch.body), { Authorization: started.authToken });
      assert.equal(answer.status, 200, `${encoding}: ${answer.text}`);
      assert.equal(answer.text, '{"message":"Success."}');
      // The tracker did not get the answer and sends the same bytes again: the researcher gets each statement once.
      const again = await postCompressed(trackUrl(), encoding, compress(batch.body), { Authorization: started.authToken });
      assert.equal(again.status, 200);
      const rows = storedFor(collector.current.context.db, started.authToken);
      assert.equal(rows.length, batch.count, encoding);
      const sent = JSON.parse(batch.body) as Array<{ object: { id: string }; timestamp: string }>;
      assert.deepEqual(
        rows.map((row) => [row.statement.object.id, row.statement.timestamp]),
        sent.map((statement) => [statement.object.id, statement.timestamp]),
      );
    }
  });

  it('a start sent with gzip continues the player it names', async () => {
    const activity = makeActivity(collector.current.context.db, { name: 'compressed start' });
    const first = await startOk(collector.current.url, activity.trackingCode);
    const url = `${collector.current.url}/api/collector/start/${activity.trackingCode}`;
    const answer = await postCompressed(url, 'gzip', zlib.gzipSync(JSON.stringify({ anonymous: first.playerId })));
    assert.equal(answer.status, 200, answer.text);
    const again = answer.json as StartAnswer;
    assert.equal(again.playerId, first.playerId);
    assert.equal(again.session, 2);
    // A client that labels an empty body gzip starts a new player, as without the label (contract C-5.2).
    const empty = await postCompressed(url, 'gzip', Buffer.alloc(0));
    assert.equal(empty.status, 200, empty.text);
    assert.equal((empty.json as StartAnswer).session, 1);
  });

  it('an encoding Aula cannot read is refused 415 naming it, a body that is not what it says 400; nothing is stored', async () => {
    const started = await game('bad encodings');
    const batch = taggedBatch(started, 'unreadable', 1_000);
    const unknown = await postCompressed(trackUrl(), 'compress', Buffer.from(batch.body), { Authorization: started.authToken });
    assert.equal(unknown.status, 415);
    assert.equal(
      unknown.text,
      '{"message":"Request body is sent with Content-Encoding compress, which Aula cannot read: send it uncompressed, or with gzip, deflate or br"}',
    );
    assert.equal(unknown.headers.get('access-control-allow-origin'), '*');
    const notGzip = await postCompressed(trackUrl(), 'gzip', Buffer.from(batch.body), { Authorization: started.authToken });
    assert.equal(notGzip.status, 400);
    assert.equal(notGzip.text, '{"message":"Request body is not valid gzip data (its Content-Encoding)"}');
    const truncated = zlib.gzipSync(batch.body).subarray(0, 200);
    const cut = await postCompressed(trackUrl(), 'gzip', truncated, { Authorization: started.authToken });
    assert.equal(cut.status, 400);
    assert.equal(storedWithTag(collector.current, 'unreadable'), 0);
    // The same session still sends its next batch.
    const next = taggedBatch(started, 'after-unreadable', 500);
    const fine = await postCompressed(trackUrl(), 'gzip', zlib.gzipSync(next.body), { Authorization: started.authToken });
    assert.equal(fine.status, 200);
    assert.equal(storedWithTag(collector.current, 'after-unreadable'), next.count);
  });

  it('the limits count what a body decompresses to: over the body limit 413, over the in-flight budget 503', async () => {
    const started = await game('compressed limits');
    // A few KB on the wire, past the body limit once decompressed.
    const bomb = taggedBatch(started, 'bomb', BODY_LIMIT + 50_000);
    const zipped = zlib.gzipSync(bomb.body);
    assert.ok(zipped.length < BUDGET / 4);
    const tooLarge = await postCompressed(trackUrl(), 'gzip', zipped, { Authorization: started.authToken });
    assert.equal(tooLarge.status, 413);
    assert.equal(tooLarge.text, '{"message":"Request body is too large"}');
    assert.equal(storedWithTag(collector.current, 'bomb'), 0);
    assert.equal(collector.current.context.inflight.usedBytes, 0);

    // A backlog still uploading holds most of the budget; a compressed backlog that would go over it is refused.
    const holder = await game('compressed budget');
    const held = taggedBatch(holder, 'held-plain', 0.7 * BUDGET);
    const backlog = taggedBatch(started, 'zipped-backlog', 0.8 * BUDGET);
    const port = Number(new URL(collector.current.url).port);
    const connection = await RawConnection.open(port);
    try {
      await connection.write(trackHead(holder, held.body) + held.body.slice(0, 1000));
      const busy = await postCompressed(trackUrl(), 'gzip', zlib.gzipSync(backlog.body), { Authorization: started.authToken });
      assert.equal(busy.status, 503, busy.text);
      assert.equal(busy.headers.get('retry-after'), '1');
      await connection.write(held.body.slice(1000));
      assert.equal((await connection.nextResponse()).status, 200);
    } finally {
      connection.close();
    }
    assert.equal(storedWithTag(collector.current, 'zipped-backlog'), 0);
    // Once the budget is free, the game's re-send of the same backlog is stored.
    const retried = await postCompressed(trackUrl(), 'gzip', zlib.gzipSync(backlog.body), { Authorization: started.authToken });
    assert.equal(retried.status, 200, retried.text);
    assert.equal(storedWithTag(collector.current, 'zipped-backlog'), backlog.count);
  });
});
