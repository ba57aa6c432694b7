import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { ROOT } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * Another process holds the data folder's collector.lock for `ms`, as `aula activity show` does for a moment to see
 * whether a collector runs there; resolves once it holds it.
 */
function holdLockBriefly(dataDir: string, ms: number): Promise<void> {
  const script = `
    const Database = require('better-sqlite3');
    const lock = new Database(${JSON.stringify(path.join(dataDir, 'collector.lock'))}, { timeout: 0 });
    lock.exec('BEGIN EXCLUSIVE');
    process.stdout.write('held\\n');
    setTimeout(() => lock.close(), ${ms});`;
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the lock holder exited with ${code} before holding it`)));
  });
}

// `aula activity show` looks whether a collector runs on the folder by taking its lock for a moment: a collector
// starting in that moment was told another one runs there (the desktop app's "Aula is already running").
test('a collector starting while a command looks at the lock waits for it instead of giving up', async () => {
  const dataDir = tempDir();
  await (await startTestCollector({ dataDir })).close();
  await holdLockBriefly(dataDir, 60);
  const collector = await startTestCollector({ dataDir });
  try {
    assert.equal((await fetch(`${collector.url}/health`)).status, 200);
  } finally {
    await collector.close();
  }
});
