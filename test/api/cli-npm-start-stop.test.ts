import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { databaseFile, openDatabase } from '../../server/store/open-database.js';
import { getSetting } from '../../server/store/settings-repo.js';
import { ROOT } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

const answers = (url: string) =>
  fetch(`${url}health`, { signal: AbortSignal.timeout(2000) }).then(
    () => true,
    () => false,
  );

describe('npm start stopped with kill (a service manager that signals only npm)', () => {
  it('stops the headless collector too, cleanly, instead of leaving it running with the port and the data folder', async () => {
    const dataDir = tempDir();
    const npm = spawn('npm', ['start', '--', '--host', '127.0.0.1', '--port', '0', '--no-mdns', '--data-dir', dataDir], {
      cwd: ROOT,
      env: { ...process.env, AULA_HEADLESS: '1', AULA_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (chunk) => {
      output += chunk;
    });
    npm.stderr.on('data', (chunk) => {
      output += chunk;
    });
    // Generous: the first start may also build the dashboard.
    const dashboard = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start printed no dashboard URL:\n${output}`)), 180_000);
      npm.stdout.on('data', () => {
        const match = /Dashboard: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    assert.equal(await answers(dashboard), true);
    npm.kill('SIGTERM');
    let stillUp = true;
    for (let waited = 0; waited < 15_000 && stillUp; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      stillUp = await answers(dashboard);
    }
    if (stillUp) {
      // Without the fix: end the orphan this test left, found through the address it wrote into the database.
      const db = openDatabase(dataDir);
      const running = JSON.parse(getSetting(db, 'collector_running') || 'null') as { pid: number } | null;
      db.close();
      if (running) process.kill(running.pid, 'SIGTERM');
    }
    assert.equal(stillUp, false, `the collector still answers after npm was stopped:\n${output}`);
    // The clean stop closes the database, and SQLite removes the write-ahead log with the last connection.
    let walLeft = true;
    for (let waited = 0; waited < 10_000 && walLeft; waited += 250) {
      walLeft = fs.existsSync(`${databaseFile(dataDir)}-wal`);
      if (walLeft) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.equal(walLeft, false, 'the database was closed cleanly');
  });
});
