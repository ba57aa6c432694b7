// A choice made in a start-up window that cannot be saved (a per-user folder the user may not write: EACCES) is said
// in a window and used for this run, instead of ending the app: main/index.ts as it ships, against the stand-in
// Electron, a real collector behind.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import { after, describe, test } from 'node:test';
import { settingsPath } from '../../main/settings.js';
import { type FakeElectron, fakeElectron, startShell, until } from '../support/electron-shell.js';
import { tempDir } from '../support/temp-dir.js';

describe('the desktop app whose settings cannot be saved', () => {
  let electron: FakeElectron;
  const home = tempDir('aula-not-saved-');
  const blocker = net.createServer();
  after(() => {
    blocker.close();
    if (electron && electron.fake.exits.length === 0) electron.app.quit();
  });

  test('"Use port N": a window says the setting was not saved, and the collector runs on N all the same', async () => {
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    const saved = JSON.stringify({ port: taken, exposeOnLan: false });
    fs.writeFileSync(settingsPath(home), saved);
    // As root (CI) permissions stop nothing: a folder where the new file is written first stops the write instead.
    fs.mkdirSync(`${settingsPath(home)}.${process.pid}.tmp`);
    process.env.AULA_DATA_DIR = home;
    process.env.AULA_LOG_LEVEL = 'silent';
    delete process.env.AULA_PORT;
    delete process.env.AULA_HOST;
    electron = await fakeElectron();
    electron.fake.dialogAnswers.push(0); // "Use port N"
    await startShell();

    const window = await until('the dashboard window', () => electron.fake.windows[0]?.url);
    const [portBox, notSaved] = electron.fake.dialogs;
    const offered = Number(/Use port (\d+)/.exec(portBox?.buttons[0] ?? '')?.[1]);
    assert.equal(notSaved?.title, 'Aula could not save the setting');
    assert.match(notSaved?.message ?? '', /^The setting was not saved: .*desktop-settings\.json cannot be written: EISDIR/);
    assert.equal(notSaved?.detail, 'Aula uses it until it quits, but the next start will not know it.');
    assert.equal(Number(new URL(window).port), offered);
    assert.equal(fs.readFileSync(settingsPath(home), 'utf8'), saved, 'the file as it was');
    assert.deepEqual(electron.fake.exits, [], 'still running');
  });

  test('Quit stops the collector and exits 0', async () => {
    electron.app.quit();
    await until('the exit', () => electron.fake.exits.length > 0);
    assert.deepEqual(electron.fake.exits, [0]);
  });
});
