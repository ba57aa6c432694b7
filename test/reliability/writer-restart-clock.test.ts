import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Worker } from 'node:worker_threads';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { request } from '../support/http.js';
import { startOk, statementS, track } from '../support/rage.js';

const realNow = Date.now.bind(Date);
/** The laptop's clock, moved forward by the test (NTP correcting it while the writer kept crashing). */
let ahead = 0;
Date.now = () => realNow() + ahead;
after(() => {
  Date.now = realNow;
});

test("a writer thread that keeps dying is given up on even when the laptop's clock jumps forward between its crashes", async () => {
  const collector = await startTestCollector();
  const activity = makeActivity(collector.context.db, { name: 'Broken' });
  const started = await startOk(collector.url, activity.trackingCode);
  for (let i = 0; i < 4; i++) {
    // The clock moves on by a minute: by it, each thread lived long enough to count as a fresh start.
    ahead += 60_000;
    const { worker } = collector.context.ingest as unknown as { worker: Worker };
    await worker.terminate();
    await track(collector.url, started.authToken, [{ ...statementS(started.actor), id: undefined }]);
  }
  const health = await request(`${collector.url}/health`);
  assert.equal(health.status, 503, 'four crashes within seconds: Aula says it must be restarted rather than restart the writer forever');
  assert.match((health.json as { message: string }).message, /cannot store traces any more: its writer thread stopped/);
});
