// The desktop app started with a relative AULA_DATA_DIR (as `aula serve` takes it: from the folder it was started in)
// uses that folder and keeps its log in logs/aula.log there: main/index.ts as it ships, against the stand-in Electron, a real collector behind.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { settingsPath } from '../../main/settings.js';
import { type FakeElectron, fakeElectron, startShell, until } from '../support/electron-shell.js';
import { tempDir } from '../support/temp-dir.js';

describe('the desktop app with a relative AULA_DATA_DIR', () => {
  let electron: FakeElectron;
  const startedIn = tempDir('aula-relative-');
  const home = path.join(startedIn, 'class-data');
  const logFile = path.join(home, 'logs', 'aula.log');
  const logged = () =>
    fs.existsSync(logFile)
      ? fs
          .readFileSync(logFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as { level: number; msg: string; dataDir?: string })
      : [];
  after(() => {
    if (electron && electron.fake.exits.length === 0) electron.app.quit();
  });

  test('uses that folder, as an absolute path Electron takes, and logs to logs/aula.log in it', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    fs.mkdirSync(home);
    fs.writeFileSync(settingsPath(home), JSON.stringify({ port, exposeOnLan: false }));
    // Relative to the folder the test runs in (the project's: its worker threads find tsx there).
    const relative = path.relative(process.cwd(), home);
    assert.ok(!path.isAbsolute(relative));
    process.env.AULA_DATA_DIR = relative;
    process.env.AULA_LOG_LEVEL = 'info';
    delete process.env.AULA_PORT;
    delete process.env.AULA_HOST;
    electron = await fakeElectron();
    await startShell();
    await until('the dashboard window', () => electron.fake.windows[0]?.url);
    assert.deepEqual(electron.fake.dialogs, [], 'no error window');
    const paths = (electron.app as unknown as { paths: Map<string, string> }).paths;
    assert.equal(paths.get('userData'), home);

    const running = await until('the log line', () => logged().find((line) => line.msg === 'collector running'));
    assert.equal(running.dataDir, home);
  });

  test('Quit stops the collector and exits 0', async () => {
    electron.app.quit();
    await until('the exit', () => electron.fake.exits.length > 0);
    assert.deepEqual(electron.fake.exits, [0]);
  });
});
