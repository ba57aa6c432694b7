import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { createActivity } from '../../server/store/activities-repo.js';
import { startTestCollector } from '../support/collector.js';
import { startOk, track } from '../support/rage.js';
import { ROOT } from '../support/serve-process.js';
import { gameStatements, seedClassroom } from './export-support.js';

const AULA = path.join(ROOT, 'bin', 'aula.js');
const noDevFull = !fs.existsSync('/dev/full') && 'needs /dev/full (Linux) to stand for a full disk';

/** `aula export …` with its standard output on /dev/full, which fails every write as a full disk does. */
function exportIntoFullDisk(dataDir: string, format: string): Promise<{ code: number | null; stderr: string }> {
  const full = fs.openSync('/dev/full', 'w');
  const child = spawn(process.execPath, [AULA, 'export', '--format', format, '--data-dir', dataDir], { cwd: ROOT, stdio: ['ignore', full, 'pipe'] });
  fs.closeSync(full);
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

test('aula export > file on a full disk says so in one line and exits 1, in every format', { skip: noDevFull }, async () => {
  const collector = await startTestCollector();
  await seedClassroom(collector);
  const dataDir = collector.config.dataDir;
  await collector.close();
  for (const format of ['csv', 'ndjson', 'zip']) {
    const run = await exportIntoFullDisk(dataDir, format);
    assert.equal(run.code, 1, `${format}: ${run.stderr}`);
    const lines = run.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('Exporting '));
    assert.deepEqual(lines, ['aula: Could not write standard output: ENOSPC: no space left on device, write. The export is incomplete.'], format);
  }
});

test('a zip download cancelled in the browser stops the export and lets go of its snapshot of the database', async () => {
  const collector = await startTestCollector();
  const activity = createActivity(collector.context.db, { name: 'Large class', game: 'Quest' });
  // Enough statements that the zip is still being written when the browser goes away.
  const started = await startOk(collector.url, activity.trackingCode);
  for (let i = 0; i < 30; i++) {
    const answer = await track(collector.url, started.authToken, gameStatements(started, 1000, { context: { extensions: { batch: i } } }));
    assert.equal(answer.status, 200, answer.text);
  }
  await new Promise<void>((resolve, reject) => {
    const request = http.get(`${collector.url}/admin/api/data/export?format=zip&progress=cancelled`, (response) => {
      response.once('data', () => {
        request.destroy();
        resolve();
      });
    });
    request.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(error)));
  });
  let progress: { finished: boolean; failed: boolean; done: number; total: number } | undefined;
  for (let i = 0; i < 200; i++) {
    progress = (await (await fetch(`${collector.url}/admin/api/data/export/progress/cancelled`)).json()) as typeof progress;
    if (progress?.finished) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal(progress?.finished, true, `the export stopped: ${JSON.stringify(progress)}`);
  assert.equal(progress?.failed, true);
  assert.ok((progress?.done ?? 0) < (progress?.total ?? 0), 'it stopped before the end');
  // No read transaction is left open: the WAL can be checkpointed entirely.
  const [checkpoint] = collector.context.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  assert.equal(checkpoint?.busy, 0);
  await collector.close();
});
