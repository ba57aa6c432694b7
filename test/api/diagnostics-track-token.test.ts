import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { diagnosticItems } from '../support/diagnostic-items.js';
import { makeActivity } from '../support/fixtures.js';
import { postJson, } from '../support/http.js';
import { startOk, statementS } from '../support/rage.js';

/**
 * A track without any Authorization (a game tracking before its start, or not sending the start's authToken) is told
 * apart on the Diagnostics screen from a track with a token Aula does not know (a session started elsewhere or
 * erased), which restarting the game fixes; both games still get 401 M-TOKEN.
 */
describe('diagnostics: traces without an authToken and with an unknown one', () => {
  let collector: Collector;

  before(async () => {
    collector = await startTestCollector({ config: { mdns: false } });
  });
  after(() => collector?.close());

  const unknownToken = () => diagnosticItems(collector, 'unknown-token');

  test('each is its own line, and the game gets the contract answer', async () => {
    const { trackingCode } = makeActivity(collector.context.db, { name: 'Fractions' });
    const { actor } = await startOk(collector.url, trackingCode);
    const batch = [statementS(actor)];
    const withoutToken = await postJson(`${collector.url}/api/proxy/gleaner/collector/track`, batch);
    assert.equal(withoutToken.status, 401);
    assert.equal(withoutToken.text, '{"message":"Unknown or missing authToken"}');
    // java-tracker's track when it could not read its start's answer (real-clients.md §3): listed with the one above.
    const nullToken = await postJson(`${collector.url}/api/proxy/gleaner/collector/track`, batch, { Authorization: 'null' });
    assert.equal(nullToken.status, 401);
    const foreign = await postJson(`${collector.url}/api/proxy/gleaner/collector/track`, batch, { Authorization: 'fromAnotherLaptop123' });
    assert.equal(foreign.status, 401);
    assert.equal(foreign.text, '{"message":"Unknown or missing authToken"}');
    const items = await unknownToken();
    const details = items.map((item) => item.detail).sort();
    assert.deepEqual(details, ['No authToken: traces sent without the authToken of a start (no Authorization header, or null)', 'Unknown or missing authToken']);
    assert.equal(items.find((item) => item.detail.startsWith('No authToken'))?.count, 2);
  });
});
