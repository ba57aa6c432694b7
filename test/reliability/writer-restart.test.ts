import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Worker } from 'node:worker_threads';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { type StartAnswer, startOk, track } from '../support/rage.js';

/** Fault injection: the writer thread dies as it would from a native crash or running out of memory. */
async function killWriterThread(collector: Collector): Promise<void> {
  const { worker } = collector.context.ingest as unknown as { worker: Worker };
  await worker.terminate();
}

function batch(started: StartAnswer, serial: number) {
  return Array.from({ length: 5 }, (_, index) => ({
    actor: started.actor,
    verb: { id: 'http://adlnet.gov/expapi/verbs/progressed' },
    object: { id: `${started.objectId}/level/s${serial}-i${index}`, definition: { type: 'https://w3id.org/xapi/seriousgames/activity-types/level' } },
    timestamp: new Date().toISOString(),
  }));
}

const stored = (collector: Collector) => (collector.context.db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n;

test('when the writer thread dies a new one takes over: games keep sending, nothing acknowledged is lost', async () => {
  const collector = await startTestCollector();
  const activity = makeActivity(collector.context.db, { name: 'Restart' });
  const started = await startOk(collector.url, activity.trackingCode);
  assert.equal((await track(collector.url, started.authToken, batch(started, 0))).status, 200);

  await killWriterThread(collector);
  const answers = await Promise.all([1, 2, 3].map((serial) => track(collector.url, started.authToken, batch(started, serial))));
  assert.deepEqual(answers.map((answer) => answer.status), [200, 200, 200]);
  assert.equal(stored(collector), 20, 'every acknowledged batch is stored');
  const another = await startOk(collector.url, activity.trackingCode);
  assert.equal(another.session, 1);
  assert.equal((await request(`${collector.url}/health`)).status, 200);
});

test('a writer thread that keeps dying is not restarted forever: /health and the dashboard say Aula must be restarted', async () => {
  const collector = await startTestCollector();
  const activity = makeActivity(collector.context.db, { name: 'Broken' });
  const started = await startOk(collector.url, activity.trackingCode);
  for (let i = 0; i < 4; i++) {
    await killWriterThread(collector);
    // The next request waits for the new thread, which is then killed again.
    await track(collector.url, started.authToken, batch(started, i));
  }
  const health = await request(`${collector.url}/health`);
  assert.equal(health.status, 503);
  assert.match((health.json as { message: string }).message, /cannot store traces any more: its writer thread stopped.*Quit and start Aula again/);
  const refused = await track(collector.url, started.authToken, batch(started, 9));
  assert.equal(refused.status, 500);
  assert.equal(refused.text, '{"message":"Internal server error"}');
});
