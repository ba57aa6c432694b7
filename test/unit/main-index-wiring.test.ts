// main/index.ts, the thin Electron shell, compiled as it ships (scripts/build-main.mjs) and run in plain Node against
// a stand-in 'electron' module (main-fake-electron.mjs): the wiring between Electron and the tested modules, and
// the bundle's layout (its ingest worker thread next to it), with a real collector behind it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { register } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CHANNELS } from '../../main/ipc-channels.js';
import { loadSettings, settingsPath } from '../../main/settings.js';
import { databaseFile } from '../../server/store/open-database.js';

interface FakeWindow {
  url?: string;
  shown: number;
  options: { webPreferences: Record<string, unknown> };
  webContents: {
    emit(event: string, payload: unknown): void;
    openHandler?: (details: { url: string }) => { action: string };
  };
}
interface FakeElectron {
  fake: {
    windows: FakeWindow[];
    trays: Array<{ image: { file: string }; tooltip: string; menu: { items: Array<{ label?: string; click?: () => void }> } }>;
    ipc: Map<string, (event: { senderFrame: { url: string } }, ...args: unknown[]) => Promise<unknown>>;
    exits: number[];
    dialogs: Array<{ message: string; buttons: string[] }>;
    dialogAnswers: number[];
    externals: string[];
    permissionHandler?: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void;
  };
  app: { emit(event: string, ...args: unknown[]): boolean; quit(): void };
}

const fakeUrl = pathToFileURL(path.join(import.meta.dirname, 'main-fake-electron.mjs')).href;
register(
  `data:text/javascript,${encodeURIComponent(
    `export async function resolve(specifier, context, next) {
      return specifier === 'electron' ? { url: ${JSON.stringify(fakeUrl)}, shortCircuit: true } : next(specifier, context);
    }`,
  )}`,
);

const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-wiring-'));
// Inside the project so the bundle finds node_modules; its own folder so parallel builds of dist/main do not race.
const bundleDir = path.join(ROOT, 'dist', `test-wiring-${process.pid}`);
const blocker = net.createServer();
after(() => {
  blocker.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

async function until<T>(what: string, probe: () => T | undefined): Promise<T> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

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

    electron = (await import(fakeUrl)) as FakeElectron;
    electron.fake.dialogAnswers.push(0); // "Use port N"
    const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-main.mjs'), '--outdir', bundleDir], {
      encoding: 'utf8',
    });
    assert.equal(built.status, 0, built.stderr);
    await import(pathToFileURL(path.join(bundleDir, 'index.js')).href);

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
