import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { request } from '../support/http.js';
import { runAula } from '../support/run-aula.js';
import { startServe } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

describe('one aula serve per data folder', () => {
  it('a second one on the same folder is refused in one line saying where the first runs; the first keeps collecting', async () => {
    const dataDir = tempDir();
    const first = await startServe(dataDir, ['--no-mdns']);
    try {
      const second = await runAula(['serve', '--data-dir', dataDir, '--host', '127.0.0.1', '--port', '0', '--no-mdns'], { timeoutMs: 20_000 });
      assert.equal(second.code, 1, second.stdout + second.stderr);
      assert.equal(second.stdout, '');
      assert.equal(
        second.stderr,
        `aula: Another Aula collector is already running on the data folder ${dataDir} (process ${first.child.pid}, dashboard at ${first.url}/): ` +
          'aula serve in another terminal or as a service, or the desktop app. Use that one, or stop it first; a second collector needs another data folder (--data-dir DIR or AULA_DATA_DIR).\n',
      );
      assert.equal((await request(`${first.url}/health`)).status, 200);
      // Commands beside it are not collectors: they still work.
      assert.equal(JSON.parse((await runAula(['stats', '--json', '--data-dir', dataDir])).stdout).statements, 0);
    } finally {
      assert.equal(await first.stop(), 0);
    }
    const after = await startServe(dataDir, ['--no-mdns']);
    assert.equal(await after.stop(), 0, 'a clean stop lets the next one start');
  });

  it('a collector killed outright leaves no stale lock: the next start just works', async () => {
    const dataDir = tempDir();
    const killed = await startServe(dataDir, ['--no-mdns']);
    await killed.stop('SIGKILL');
    const next = await startServe(dataDir, ['--no-mdns']);
    try {
      assert.equal((await request(`${next.url}/health`)).status, 200);
    } finally {
      await next.stop();
    }
  });
});
