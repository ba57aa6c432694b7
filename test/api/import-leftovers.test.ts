import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
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

test('a second Aula starting on the same folder leaves alone the bundle the first one is importing', async () => {
  const bundle = await bundleOfAClass();
  const dataDir = tempDir();
  const first = await startTestCollector({ dataDir });
  const upload = postHalf(first.url, bundle);
  await until(() => incoming(dataDir).length === 1, 'the first server writes the bundle it receives into imports/');
  const second = await startTestCollector({ dataDir });
  assert.equal(incoming(dataDir).length, 1, 'still there: the first server is receiving it');
  const answer = await upload.finish();
  assert.equal(answer.status, 200, answer.body);
  const report = (JSON.parse(answer.body) as { report: { added: { statements: number } } }).report;
  assert.equal(report.added.statements, 18);
  assert.deepEqual(fs.readdirSync(path.join(dataDir, 'imports')), [], 'the finished import removed its zip and lock');
  await second.close();
  await first.close();
});
