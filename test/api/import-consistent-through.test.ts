import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { exportOptionsSchema } from '../../server/export/export-options.js';
import { exportToFile } from '../../server/export/export-to.js';
import { databaseFile } from '../../server/store/open-database.js';
import { activeXapiCredential } from '../../server/store/xapi-credentials-repo.js';
import { startTestCollector } from '../support/collector.js';
import { request } from '../support/http.js';
import { tempDir } from '../support/temp-dir.js';
import { statement, xapiEndpoint } from './xapi-support.js';

const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;

// The dashboard's import stamps a chunk's `stored_here` before its transaction gets the database, on a connection of its
// own: while that transaction waits (aula import or a backup beside it holds the lock), the Consistent-Through header must
// not promise a time after that stamp, or a client syncing with `since` set to it never sees the chunk.
test('a Consistent-Through given while an import chunk waits for the database still lets `since` find that chunk', async () => {
  const laptopA = await startTestCollector();
  const quiz = xapiEndpoint(laptopA, 'Quiz from A');
  const posted = await quiz.call('statements', { method: 'POST', body: JSON.stringify([statement(), statement(), statement()]) });
  assert.equal(posted.status, 200, posted.text);
  const bundle = path.join(tempDir('aula-bundle-'), 'laptop-a.zip');
  await exportToFile(laptopA.config.dataDir, laptopA.context.homePage, exportOptionsSchema.parse({ format: 'zip' }), bundle, undefined);
  await laptopA.close();

  const here = await startTestCollector();
  const reader = xapiEndpoint(here, 'Here');
  // The second stamp is the statements' chunk (the first, the tables'): as it is taken, another connection holds the lock.
  const clock = here.context.storedClock;
  const iso = clock.iso.bind(clock);
  let stamps = 0;
  let lock: Database.Database | undefined;
  let locked: () => void = () => {};
  const chunkWaits = new Promise<void>((resolve) => {
    locked = resolve;
  });
  clock.iso = (wallMs?: number) => {
    const stamp = iso(wallMs);
    if (++stamps === 2) {
      lock = new Database(databaseFile(here.config.dataDir));
      lock.exec('BEGIN IMMEDIATE');
      locked();
    }
    return stamp;
  };
  const importing = request(`${here.url}/admin/api/data/import`, { method: 'POST', headers: { 'Content-Type': 'application/zip' }, body: fs.readFileSync(bundle) });
  await chunkWaits;
  await new Promise((resolve) => setTimeout(resolve, 50));
  const promised = await reader.call('statements?limit=1');
  assert.equal(promised.status, 200, promised.text);
  const through = promised.headers.get('x-experience-api-consistent-through');
  assert.ok(through);
  lock?.exec('ROLLBACK');
  lock?.close();
  const imported = await importing;
  assert.equal(imported.status, 200, imported.text);

  const activity = here.context.db.prepare("SELECT id FROM activities WHERE name = 'Quiz from A'").get() as { id: string };
  const credential = activeXapiCredential(here.context.db, activity.id);
  assert.ok(credential);
  const since = await request(`${here.url}/xapi/statements?since=${encodeURIComponent(through)}`, {
    headers: { 'X-Experience-API-Version': '1.0.3', Authorization: basic(credential.key, credential.secret) },
  });
  assert.equal(since.status, 200, since.text);
  assert.equal((since.json as { statements: unknown[] }).statements.length, 3, `since ${through}: ${since.text.slice(0, 300)}`);
  await here.close();
});
