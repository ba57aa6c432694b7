import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { createDesktopHandlers, type DesktopHandlerDeps, safeFileName } from '../../main/desktop-handlers.js';
import { CHANNELS } from '../../main/ipc-channels.js';
import type { AulaDesktopApi } from '../../main/preload-api.js';
import { createDesktopApi } from '../../main/preload-bridge.js';
import { desktopSettingsSchema, loadSettings } from '../../main/settings.js';
import { type Collector, createCollector } from '../../server/index.js';
import { createLogger } from '../../server/logger.js';

// Collectors close before their folders are removed (a folder removed under an open database can stall the close).
const collectors: Collector[] = [];
const dirs: string[] = [];
after(async () => {
  await Promise.all(collectors.map((collector) => collector.close()));
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-main-'));
  dirs.push(dir);
  return dir;
}

interface Harness {
  api: AulaDesktopApi;
  dialogs: Array<{ kind: string; defaultPath: string }>;
  opened: string[];
  relaunches: number;
  /** The languages main was told the teacher chose, in order. */
  languages: string[];
  home: string;
  url: string;
  /** Calls made from another page, for the sender check. */
  fromPage(pageUrl: string): AulaDesktopApi;
}

/**
 * The preload bridge wired to main's handlers the way Electron wires them (ipcRenderer.invoke → ipcMain.handle,
 * arguments structured-cloned), with the native dialogs answered by the test and a real collector behind.
 */
async function harness(answers: { savePath?: string; folder?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Harness> {
  const collector = await createCollector(
    { dataDir: tempDir(), host: '127.0.0.1', port: 0, logLevel: 'silent' },
    { logger: createLogger('silent', { pretty: false }) },
  );
  collectors.push(collector);
  const home = tempDir();
  const state = { dialogs: [] as Harness['dialogs'], opened: [] as string[], relaunches: 0, languages: [] as string[] };
  const deps: DesktopHandlerDeps = {
    version: '1.2.3',
    dashboardOrigin: () => new URL(collector.url).origin,
    homeDir: home,
    running: () => desktopSettingsSchema.parse({ port: collector.port }),
    showSaveDialog: async (options) => {
      state.dialogs.push({ kind: 'save', defaultPath: options.defaultPath });
      return answers.savePath ? { canceled: false, filePath: answers.savePath } : { canceled: true };
    },
    showFolderDialog: async (options) => {
      state.dialogs.push({ kind: 'folder', defaultPath: options.defaultPath });
      return answers.folder ? { canceled: false, filePaths: [answers.folder] } : { canceled: true, filePaths: [] };
    },
    openPath: async (target) => {
      state.opened.push(target);
      return '';
    },
    relaunch: async () => {
      state.relaunches++;
    },
    languageChosen: (language) => {
      state.languages.push(language);
    },
    downloadsDir: '/home/teacher/Downloads',
    env: answers.env ?? {},
  };
  const handlers = createDesktopHandlers(deps);
  const bridge = (pageUrl: string) =>
    createDesktopApi(async (channel, ...args) => {
      const handler = handlers[channel as keyof typeof handlers];
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return structuredClone(await handler(pageUrl, ...structuredClone(args)));
    });
  return {
    api: bridge(`${collector.url}/activities`),
    get dialogs() {
      return state.dialogs;
    },
    get opened() {
      return state.opened;
    },
    get relaunches() {
      return state.relaunches;
    },
    get languages() {
      return state.languages;
    },
    home,
    url: collector.url,
    fromPage: bridge,
  };
}

describe('preload API contract (window.aula)', () => {
  test('every API method has a channel and main answers every channel', async () => {
    const { api } = await harness();
    const methods = Object.keys(api).filter((key) => key !== 'isDesktop');
    assert.deepEqual(methods.sort(), Object.keys(CHANNELS).sort());
    assert.equal(api.isDesktop, true);
    assert.ok(Object.isFrozen(api));
    assert.equal(await api.appVersion(), '1.2.3');
  });

  test('saveExport downloads a collector path into the file chosen in the save dialog', async () => {
    const target = path.join(tempDir(), 'health.json');
    const h = await harness({ savePath: target });
    const result = await h.api.saveExport({ suggestedName: 'health.json', path: '/health' });
    assert.deepEqual(result, { saved: true, filePath: target });
    assert.equal(fs.readFileSync(target, 'utf8'), await (await fetch(`${h.url}/health`)).text());
    assert.deepEqual(h.dialogs, [{ kind: 'save', defaultPath: path.join('/home/teacher/Downloads', 'health.json') }]);
  });

  test('saveExport writes data the dashboard already has, text or bytes', async () => {
    const folder = tempDir();
    const csv = path.join(folder, 'scores.csv');
    await (await harness({ savePath: csv })).api.saveExport({ suggestedName: 'scores.csv', data: 'name,score\nAna,3\n' });
    assert.equal(fs.readFileSync(csv, 'utf8'), 'name,score\nAna,3\n');
    const png = path.join(folder, 'chart.png');
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    await (await harness({ savePath: png })).api.saveExport({ suggestedName: 'chart.png', data: bytes });
    assert.deepEqual(new Uint8Array(fs.readFileSync(png)), bytes);
  });

  test('a cancelled save dialog saves nothing; a failed download leaves no file behind', async () => {
    assert.deepEqual(await (await harness()).api.saveExport({ suggestedName: 'a.csv', data: 'x' }), { saved: false });
    const target = path.join(tempDir(), 'missing.csv');
    const h = await harness({ savePath: target });
    await assert.rejects(h.api.saveExport({ suggestedName: 'missing.csv', path: '/no/such/export' }), /answered 404/);
    assert.deepEqual(fs.readdirSync(path.dirname(target)), []);
  });

  test('saveExport downloads only from the collector and suggests only plain file names', async () => {
    const h = await harness({ savePath: path.join(tempDir(), 'x') });
    await assert.rejects(h.api.saveExport({ suggestedName: 'x', path: '//evil.example/x' }), /only from the collector/);
    await assert.rejects(h.api.saveExport({ suggestedName: 'x', path: 'https://evil.example/x' } as never));
    await assert.rejects(h.api.saveExport({ suggestedName: '', data: 'x' }));
    assert.equal(safeFileName('../../etc/passwd'), 'passwd');
    assert.equal(safeFileName('C:\\Users\\a\\class:3b?.csv'), 'class_3b_.csv');
    assert.equal(safeFileName('...'), 'export');
  });

  test('openDataFolder opens the folder the running collector uses', async () => {
    const h = await harness();
    await h.api.openDataFolder();
    assert.deepEqual(h.opened, [h.home]);
  });

  test('chooseDataFolder saves the folder for the next start and says a restart applies it', async () => {
    const chosen = tempDir();
    const h = await harness({ folder: chosen });
    const result = await h.api.chooseDataFolder();
    assert.deepEqual(result, { chosen: true, dataDir: chosen, restartRequired: true });
    assert.equal(loadSettings(h.home).settings.dataDir, chosen);
    assert.deepEqual(await (await harness()).api.chooseDataFolder(), { chosen: false });
  });

  test('settings: read what runs and what is saved, change them, relaunch to apply', async () => {
    const h = await harness();
    const before = await h.api.getSettings();
    assert.equal(before.restartRequired, true, 'the test collector runs on an ephemeral port, not the saved 3000');
    const after = await h.api.updateSettings({ port: 3005, exposeOnLan: false });
    assert.deepEqual(after.saved, { port: 3005, exposeOnLan: false, dataDir: h.home });
    await assert.rejects(h.api.updateSettings({ port: -1 }));
    await h.api.relaunch();
    assert.equal(h.relaunches, 1);
  });

  test('settings the environment decides (AULA_PORT, AULA_HOST) are named, and ask no restart the restart would not apply', async () => {
    const plain = await harness();
    assert.deepEqual((await plain.api.getSettings()).overriddenBy, {});

    // The test collector runs on an ephemeral port as if AULA_PORT had said so; the saved port is 3000.
    const h = await harness({ env: { AULA_PORT: '4000', AULA_HOST: '' } });
    const before = await h.api.getSettings();
    assert.deepEqual(before.overriddenBy, { port: 'AULA_PORT' }, 'a variable set to "" decides nothing, as desktopConfig reads it');
    assert.equal(before.saved.port, 3000, 'what is saved, not what the environment says');
    assert.notEqual(before.running.port, 3000);
    assert.equal(before.restartRequired, false, 'a relaunch keeps AULA_PORT: it would run on the same port');
    const changed = await h.api.updateSettings({ exposeOnLan: false });
    assert.equal(changed.restartRequired, true, 'a saved setting the environment does not decide does ask a restart');
    assert.deepEqual(changed.saved, { port: 3000, exposeOnLan: false, dataDir: h.home });

    const host = await harness({ env: { AULA_HOST: '127.0.0.1' } });
    assert.deepEqual((await host.api.updateSettings({ exposeOnLan: false })).overriddenBy, { exposeOnLan: 'AULA_HOST' });
  });

  test('a saved data folder written another way (a final slash, "..") is the running one: no restart asked for good; a relative one is refused', async () => {
    const h = await harness({ env: { AULA_PORT: '4000' } });
    fs.writeFileSync(path.join(h.home, 'desktop-settings.json'), JSON.stringify({ dataDir: `${h.home}${path.sep}sub${path.sep}..${path.sep}` }));
    const view = await h.api.getSettings();
    assert.equal(view.saved.dataDir, h.home);
    assert.equal(view.restartRequired, false);
    await assert.rejects(h.api.updateSettings({ dataDir: 'Aula data' }), /whole path/);
  });

  test("the dashboard's chosen language reaches the menus at once and is kept for the next start; anything else changes nothing", async () => {
    const h = await harness();
    await h.api.setLanguage('es');
    assert.deepEqual(h.languages, ['es']);
    assert.equal(loadSettings(h.home).settings.language, 'es');
    await assert.rejects(h.api.setLanguage('fr'));
    await assert.rejects(h.api.setLanguage('es-ES'));
    assert.deepEqual(h.languages, ['es'], 'a language Aula does not speak is not passed on');
    assert.equal(loadSettings(h.home).settings.language, 'es', 'nor saved');
    await h.api.setLanguage('en');
    assert.deepEqual(h.languages, ['es', 'en']);
    assert.deepEqual(loadSettings(h.home), { settings: { port: 3000, exposeOnLan: true, language: 'en' } }, 'the other settings untouched');
    await assert.rejects(h.fromPage('https://evil.example/').setLanguage('es'), /answers only the dashboard/);
    assert.deepEqual(h.languages, ['es', 'en']);
  });

  test('pages from other origins get nothing', async () => {
    const h = await harness();
    for (const page of ['https://evil.example/', 'file:///tmp/x.html', '', 'http://127.0.0.1:1/']) {
      await assert.rejects(h.fromPage(page).appVersion(), /answers only the dashboard/, page);
    }
  });
});
