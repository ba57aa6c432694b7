import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serveConfig } from '../../server/cli/serve-config.js';
import { configFromEnv, parseConfig } from '../../server/config.js';
import { openDatabase } from '../../server/store/open-database.js';
import { startTestCollector } from '../support/collector.js';
import { tempDir } from '../support/temp-dir.js';

const DAY = 24 * 60 * 60 * 1000;

/** A data folder whose refused requests were recorded these many days ago (the device's address with each). */
function folderWithRefusals(daysAgo: number[], nowMs: number): string {
  const dataDir = tempDir();
  const db = openDatabase(dataDir, { create: true });
  const insert = db.prepare(`INSERT INTO rejected_requests (time, route, address, status, message, sample) VALUES (?, 'start', ?, 404, 'unknown code', 'abc123')`);
  for (const [i, days] of daysAgo.entries()) insert.run(new Date(nowMs - days * DAY).toISOString(), `192.168.1.${i + 10}`);
  db.close();
  return dataDir;
}

async function addressesKept(dataDir: string, config: Parameters<typeof startTestCollector>[0] = {}): Promise<string[]> {
  const collector = await startTestCollector({ dataDir, ...config });
  const read = () => (collector.context.db.prepare('SELECT address FROM rejected_requests ORDER BY id').all() as Array<{ address: string }>).map((r) => r.address);
  // Pruned by the writer once the collector listens: wait for that one write (or 2 s, when nothing is to go).
  const before = read().length;
  for (let i = 0; i < 100 && read().length === before; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  const kept = read();
  await collector.close();
  return kept;
}

test('refused requests older than 30 days (the default) are removed when the collector starts; newer ones stay', async () => {
  const now = Date.now();
  const dataDir = folderWithRefusals([45, 31, 29, 1], now);
  assert.deepEqual(await addressesKept(dataDir), ['192.168.1.12', '192.168.1.13']);
});

test('AULA_REFUSALS_KEPT_DAYS keeps them for fewer days (or more); a wrong value is refused naming the variable', async () => {
  const now = Date.now();
  assert.equal(parseConfig({ dataDir: 'x', ...configFromEnv({ AULA_REFUSALS_KEPT_DAYS: '7' }) }).refusalsKeptDays, 7);
  assert.equal(parseConfig({ dataDir: 'x' }).refusalsKeptDays, 30);
  const dataDir = folderWithRefusals([10, 3, 0.5], now);
  assert.deepEqual(await addressesKept(dataDir, { config: { refusalsKeptDays: 2 } }), ['192.168.1.12']);
  assert.throws(
    () => serveConfig({ dataDir: tempDir() }, { AULA_REFUSALS_KEPT_DAYS: 'forever' }),
    /AULA_REFUSALS_KEPT_DAYS must be a number of days above 0, at most 3650, not "forever"/,
  );
});
