import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk } from '../support/rage.js';
import { RawConnection, requestHead } from '../support/raw-http.js';
import { storedWithTag, taggedBatch, trackHead } from '../support/track-batches.js';
import { statement, xapiEndpoint } from './xapi-support.js';

// UnityWebRequest sends `Expect: 100-continue` by default and uploads its body only after `100 Continue`.
const BUDGET = 100_000;
const BODY_LIMIT = 400_000;

const EXPECT: Array<[string, string]> = [['Expect', '100-continue']];

describe('Expect: 100-continue (UnityWebRequest)', () => {
  const collector = useTestCollector({ config: { inflightBodyBytes: BUDGET, bodyLimitBytes: BODY_LIMIT } });
  const port = () => Number(new URL(collector.current.url).port);

  it('a batch gets 100 Continue, then 200 once its body has arrived, on a connection that stays open', async () => {
    const activity = makeActivity(collector.current.context.db, { name: 'unity' });
    const game = await startOk(collector.current.url, activity.trackingCode);
    const batch = taggedBatch(game, 'expected', 1_000);
    const next = taggedBatch(game, 'followed', 500);
    const connection = await RawConnection.open(port());
    try {
      await connection.write(trackHead(game, batch.body, EXPECT));
      assert.equal((await connection.nextResponse()).status, 100);
      await connection.write(batch.body);
      const answer = await connection.nextResponse();
      assert.equal(answer.status, 200, answer.body);
      assert.equal(answer.body, '{"message":"Success."}');
      // Still usable: the next batch on the same connection, this time without Expect.
      await connection.write(trackHead(game, next.body) + next.body);
      assert.equal((await connection.nextResponse()).status, 200);
    } finally {
      connection.close();
    }
    assert.equal(storedWithTag(collector.current, 'expected'), batch.count);
    assert.equal(storedWithTag(collector.current, 'followed'), next.count);
  });

  it('a backlog over the in-flight budget is refused 503 + Retry-After without being asked for, and the connection is closed', async () => {
    const activity = makeActivity(collector.current.context.db, { name: 'unity storm' });
    const [holding, returning] = await Promise.all([1, 2].map(() => startOk(collector.current.url, activity.trackingCode)));
    if (!holding || !returning) throw new Error('two sessions expected');
    // Together over the budget, and each larger than a regular batch (inflight-budget.ts).
    const held = taggedBatch(holding, 'held', 0.7 * BUDGET);
    const backlog = taggedBatch(returning, 'refused', 0.8 * BUDGET);
    const a = await RawConnection.open(port());
    const b = await RawConnection.open(port());
    try {
      // A backlog still uploading holds most of the budget.
      await a.write(trackHead(holding, held.body) + held.body.slice(0, 1000));
      await b.write(trackHead(returning, backlog.body, EXPECT));
      const busy = await b.nextResponse();
      assert.equal(busy.status, 503, 'refused before any 100 Continue');
      assert.equal(busy.headers['retry-after'], '1');
      assert.equal(busy.headers.connection, 'close');
      assert.equal(busy.body, '{"message":"The collector is busy, retry shortly"}');
      // Not one byte of the backlog was sent; the server closes the connection rather than wait for it.
      await b.closedByServer();
      await a.write(held.body.slice(1000));
      assert.equal((await a.nextResponse()).status, 200);
    } finally {
      a.close();
      b.close();
    }
    assert.equal(storedWithTag(collector.current, 'held'), held.count);
    assert.equal(storedWithTag(collector.current, 'refused'), 0);
  });

  it('a body declared over the size limit is refused 413 without being asked for', async () => {
    const activity = makeActivity(collector.current.context.db, { name: 'unity too large' });
    const game = await startOk(collector.current.url, activity.trackingCode);
    const connection = await RawConnection.open(port());
    try {
      // Only the head is sent: the body is never asked for.
      await connection.write(trackHead(game, 'x'.repeat(BODY_LIMIT + 1), EXPECT));
      const answer = await connection.nextResponse();
      assert.equal(answer.status, 413);
      assert.equal(answer.body, '{"message":"Request body is too large"}');
      await connection.closedByServer();
    } finally {
      connection.close();
    }
  });

  it('start, and any route that is not an upload of statements, gets 100 Continue at once (contract C-1.8)', async () => {
    const activity = makeActivity(collector.current.context.db, { name: 'unity start' });
    const body = '{}';
    const connection = await RawConnection.open(port());
    try {
      await connection.write(
        requestHead('POST', `/api/collector/start/${activity.trackingCode}`, [
          ['Host', 'aula.test'],
          ['Content-Type', 'application/json'],
          ['Content-Length', String(body.length)],
          ['Expect', '100-continue'],
        ]),
      );
      assert.equal((await connection.nextResponse()).status, 100);
      await connection.write(body);
      const answer = await connection.nextResponse();
      assert.equal(answer.status, 200, answer.body);
      assert.match(answer.body, /^\{"authToken":"/);
    } finally {
      connection.close();
    }
  });

  it('xAPI: statements are asked for once the credentials are checked; wrong credentials are refused without them', async () => {
    const xapi = xapiEndpoint(collector.current, 'unity xapi');
    const body = JSON.stringify([statement()]);
    const head = (authorization: string) =>
      requestHead('POST', '/xapi/statements', [
        ['Host', 'aula.test'],
        ['Authorization', authorization],
        ['X-Experience-API-Version', '1.0.3'],
        ['Content-Type', 'application/json'],
        ['Content-Length', String(Buffer.byteLength(body))],
        ['Expect', '100-continue'],
      ]);
    const refused = await RawConnection.open(port());
    try {
      await refused.write(head(`Basic ${Buffer.from(`${xapi.key}:wrong`).toString('base64')}`));
      assert.equal((await refused.nextResponse()).status, 401);
      await refused.closedByServer();
    } finally {
      refused.close();
    }
    const accepted = await RawConnection.open(port());
    try {
      await accepted.write(head(xapi.auth));
      assert.equal((await accepted.nextResponse()).status, 100);
      await accepted.write(body);
      const answer = await accepted.nextResponse();
      assert.equal(answer.status, 200, answer.body);
      const ids = JSON.parse(answer.body) as string[];
      assert.equal(ids.length, 1);
      assert.equal((await xapi.call(`statements?statementId=${ids[0]}`)).status, 200);
    } finally {
      accepted.close();
    }
  });
});
