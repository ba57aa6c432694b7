import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Collector } from '../../server/index.js';
import { createActivity } from '../../server/store/activities-repo.js';
import { startTestCollector } from '../support/collector.js';
import { request } from '../support/http.js';
import { startOk, track } from '../support/rage.js';
import { aulaWithInput } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';
import { gameStatements } from './export-support.js';

const STATEMENTS = 10_000;

/** Another laptop's bundle of a class that played a lot: 10 players × 1,000 statements. */
async function largeBundle(): Promise<Buffer> {
  const other = await startTestCollector();
  const activity = createActivity(other.context.db, { name: 'Long lesson', game: 'Quest' });
  for (let player = 0; player < 10; player++) {
    const started = await startOk(other.url, activity.trackingCode);
    const answer = await track(other.url, started.authToken, gameStatements(started, 1000, { context: { extensions: { filler: 'x'.repeat(500) } } }));
    assert.equal(answer.status, 200, answer.text);
  }
  const bundle = Buffer.from(await (await fetch(`${other.url}/admin/api/data/export?format=zip`)).arrayBuffer());
  await other.close();
  return bundle;
}

const count = (collector: Collector, sql: string) => (collector.context.db.prepare(sql).get() as { n: number }).n;

test('Data → Import on a full disk stops with 507 and what to do; what it imported is consistent, and the same bundle completes it later', async () => {
  const bundle = await largeBundle();
  const laptop = await startTestCollector();
  // Room for the tables and about one chunk of statements, as SQLite's max_page_count (the full-disk tests' way).
  const pages = laptop.context.db.pragma('page_count', { simple: true }) as number;
  laptop.context.db.pragma(`max_page_count = ${pages + 2500}`);
  const importZip = () =>
    request(`${laptop.url}/admin/api/data/import`, { method: 'POST', headers: { 'Content-Type': 'application/zip' }, body: new Uint8Array(bundle) });

  const full = await importZip();
  assert.equal(full.status, 507, full.text);
  const { error } = full.json as { error: { reason: string; message: string } };
  assert.equal(error.reason, 'disk-full');
  assert.match(
    error.message,
    /^The disk is full: the import stopped after [\d,]+ of 10,000 statements\. What was imported is kept and consistent; free some space and import the same bundle again to add the rest\.$/,
  );
  const kept = count(laptop, 'SELECT count(*) AS n FROM statements');
  assert.ok(kept < STATEMENTS);
  assert.equal(count(laptop, 'SELECT coalesce(sum(statements), 0) AS n FROM activities'), kept, 'the counters match what is stored');

  laptop.context.db.pragma('max_page_count = 1073741823');
  const again = await importZip();
  assert.equal(again.status, 200, again.text);
  assert.equal((again.json as { report: { added: { statements: number } } }).report.added.statements, STATEMENTS - kept);
  assert.equal(count(laptop, 'SELECT count(*) AS n FROM statements'), STATEMENTS);
  assert.equal(count(laptop, 'SELECT coalesce(sum(statements), 0) AS n FROM activities'), STATEMENTS);
  await laptop.close();
});

/** A small file system of its own (tmpfs), where the test may mount one (root on Linux). */
function smallDisk(megabytes: number): { dir: string; unmount: () => void } | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const dir = tempDir('aula-small-disk-');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir]);
  if (mounted.status !== 0) return undefined;
  return { dir, unmount: () => spawnSync('umount', [dir]) };
}

test('aula import on a full disk says so in one line: kept and resumable in a data folder, nothing set up in a new one', async (t) => {
  const disk = smallDisk(6);
  if (!disk) return t.skip('needs to mount a small tmpfs (root on Linux)');
  try {
    const file = path.join(tempDir(), 'lesson.zip');
    fs.writeFileSync(file, await largeBundle());

    const fresh = path.join(disk.dir, 'new-laptop');
    const refused = await aulaWithInput(['import', file, '--data-dir', fresh]);
    assert.equal(refused.code, 1);
    assert.deepEqual(
      refused.stderr.split('\n').filter((line) => line !== '' && !/^(Verifying|Importing) /.test(line)),
      [`aula: ${file} was not imported: the disk is full. Free some space and import it again.`, `(${fresh} held no Aula database; none was set up there.)`],
    );
    assert.equal(fs.existsSync(fresh), false);

    const existing = path.join(disk.dir, 'laptop');
    assert.equal((await aulaWithInput(['activity', 'create', '--name', 'Maths', '--data-dir', existing])).code, 0);
    const stopped = await aulaWithInput(['import', file, '--data-dir', existing]);
    assert.equal(stopped.code, 1);
    assert.match(stopped.stderr, /\naula: .*lesson\.zip: The disk is full: the import stopped after [\d,]+ of 10,000 statements\. What was imported is kept and consistent; free some space and import the same bundle again to add the rest\.\n$/);
  } finally {
    disk.unmount();
  }
});
