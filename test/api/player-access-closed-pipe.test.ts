import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { makeActivity } from '../support/fixtures.js';
import { startOk, statementS, track } from '../support/rage.js';
import { ROOT } from '../support/serve-process.js';

test('aula player access piped into a program that stops reading (| head) says so in one line, without a stack trace', async () => {
  const collector = await startTestCollector();
  const activity = makeActivity(collector.context.db, { name: 'Fractions 3B' });
  const started = await startOk(collector.url, activity.trackingCode);
  assert.equal((await track(collector.url, started.authToken, [statementS(started.actor)])).status, 200);
  const dataDir = collector.config.dataDir;
  await collector.close();

  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'aula.js'), 'player', 'access', started.playerId, '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  // The reader is gone before the report's first line: what | head does once it has its lines, made certain.
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));

  assert.equal(code, 1, stderr);
  assert.equal(
    stderr,
    'aula: The access report stopped: the program reading its output closed it before the end. Write it to a file with -o FILE.\n',
  );
});
