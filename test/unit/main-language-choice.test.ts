// The dashboard's language choice reaching the desktop app: main/index.ts as it ships, against the stand-in Electron
// on an English system, with a real collector behind. The teacher chose Spanish on an earlier day (saved with the
// settings), then switches to English on the dashboard.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import { after, describe, test } from 'node:test';
import { CHANNELS } from '../../main/ipc-channels.js';
import { loadSettings, settingsPath } from '../../main/settings.js';
import { type FakeElectron, fakeElectron, startShell, until } from '../support/electron-shell.js';
import { tempDir } from '../support/temp-dir.js';

describe("the desktop app follows the language the teacher chose on the dashboard, over the system's", () => {
  let electron: FakeElectron;
  let dashboard: URL;
  const dataDir = tempDir('aula-language-choice-');
  after(() => {
    if (electron && electron.fake.exits.length === 0) electron.app.quit();
  });
  const menuLabels = () => electron.fake.trays[0]?.menu.items.map((item) => item.label ?? '—');

  test('a Spanish choice saved on an earlier day words the tray in Spanish on an English system', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    fs.writeFileSync(settingsPath(dataDir), JSON.stringify({ port, exposeOnLan: false, language: 'es' }));
    process.env.AULA_DATA_DIR = dataDir;
    process.env.AULA_LOG_LEVEL = 'silent';
    delete process.env.AULA_PORT;
    delete process.env.AULA_HOST;
    electron = await fakeElectron();
    electron.fake.systemLanguages = ['en-US'];
    electron.fake.locale = 'en-US';
    await startShell();
    const window = await until('the dashboard window', () => (electron.fake.windows[0]?.url ? electron.fake.windows[0] : undefined));
    dashboard = new URL(window.url as string);
    await until('the tray', () => electron.fake.trays[0]?.menu);
    assert.equal(menuLabels()?.[0], 'Abrir el panel');
    assert.equal(menuLabels()?.at(-1), 'Salir de Aula');
  });

  test('choosing English on the dashboard words the tray in English at once, and keeps it for the next start', async () => {
    const setLanguage = electron.fake.ipc.get(CHANNELS.setLanguage);
    assert.ok(setLanguage, 'main answers the channel');
    await setLanguage({ senderFrame: { url: `${dashboard.origin}/` } }, 'en');
    assert.equal(menuLabels()?.[0], 'Open dashboard');
    assert.equal(menuLabels()?.at(-1), 'Quit Aula');
    assert.equal(loadSettings(dataDir).settings.language, 'en');
  });

  test('Quit Aula stops the collector and exits 0', async () => {
    electron.fake.trays[0]?.menu.items.find((item) => item.label === 'Quit Aula')?.click?.();
    await until('the exit', () => electron.fake.exits.length > 0);
    assert.deepEqual(electron.fake.exits, [0]);
  });
});
