import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BusyRefusals } from '../../server/collector/busy-refusals.js';

const MINUTE = 60_000;

describe('BusyRefusals', () => {
  it('counts per address, newest first, and forgets an address refused over an hour ago', () => {
    const refusals = new BusyRefusals();
    refusals.record('::ffff:192.168.1.20', 0);
    refusals.record('192.168.1.21', 10 * MINUTE);
    refusals.record('192.168.1.20', 20 * MINUTE);
    assert.deepEqual(refusals.recent(30 * MINUTE), [
      { address: '192.168.1.20', count: 2, last: 20 * MINUTE },
      { address: '192.168.1.21', count: 1, last: 10 * MINUTE },
    ]);
    assert.deepEqual(
      refusals.recent(75 * MINUTE).map((entry) => entry.address),
      ['192.168.1.20'],
    );
    // Refused again after a quiet hour: counted afresh.
    refusals.record('192.168.1.21', 90 * MINUTE);
    assert.equal(refusals.recent(90 * MINUTE)[0]?.count, 1);
  });

  it('keeps at most 1,000 addresses, forgetting the one refused longest ago', () => {
    const refusals = new BusyRefusals();
    for (let index = 0; index <= 1000; index++) refusals.record(`10.0.${Math.floor(index / 256)}.${index % 256}`, index);
    const recent = refusals.recent(2000);
    assert.equal(recent.length, 1000);
    assert.equal(recent.at(-1)?.address, '10.0.0.1');
  });

  it('shows nothing once cleared', () => {
    const refusals = new BusyRefusals();
    refusals.record(undefined, 0);
    assert.equal(refusals.recent(0)[0]?.address, 'unknown');
    refusals.clear();
    assert.deepEqual(refusals.recent(0), []);
  });
});
