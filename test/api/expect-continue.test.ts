import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Collector } from '../../server/index.js';
import { useTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { type StartAnswer, startOk } from '../support/rage.js';
import { RawConnection, requestHead } from '../support/raw-http.js';
import { statement, xapiEndpoint } from './xapi-support.js';

// UnityWebRequest sends `Expect: 100-continue` by default and uploads its body only after `100 Continue`.
const BUDGET = 100_000;
const BODY_LIMIT = 400_000;

function trackBody(started: StartAnswer, tag: string, count: number): string {
  const statements = Array.from({ length: count }, (_, index) => ({
    actor: started.actor,
    verb: { id: 'http://adlnet.gov/expapi/verbs/interacted' },
    object: { id: `${started.objectId}/item/${tag}-${index}`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/item' } },
    timestamp: new Date(1_700_000_000_000 + index).toISOString(),
  }));
  return JSON.stringify(statements);
}

function trackHead(started: StartAnswer, bytes: number, expect = true): string {
  return requestHead('POST', '/api/collector/track', [
    ['Host', 'aula.test'],
    ['Authorization', started.authToken],
    ['Content-Type', 'application/json'],
    ['Content-Length', String(bytes)],
    ...(expect ? ([['Expect', '100-continue']] as Array<[string, string]>) : []),
  ]);
}

function storedWithTag(collector: Collector, tag: string): number {
  return (collector.context.db.prepare('SELECT count(*) AS n FROM statements WHERE object_id LIKE ?').get(`%/item/${tag}-%`) as { n: number }).n;
}

describe('Expect: 100-continue (UnityWebRequest)', () => {
  const collector = useTestCollector({ config: { inflightBodyBytes: BUDGET, bodyLimitBytes: BODY_LIMIT } });
  const port = () => Number(new URL(collector.current.url).port);

  it('a batch gets 100 Continue, then 200 once its body has arrived, on a connection that stays open', async () => {
    const activity = makeActivity(collector.current.context.db, { name: 'unity' });
    const game = await startOk(collector.current.url, activity.trackingCode);
    const body = trackBody(game, 'expected', 3);
    const connection = await RawConnection.open(port());
    try {
      await connection.write(trackHead(game, Buffer.byteLength(body)));
      assert.equal((await connection.nextResponse()).status, 100);
      await connection.write(body);
      const answer = await connection.nextResponse();
      assert.equal(answer.status, 200, answer.body);
      assert.equal(answer.body, '{"message":"Success."}');
      // Still usable: the next batch on the same connection, this time without Expect.
      const next = trackBody(game, 'followed', 2);
      await connection.write(trackHead(game, Buffer.byteLength(next), false) + next);
      assert.equal((await connection.nextResponse()).status, 200);
    } finally {
      connection.close();
    }
    assert.equal(storedWithTag(collector.current, 'expected'), 3);
    assert.equal(storedWithTag(collector.current, 'followed'), 2);
  });

  it('a backlog over the in-flight budget is refused 503 + Retry-After without being asked for, and the connection is closed', async () => {
    const activity = makeActivity(collector.current.context.db, { name: 'unity storm' });
    const [holding, returning] = await Promise.all([1, 2].map(() => startOk(collector.current.url, activity.trackingCode)));
    if (!holding || !returning) throw new Error('two sessions expected');
    const held = trackBody(holding, 'held', 300);
    const backlog = trackBody(returning, 'refused', 200);
    assert.ok(Buffer.byteLength(held) > BUDGET * 0.6 && Buffer.byteLength(backlog) > BUDGET * 0.4, 'the two bodies must not fit together');
    const a = await RawConnection.open(port());
    const b = await RawConnection.open(port());
    try {
      // A backlog still uploading holds most of the budget.
      await a.write(trackHead(holding, Buffer.byteLength(held), false) + held.slice(0, 1000));
      await b.write(trackHead(returning, Buffer.byteLength(backlog)));
      const busy = await b.nextResponse();
      assert.equal(busy.status, 503, 'refused before any 100 Continue');
      assert.equal(busy.headers['retry-after'], '1');
      assert.equal(busy.headers.connection, 'close');
      assert.equal(busy.body, '{"message":"The collector is busy, retry shortly"}');
      // Not one byte of the backlog was sent; the server closes the connection rather than wait for it.
      await b.closedByServer();
      await a.write(held.slice(1000));
      assert.equal((await a.nextResponse()).status, 200);
    } finally {
      a.close();
      b.close();
    }
    assert.equal(storedWithTag(collector.current, 'held'), 300);
    assert.equal(storedWithTag(collector.current, 'refused'), 0);
  });

  it('a body declared over the size limit is refused 413 without being asked for', async () => {
    const activity = makeActivity(collector.current.context.db, { name: 'unity too large' });
    const game = await startOk(collector.current.url, activity.trackingCode);
    const connection = await RawConnection.open(port());
    try {
      await connection.write(trackHead(game, BODY_LIMIT + 1));
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
