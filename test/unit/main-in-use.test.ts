import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createServerHost } from '../../main/server-host.js';
import { problemDialog } from '../../main/startup-problem.js';
import { type ConfigInput, createCollector } from '../../server/index.js';
import { createLogger } from '../../server/logger.js';
import { request } from '../support/http.js';
import { tempDir } from '../support/temp-dir.js';

const logger = createLogger('silent', { pretty: false });
const startReal = (config: ConfigInput) => createCollector(config, { logger });

describe('the desktop app on a data folder a collector already serves (aula serve on port 3000)', () => {
  test('says so and offers no other port, instead of becoming a second collector on the same database', async () => {
    const dataDir = tempDir();
    const running = await createCollector({ dataDir, host: '127.0.0.1', port: 0 }, { logger });
    try {
      const host = createServerHost({ start: startReal });
      const failed = await host.start({ dataDir, host: '127.0.0.1', port: 0 });
      assert.ok(!failed.ok, 'the second collector did not start');
      assert.equal(failed.problem.kind, 'in-use');
      assert.match(failed.problem.message, new RegExp(`already running on the data folder .*\\(process ${process.pid}, dashboard at ${running.url}/\\)`));
      const box = problemDialog(failed.problem, { dataDir });
      assert.equal(box.title, 'Aula is already running on this data folder');
      assert.deepEqual(
        box.buttons.map((button) => button.action.kind),
        ['retry', 'choose-data-folder', 'quit'],
      );
      assert.equal((await request(`${running.url}/health`)).status, 200, 'the running one is untouched');
    } finally {
      await running.close();
    }
    // Released on close: the desktop's Try again now starts.
    const host = createServerHost({ start: startReal });
    const retried = await host.start({ dataDir, host: '127.0.0.1', port: 0 });
    assert.ok(retried.ok);
    await host.stop();
  });
});
