import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { diagnosticItems } from '../support/diagnostic-items.js';
import { postJsonFrom } from '../support/from-address.js';

// On a collector serving IPv4 and IPv6 (host ::) an IPv4 device arrives as ::ffff:a.b.c.d. Diagnostics show it as
// a.b.c.d, and one device's refusals with the same reason are one line, counted: they were a line per refusal, as the
// line kept the shown address and the next refusal was compared by the address it came from.
test('an IPv4 device on a dual-stack collector: its refusals for one reason are one line', async () => {
  const collector = await startTestCollector({ config: { host: '::', mdns: false } });
  try {
    const device = '127.0.0.3';
    // Three different batches with a token Aula never gave: three rows, one reason, one device.
    for (const n of [1, 2, 3]) {
      const answer = await postJsonFrom(device, collector.port, '/api/collector/track', [{ verb: { id: `http://example.com/v${n}` } }], {
        Authorization: 'notATokenOfThisAula',
      });
      assert.equal(answer.status, 401, answer.text);
    }
    const items = await diagnosticItems(collector, 'unknown-token');
    assert.deepEqual(
      items.map((item) => [item.address, item.count]),
      [[device, 3]],
    );
  } finally {
    await collector.close();
  }
});
