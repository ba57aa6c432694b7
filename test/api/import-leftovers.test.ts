import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { claimIncomingBundle } from '../../server/import/incoming-bundles.js';
import { startTestCollector } from '../support/collector.js';
import { startServe } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';
import { seedClassroom } from './export-support.js';

const incoming = (dataDir: string): string[] => {
  try {
    return fs.readdirSync(path.join(dataDir, 'imports')).filter((name) => name.endsWith('.zip'));
  } catch {
    return [];
  }
};

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  assert.ok(condition(), what);
}

/**
 * Starts posting `bundle` to the dashboard's import, sends its first half and stops there, as a slow network would:
 * the server is then writing it to `imports/incoming-….zip`. `finish()` sends the rest and returns the answer.
 */
function postHalf(url: string, bundle: Buffer): { finish(): Promise<{ status: number; body: string }>; abort(): void } {
  const request = http.request(`${url}/admin/api/data/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/zip', 'Content-Length': bundle.length },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
  answer.catch(() => {});
  const half = Math.floor(bundle.length / 2);
  request.write(bundle.subarray(0, half));
  return {
    finish: () => {
      request.end(bundle.subarray(half));
      return answer;
    },
    abort: () => request.destroy(),
  };
}

async function bundleOfAClass(): Promise<Buffer> {
  const other = await startTestCollector();
  await seedClassroom(other);
  const response = await fetch(`${other.url}/admin/api/data/export?format=zip`);
  const bundle = Buffer.from(await response.arrayBuffer());
  await other.close();
  return bundle;
}

test('a server killed in the middle of an import leaves no zip behind once it starts again', async () => {
  const bundle = await bundleOfAClass();
  const dataDir = tempDir();
  const first = await startServe(dataDir);
  const upload = postHalf(first.url, bundle);
  await until(() => incoming(dataDir).length === 1, 'the server writes the bundle it receives into imports/');
  assert.equal(await first.stop('SIGKILL'), null);
  upload.abort();
  assert.equal(incoming(dataDir).length, 1, 'the killed server could not delete it');

  const second = await startServe(dataDir);
  try {
    assert.deepEqual(fs.readdirSync(path.join(dataDir, 'imports')), [], 'the next start removed the leftover (and its lock)');
    // The data folder itself is as it was: nothing was imported, everything else stays.
    const overview = (await (await fetch(`${second.url}/admin/api/overview`)).json()) as { statements: number };
    assert.equal(overview.statements, 0);
  } finally {
    await second.stop();
  }
});

test('a bundle an import is still receiving is left alone at start-up; only the abandoned ones go', async () => {
  const dataDir = tempDir();
  const folder = path.join(dataDir, 'imports');
  // One held as a running import holds it (its lock taken, from this process here), one a killed server left.
  const inUse = claimIncomingBundle(folder);
  fs.writeFileSync(inUse.file, 'half a bundle');
  fs.writeFileSync(path.join(folder, 'incoming-0b6c7a52-5d1e-4c8e-9a57-2f1d8c3e4b6a.zip'), 'left by a killed server');
  const collector = await startTestCollector({ dataDir });
  assert.deepEqual(incoming(dataDir), [path.basename(inUse.file)]);
  inUse.release();
  assert.deepEqual(fs.readdirSync(folder), [], 'the import that ends removes its zip and its lock');

  // And a whole import through the dashboard leaves nothing behind.
  const bundle = await bundleOfAClass();
  const upload = postHalf(collector.url, bundle);
  await until(() => incoming(dataDir).length === 1, 'the server writes the bundle it receives into imports/');
  const answer = await upload.finish();
  assert.equal(answer.status, 200, answer.body);
  assert.equal((JSON.parse(answer.body) as { report: { added: { statements: number } } }).report.added.statements, 18);
  assert.deepEqual(fs.readdirSync(folder), []);
  await collector.close();
});
