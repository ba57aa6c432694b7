import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk, statementS, track } from '../support/rage.js';

const run = promisify(execFile);
const DRIVER = path.resolve(import.meta.dirname, 'drive-oversized.cjs');

/** What js-tracker's HTTP client reads back for one track request of that many megabytes. */
async function sendOversized(url: string, authToken: string, megabytes: number): Promise<{ status?: number; body?: string; error?: string }> {
  const { stdout } = await run(process.execPath, [DRIVER, url, authToken, String(megabytes)], { timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) as string);
}

/**
 * A batch over the 8 MB limit, as js-tracker sends everything it kept offline in one request: its HTTP client writes
 * the whole body before it reads, so the game is told 413 "Request body is too large" (README's table), not a broken
 * pipe its developer cannot explain.
 */
describe('js-tracker sending a batch over the size limit', () => {
  let collector: Collector;

  before(async () => {
    collector = await startTestCollector({ config: { mdns: false } });
  });
  after(() => collector?.close());

  test('gets 413 with the message, nothing is stored, and the next batch gets in', async () => {
    const { trackingCode } = makeActivity(collector.context.db, { name: 'Fractions' });
    const { authToken, actor } = await startOk(collector.url, trackingCode);
    const url = `${collector.url}/api/proxy/gleaner/collector/track`;
    for (let attempt = 0; attempt < 3; attempt++) {
      assert.deepEqual(await sendOversized(url, authToken, 16), { status: 413, body: '{"message":"Request body is too large"}' });
    }
    const stored = collector.context.db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number };
    assert.equal(stored.n, 0);
    assert.equal((await track(collector.url, authToken, [statementS(actor)])).status, 200);
  });
});
