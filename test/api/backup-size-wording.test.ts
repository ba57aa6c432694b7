import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatByteSize as dashboardSize } from '../../renderer/src/format/byte-size.js';
import { formatByteSize as cliSize } from '../../server/util/byte-size.js';
import { startTestCollector } from '../support/collector.js';
import { adminApi } from '../support/http.js';
import { runAula } from '../support/run-aula.js';

test('a backup reads the same size in Settings and in aula backup list: "408 KB" in both, not "408 KiB" in the terminal', async () => {
  const collector = await startTestCollector();
  const made = await adminApi(collector.url, '/backups', {});
  assert.equal(made.status, 201, made.text);
  const { name, bytes } = (made.json as { backup: { name: string; bytes: number } }).backup;
  const dataDir = collector.config.dataDir;
  await collector.close();

  const list = await runAula(['backup', 'list', '--data-dir', dataDir]);
  assert.equal(list.code, 0, list.stderr);
  assert.match(dashboardSize(bytes), /^\d+ KB$/);
  assert.ok(list.stdout.includes(`${name}  ${dashboardSize(bytes)}`), list.stdout);
  assert.doesNotMatch(list.stdout, /KiB|MiB/);
});

test('the dashboard and the CLI format every size alike, and the unit is a plain KB, MB or GB', () => {
  const sizes = [0, 1, 511, 1024, 417_792, 1024 * 1024 - 1, 1024 * 1024, 12_900_000, 1024 ** 3 - 1, 1024 ** 3, 5.5 * 1024 ** 3];
  for (const bytes of sizes) assert.equal(cliSize(bytes), dashboardSize(bytes), `${bytes} bytes`);
  assert.deepEqual([417_792, 12_900_000, 5.5 * 1024 ** 3].map(dashboardSize), ['408 KB', '12.3 MB', '5.5 GB']);
});
