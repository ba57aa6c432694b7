import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Collector } from '../../server/index.js';
import { statement, xapiEndpoint } from '../api/xapi-support.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';

let collector: Collector;
const events: boolean[] = [];

before(async () => {
  collector = await startTestCollector();
  collector.context.bus.on('storage.changed', ({ full }) => events.push(full));
});
after(() => collector.close());

function batch(started: StartAnswer, serial: number) {
  return Array.from({ length: 50 }, (_, index) => ({
    actor: started.actor,
    verb: { id: 'http://adlnet.gov/expapi/verbs/progressed' },
    object: { id: `${started.objectId}/level/s${serial}-i${index}`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/level' } },
    result: { extensions: { filler: 'x'.repeat(400) } },
    timestamp: new Date().toISOString(),
  }));
}

function count(sql: string, ...params: string[]): number {
  return (collector.context.db.prepare(sql).get(...params) as { n: number }).n;
}

describe('a full disk (issue 9, simulated with max_page_count)', () => {
  it('answers 503 with a clear message, stores nothing partial, warns, and resumes by itself when space is back', async () => {
    const activity = makeActivity(collector.context.db, { name: 'full' });
    const started = await startOk(collector.url, activity.trackingCode);
    const pages = collector.context.db.pragma('page_count', { simple: true }) as number;
    collector.context.ingest.setMaxPages(pages + 20);

    let refused: Awaited<ReturnType<typeof track>> | undefined;
    let serial = 0;
    while (!refused && serial < 200) {
      const answer = await track(collector.url, started.authToken, batch(started, serial++));
      if (answer.status !== 200) refused = answer;
    }
    assert.ok(refused, 'the cap should have been reached');
    assert.equal(refused.status, 503);
    assert.equal(refused.text, '{"message":"The collector cannot store more data: its disk is full"}');
    assert.equal(refused.headers.get('retry-after'), '30');

    const stored = count('SELECT count(*) AS n FROM statements');
    assert.equal(stored % 50, 0, 'whole batches only');
    assert.equal(count('SELECT statements AS n FROM activities WHERE id = ?', activity.id), stored);
    assert.equal((await request(`${collector.url}/health`)).status, 503);
    assert.deepEqual(events, [true]);

    // Space is back: the very next batch lands, with no restart.
    collector.context.ingest.setMaxPages(1_000_000);
    const resumed = await track(collector.url, started.authToken, batch(started, serial++));
    assert.equal(resumed.status, 200);
    assert.equal(count('SELECT count(*) AS n FROM statements'), stored + 50);
    assert.equal((await request(`${collector.url}/health`)).status, 200);
    assert.deepEqual(events, [true, false]);
  });

  it('refuses an xAPI batch the same way: 503 with the message, nothing of the batch kept, and takes it once space is back', async () => {
    const xapi = xapiEndpoint(collector, 'full xapi');
    const filler = 'x'.repeat(400);
    const xapiBatch = (serial: number) =>
      JSON.stringify(
        Array.from({ length: 50 }, (_, index) =>
          statement({ object: { objectType: 'Activity', id: `http://example.com/game/s${serial}-i${index}` }, result: { response: filler } }),
        ),
      );
    const pages = collector.context.db.pragma('page_count', { simple: true }) as number;
    collector.context.ingest.setMaxPages(pages + 20);
    let refused: Awaited<ReturnType<typeof xapi.call>> | undefined;
    let serial = 0;
    while (!refused && serial < 200) {
      const answer = await xapi.call('statements', { method: 'POST', body: xapiBatch(serial++) });
      if (answer.status !== 200) refused = answer;
    }
    assert.ok(refused, 'the cap should have been reached');
    assert.equal(refused.status, 503);
    assert.deepEqual(JSON.parse(refused.text), { message: 'The collector cannot store more data: its disk is full' });
    assert.equal(refused.headers.get('retry-after'), '30');
    const stored = count('SELECT count(*) AS n FROM statements WHERE activity_id = ?', xapi.activityId);
    assert.equal(stored % 50, 0, 'whole batches only');
    assert.equal((await request(`${collector.url}/health`)).status, 503);

    collector.context.ingest.setMaxPages(1_000_000);
    const resumed = await xapi.call('statements', { method: 'POST', body: xapiBatch(serial++) });
    assert.equal(resumed.status, 200);
    assert.equal((JSON.parse(resumed.text) as string[]).length, 50);
    assert.equal(count('SELECT count(*) AS n FROM statements WHERE activity_id = ?', xapi.activityId), stored + 50);
    assert.equal((await request(`${collector.url}/health`)).status, 200);
  });
});
