import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';
import { xapiEndpoint, statement as xapiStatement } from './xapi-support.js';

let collector: Collector;

before(async () => {
  collector = await startTestCollector();
});
after(() => collector.close());

function statement(started: StartAnswer, client: number, batch: number, index: number) {
  return {
    actor: started.actor,
    verb: { id: 'http://adlnet.gov/expapi/verbs/progressed' },
    object: {
      id: `${started.objectId}/level/c${client}-b${batch}-i${index}`,
      definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/level' },
    },
    result: { extensions: { 'https://w3id.org/xapi/seriousgames/extensions/progress': (batch + 1) / 10 } },
    timestamp: new Date().toISOString(),
  };
}

describe('ingest under concurrency (issue 8)', () => {
  it('every acknowledged statement is stored exactly once, in order, with counters equal to a recount', async () => {
    const db = collector.context.db;
    const activity = makeActivity(db, { name: 'concurrent' });
    const clients = 40;
    const batches = 10;
    const size = 10;
    const acknowledged = new Set<string>();
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        const started = await startOk(collector.url, activity.trackingCode);
        for (let batch = 0; batch < batches; batch++) {
          const body = Array.from({ length: size }, (_, index) => statement(started, client, batch, index));
          const answer = await track(collector.url, started.authToken, body);
          assert.equal(answer.status, 200, answer.text);
          for (const item of body) acknowledged.add(item.object.id);
        }
      }),
    );
    assert.equal(acknowledged.size, clients * batches * size);

    const rows = db
      .prepare('SELECT object_id AS objectId, session_id AS sessionId, seq FROM statements WHERE activity_id = ? ORDER BY seq')
      .all(activity.id) as Array<{ objectId: string; sessionId: number; seq: number }>;
    assert.equal(rows.length, acknowledged.size);
    assert.deepEqual(new Set(rows.map((row) => row.objectId)), acknowledged);

    // Within a session, storage order is the order the client sent in.
    const lastPerSession = new Map<number, number>();
    for (const row of rows) {
      const [, batch, index] = /-b(\d+)-i(\d+)$/.exec(row.objectId)?.map(Number) ?? [];
      const position = (batch as number) * size + (index as number);
      const previous = lastPerSession.get(row.sessionId) ?? -1;
      assert.ok(position > previous, `session ${row.sessionId}: ${row.objectId} stored after position ${previous}`);
      lastPerSession.set(row.sessionId, position);
    }

    const recount = db
      .prepare(
        `SELECT s.id, s.statements AS counted, (SELECT count(*) FROM statements st WHERE st.session_id = s.id) AS actual,
                s.progress FROM sessions s WHERE s.activity_id = ?`,
      )
      .all(activity.id) as Array<{ counted: number; actual: number; progress: number }>;
    assert.equal(recount.length, clients);
    for (const session of recount) {
      assert.equal(session.counted, session.actual);
      assert.equal(session.progress, 1);
    }
    const counters = db.prepare('SELECT statements, sessions, players FROM activities WHERE id = ?').get(activity.id);
    assert.deepEqual({ ...(counters as object) }, { statements: clients * batches * size, sessions: clients, players: clients });
    const players = db
      .prepare(
        `SELECT count(*) AS wrong FROM players p
         WHERE p.statements != (SELECT count(*) FROM statements st WHERE st.player_id = p.id)`,
      )
      .get() as { wrong: number };
    assert.equal(players.wrong, 0);
  });

  it('counts xAPI batches sent at once as the rows stored, refused batches not at all', async () => {
    const db = collector.context.db;
    const xapi = xapiEndpoint(collector, 'concurrent xAPI');
    const clients = 20;
    const batches = 5;
    const size = 10;
    const takenId = '0b9c4f0e-6a0e-4c7e-9a55-2f1d3c7b8a10';
    const first = await xapi.call('statements', { method: 'POST', body: JSON.stringify([xapiStatement({ id: takenId })]) });
    assert.equal(first.status, 200, first.text);
    const answers = await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        const statuses: number[] = [];
        for (let batch = 0; batch < batches; batch++) {
          const body = Array.from({ length: size }, (_, index) =>
            xapiStatement({
              actor: { objectType: 'Agent', name: `Player ${client}`, mbox: `mailto:player${client}@example.com` },
              object: { objectType: 'Activity', id: `http://example.com/game/c${client}-b${batch}-i${index}` },
            }),
          );
          // Each client's third batch re-uses a stored id with other content: refused whole (409), in the same group
          // commits as the others' batches.
          if (batch === 2) body.push(xapiStatement({ id: takenId, verb: { id: 'http://adlnet.gov/expapi/verbs/failed' } }));
          const answer = await xapi.call('statements', { method: 'POST', body: JSON.stringify(body) });
          statuses.push(answer.status);
        }
        return statuses;
      }),
    );
    const statuses = answers.flat();
    assert.equal(statuses.filter((status) => status === 409).length, clients);
    assert.equal(statuses.filter((status) => status === 200).length, clients * (batches - 1));
    const stored = (db.prepare('SELECT count(*) AS n FROM statements WHERE activity_id = ?').get(xapi.activityId) as { n: number }).n;
    assert.equal(stored, 1 + clients * (batches - 1) * size);
    const counted = db.prepare('SELECT statements FROM activities WHERE id = ?').get(xapi.activityId) as { statements: number };
    assert.equal(counted.statements, stored);
    const sessions = db
      .prepare(
        `SELECT count(*) AS wrong FROM sessions s
         WHERE s.activity_id = ? AND s.statements != (SELECT count(*) FROM statements st WHERE st.session_id = s.id)`,
      )
      .get(xapi.activityId) as { wrong: number };
    assert.equal(sessions.wrong, 0);
  });

  it('refuses with 503 and Retry-After when more is queued than the limit, and stores nothing of the refused batch', async () => {
    const small = await startTestCollector({ config: { ingestQueueLimit: 5 } });
    try {
      const activity = makeActivity(small.context.db, { name: 'tiny queue' });
      const started = await startOk(small.url, activity.trackingCode);
      const body = (batch: number) => Array.from({ length: 4 }, (_, index) => statement(started, 0, batch, index));
      const answers = await Promise.all(Array.from({ length: 20 }, (_, batch) => track(small.url, started.authToken, body(batch))));
      const ok = answers.filter((answer) => answer.status === 200).length;
      const busy = answers.filter((answer) => answer.status === 503);
      assert.equal(ok + busy.length, 20);
      assert.ok(busy.length > 0, 'some batches should have been refused');
      for (const answer of busy) {
        assert.equal(answer.headers.get('retry-after'), '1');
        assert.equal(answer.text, '{"message":"The collector is busy, retry shortly"}');
      }
      const stored = small.context.db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number };
      assert.equal(stored.n, ok * 4);
    } finally {
      await small.close();
    }
  });
});
