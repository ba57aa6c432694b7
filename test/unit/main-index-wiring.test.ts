// main/index.ts, the thin Electron shell, compiled as it ships (scripts/build-main.mjs) and run in plain Node against
// a stand-in 'electron' module (main-fake-electron.mjs): the wiring between Electron and the tested modules, and
// the bundle's layout (its ingest worker thread next to it), with a real collector behind it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { CHANNELS } from '../../main/ipc-channels.js';
import { loadSettings, settingsPath } from '../../main/settings.js';
import { databaseFile } from '../../server/store/open-database.js';
import { type FakeElectron, type FakeWindow, fakeElectron, startShell, until } from '../support/electron-shell.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-wiring-'));
const blocker = net.createServer();
after(() => {
  blocker.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the Electron shell (main/index.ts) against a stand-in Electron', () => {
  let electron: FakeElectron;
  let window: FakeWindow;
  let dashboard: URL;

  test('the usual port is taken: the error window offers the next free port, which is saved and used', async () => {
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    fs.writeFileSync(settingsPath(dataDir), JSON.stringify({ port: taken, exposeOnLan: false }));
    process.env.AULA_DATA_DIR = dataDir;
    process.env.AULA_LOG_LEVEL = 'silent';
    delete process.env.AULA_PORT;
    delete process.env.AULA_HOST;

    electron = await fakeElectron();
    electron.fake.dialogAnswers.push(0); // "Use port N"
    await startShell();

    window = await until('the dashboard window', () => (electron.fake.windows[0]?.url ? electron.fake.windows[0] : undefined));
    const box = electron.fake.dialogs[0];
    assert.ok(box, 'an error window was shown');
    assert.match(box.message, new RegExp(`Port ${taken} is already used`));
    const offered = Number(/Use port (\d+)/.exec(box.buttons[0] ?? '')?.[1]);
    dashboard = new URL(window.url!);
    assert.equal(dashboard.hostname, '127.0.0.1');
    assert.equal(Number(dashboard.port), offered);
    assert.equal(loadSettings(dataDir).settings.port, offered, 'the new port is saved for the next start');
    assert.equal((await fetch(new URL('/health', dashboard))).status, 200);
  });

  test('the window is sandboxed, uses the built preload, and is shown when ready', async () => {
    const web = window.options.webPreferences;
    assert.equal(web.sandbox, true);
    assert.equal(web.contextIsolation, true);
    assert.equal(web.nodeIntegration, false);
    assert.match(String(web.preload), /dist[/\\]main[/\\]preload\.cjs$/);
    await until('ready-to-show', () => window.shown > 0);
  });

  test('links away from the dashboard go to the system browser; permissions are refused', async () => {
    let prevented = false;
    window.webContents.emit('will-navigate', { url: 'https://example.org/help', preventDefault: () => (prevented = true) });
    assert.equal(prevented, true);
    assert.deepEqual(window.webContents.openHandler?.({ url: 'https://example.org/docs' }), { action: 'deny' });
    assert.deepEqual(electron.fake.externals, ['https://example.org/help', 'https://example.org/docs']);
    const granted = await new Promise<boolean>((resolve) =>
      electron.fake.permissionHandler?.({}, 'media', resolve, { requestingUrl: window.url! }),
    );
    assert.equal(granted, false);
    // The synchronous check answers the same: refused, clipboard writing from the dashboard allowed.
    const check = electron.fake.permissionCheckHandler;
    assert.ok(check, 'a permission check handler is set');
    const origin = new URL(window.url!).origin;
    assert.equal(check({}, 'media', origin), false);
    assert.equal(check({}, 'geolocation', origin), false);
    assert.equal(check({}, 'clipboard-sanitized-write', origin), true);
    assert.equal(check({}, 'clipboard-sanitized-write', 'https://evil.example'), false);
  });

  test('every preload channel is answered, for the dashboard only', async () => {
    assert.deepEqual([...electron.fake.ipc.keys()].sort(), Object.values(CHANNELS).sort());
    const version = electron.fake.ipc.get(CHANNELS.appVersion)!;
    assert.equal(await version({ senderFrame: { url: window.url! } }), '0.0.0-test');
    await assert.rejects(version({ senderFrame: { url: 'https://evil.example/' } }), /answers only the dashboard/);
    const settings = (await electron.fake.ipc.get(CHANNELS.getSettings)!({ senderFrame: { url: window.url! } })) as {
      running: { port: number; exposeOnLan: boolean; dataDir: string };
      restartRequired: boolean;
    };
    assert.deepEqual(settings.running, { port: Number(dashboard.port), exposeOnLan: false, dataDir });
    assert.equal(settings.restartRequired, false);
  });

  test('the tray shows the collector address and opens the dashboard', () => {
    const tray = electron.fake.trays[0];
    assert.ok(tray);
    assert.ok(fs.existsSync(tray.image.file), `tray icon ${tray.image.file}`);
    const labels = tray.menu.items.map((item) => item.label);
    assert.ok(labels.includes('Open dashboard'));
    assert.ok(labels.includes(`  ${dashboard.origin}/`), labels.join(' | '));
    assert.ok(labels.includes('Quit Aula'));
  });

  test('a second launch shows the window; closing every window does not quit', () => {
    const shownBefore = window.shown;
    electron.app.emit('second-instance');
    assert.equal(window.shown, shownBefore + 1);
    electron.app.emit('window-all-closed');
    assert.deepEqual(electron.fake.exits, []);
  });

  test('Quit stops the collector, closes the database, then exits 0', async () => {
    electron.app.quit();
    await until('the exit', () => electron.fake.exits.length > 0);
    assert.deepEqual(electron.fake.exits, [0]);
    await assert.rejects(fetch(new URL('/health', dashboard)));
    // SQLite removes the write-ahead log when the last connection closes cleanly.
    assert.equal(fs.existsSync(`${databaseFile(dataDir)}-wal`), false);
  });
});
