import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RetentionClock, refusalPruner } from '../../server/diagnostics/refusal-retention.js';
import { startTestCollector } from '../support/collector.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

// The laptop's clock set three weeks ahead by mistake (a typo in the month) while Aula runs, then set right: the hourly
// prune that falls in it must not take refused requests that are not yet 30 days old (the default keeping time).
test('a clock set weeks ahead for a while does not prune refused requests before their 30 days; the keeping time still ends', async () => {
  const start = Date.parse('2026-11-27T09:00:00.000Z');
  let wall = start;
  let monotonic = 0;
  const collector = await startTestCollector({ now: () => wall });
  const { db } = collector.context;
  // The collector's own prune at start (by the clock as it is then) is done before the clock moves.
  await new Promise((resolve) => setTimeout(resolve, 50));
  await collector.context.writer.run(() => undefined);
  const insert = db.prepare(`INSERT INTO rejected_requests (time, route, address, status, message, sample) VALUES (?, 'start', ?, 404, 'unknown code', 'abc123')`);
  insert.run(new Date(start - 29 * DAY).toISOString(), '192.168.1.29');
  insert.run(new Date(start - DAY).toISOString(), '192.168.1.1');
  const kept = () => (db.prepare('SELECT address FROM rejected_requests ORDER BY id').all() as Array<{ address: string }>).map((row) => row.address);
  const prune = refusalPruner(collector.context, new RetentionClock(() => wall, () => monotonic));
  const hourLater = async (wallMs: number) => {
    monotonic += HOUR;
    wall = wallMs;
    await prune();
  };

  await prune();
  assert.deepEqual(kept(), ['192.168.1.29', '192.168.1.1']);
  await hourLater(start + 21 * DAY + HOUR);
  assert.deepEqual(kept(), ['192.168.1.29', '192.168.1.1'], 'the prune while the clock was weeks ahead took nothing');
  await hourLater(start + 2 * HOUR);
  assert.deepEqual(kept(), ['192.168.1.29', '192.168.1.1'], 'set right, nothing is due yet');

  // Two days on (the laptop closed in between: the monotonic clock stopped), the 29-day-old refusal is 31 days old.
  wall = start + 2 * DAY;
  await prune();
  assert.deepEqual(kept(), ['192.168.1.29', '192.168.1.1'], 'just after a sleep, the prune waits an hour');
  await hourLater(start + 2 * DAY + HOUR);
  assert.deepEqual(kept(), ['192.168.1.1'], 'past its 30 days, it goes');
});
