import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk } from '../support/rage.js';
import { RawConnection, requestHead } from '../support/raw-http.js';
import { afterFirstBatch, storedWithTag, taggedBatch, trackHead } from '../support/track-batches.js';

const BUDGET = 100_000;

describe('track over the in-flight budget (reconnect storm, issue 8)', () => {
  it('answers a backlog 503 + Retry-After before its body arrives, keeps the connection, and still takes small batches', { timeout: 20_000 }, async () => {
    const collector = await startTestCollector({ config: { inflightBodyBytes: BUDGET } });
    const activity = makeActivity(collector.context.db, { name: 'storm' });
    const [first, second, third] = await Promise.all([1, 2, 3].map(() => startOk(collector.url, activity.trackingCode)));
    if (!first || !second || !third) throw new Error('three sessions expected');
    await afterFirstBatch(collector.url, second);
    const port = Number(new URL(collector.url).port);
    const held = taggedBatch(first, 'held', 98_500);
    const refused = taggedBatch(second, 'refused', 80_000);
    const small = taggedBatch(third, 'small', 2_000);
    const a = await RawConnection.open(port);
    const b = await RawConnection.open(port);
    try {
      // A backlog that is still uploading holds most of the budget.
      await a.write(trackHead(first, held.body) + held.body.slice(0, 1000));
      // A second backlog would go over it: the answer comes while most of its body is still unsent.
      await b.write(trackHead(second, refused.body) + refused.body.slice(0, 1000));
      const busy = await b.nextResponse();
      assert.equal(busy.status, 503);
      assert.equal(busy.headers['retry-after'], '1');
      assert.equal(busy.body, '{"message":"The collector is busy, retry shortly"}');
      // The rest of the refused body is read and dropped; the same connection then carries a game's regular batch,
      // which the reserve admits although the backlog still holds the budget.
      await b.write(refused.body.slice(1000));
      await b.write(trackHead(third, small.body) + small.body);
      const accepted = await b.nextResponse();
      assert.equal(accepted.status, 200, accepted.body);
      assert.equal(accepted.body, '{"message":"Success."}');
      // The backlog that held the budget completes and is stored.
      await a.write(held.body.slice(1000));
      const stored = await a.nextResponse();
      assert.equal(stored.status, 200, stored.body);
    } finally {
      a.close();
      b.close();
    }
    const count = (tag: string) => storedWithTag(collector, tag);
    assert.equal(count('held'), held.count);
    assert.equal(count('small'), small.count);
    assert.equal(count('refused'), 0);
    await collector.close();
  });

  it("takes a returning game's backlog larger than the whole budget while other games' batches are uploading", { timeout: 20_000 }, async () => {
    const collector = await startTestCollector({ config: { inflightBodyBytes: BUDGET } });
    const activity = makeActivity(collector.context.db, { name: 'back online' });
    const [playing, returning] = await Promise.all([1, 2].map(() => startOk(collector.url, activity.trackingCode)));
    if (!playing || !returning) throw new Error('two sessions expected');
    const port = Number(new URL(collector.url).port);
    const regular = taggedBatch(playing, 'regular', 2_000);
    const backlog = taggedBatch(returning, 'backlog', 3 * BUDGET);
    const a = await RawConnection.open(port);
    const b = await RawConnection.open(port);
    try {
      await a.write(trackHead(playing, regular.body) + regular.body.slice(0, 500));
      await b.write(trackHead(returning, backlog.body) + backlog.body);
      const stored = await b.nextResponse();
      assert.equal(stored.status, 200, stored.body);
      await a.write(regular.body.slice(500));
      assert.equal((await a.nextResponse()).status, 200);
    } finally {
      a.close();
      b.close();
    }
    const count = (tag: string) => storedWithTag(collector, tag);
    assert.equal(count('backlog'), backlog.count);
    assert.equal(count('regular'), regular.count);
    await collector.close();
  });

  it('counts a chunked body as it arrives: past a regular batch beside a backlog, 503 before the rest, and the connection carries on', { timeout: 20_000 }, async () => {
    const collector = await startTestCollector({ config: { inflightBodyBytes: BUDGET } });
    const activity = makeActivity(collector.context.db, { name: 'chunked' });
    const [holding, chunking] = await Promise.all([1, 2].map(() => startOk(collector.url, activity.trackingCode)));
    if (!holding || !chunking) throw new Error('two sessions expected');
    const port = Number(new URL(collector.url).port);
    const held = taggedBatch(holding, 'held-backlog', 80_000);
    const chunked = taggedBatch(chunking, 'chunked', 150_000);
    const chunk = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
    const chunkedHead = requestHead('POST', '/api/collector/track', [
      ['Host', 'aula.test'],
      ['Authorization', chunking.authToken],
      ['Content-Type', 'application/json'],
      ['Transfer-Encoding', 'chunked'],
    ]);
    const a = await RawConnection.open(port);
    const b = await RawConnection.open(port);
    try {
      await a.write(trackHead(holding, held.body) + held.body.slice(0, 1000));
      // Admitted as a regular batch; refused once it outgrows one while the backlog above holds the budget.
      await b.write(chunkedHead + chunk(chunked.body.slice(0, 100_000)));
      const busy = await b.nextResponse();
      assert.equal(busy.status, 503);
      assert.equal(busy.headers['retry-after'], '1');
      await b.write(`${chunk(chunked.body.slice(100_000))}0\r\n\r\n`);
      await a.write(held.body.slice(1000));
      assert.equal((await a.nextResponse()).status, 200);
      // The budget is free again: the same connection sends the whole chunked backlog, and it is stored.
      await b.write(`${chunkedHead + chunk(chunked.body.slice(0, 100_000)) + chunk(chunked.body.slice(100_000))}0\r\n\r\n`);
      const stored = await b.nextResponse();
      assert.equal(stored.status, 200, stored.body);
    } finally {
      a.close();
      b.close();
    }
    const count = (tag: string) => storedWithTag(collector, tag);
    assert.equal(count('chunked'), chunked.count, 'stored once, by the second sending');
    assert.equal(count('held-backlog'), held.count);
    await collector.close();
  });
});
