import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Messages } from '../../server/collector/messages.js';
import type { Collector } from '../../server/index.js';
import { startTestCollector } from '../support/collector.js';
import { diagnosticItems } from '../support/diagnostic-items.js';
import { makeActivity } from '../support/fixtures.js';
import { start } from '../support/rage.js';

/**
 * Starts refused for a reason other than the code or the activity (a login token that is not this Aula's, a playerId
 * it does not know, a malformed body) are listed under Other each with what the game was told, and the activity: a
 * developer trying things sees which mistake it was.
 */
describe('diagnostics: starts refused for the game\'s Authorization or body', () => {
  let collector: Collector;

  before(async () => {
    collector = await startTestCollector({ config: { mdns: false } });
  });
  after(() => collector?.close());

  const others = () => diagnosticItems(collector, 'other');

  test('each reason is its own line, with the message the game got and the activity', async () => {
    const { trackingCode } = makeActivity(collector.context.db, { name: 'Fractions' });
    const foreignToken = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbmEifQ.c2lnbmF0dXJl';
    assert.equal((await start(collector.url, trackingCode, { headers: { Authorization: `Bearer ${foreignToken}` } })).status, 400);
    assert.equal((await start(collector.url, trackingCode, { body: { anonymous: 'fromAnotherLaptop' } })).status, 404);
    assert.equal((await start(collector.url, trackingCode, { body: { anonymous: 12 } })).status, 400);
    const items = await others();
    const details = items.map((item) => item.detail).sort();
    assert.deepEqual(details, [Messages.bearer, Messages.noAnonymous('fromAnotherLaptop'), Messages.anonymousType].sort());
    for (const item of items) assert.equal(item.activity, 'Fractions', item.detail);
  });
});
