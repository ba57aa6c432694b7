import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { listPackage } from '@electron/asar';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger, log, setPrinter } from 'builder-util';
import { build, Platform } from 'electron-builder';

const ROOT = path.resolve(import.meta.dirname, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-builder-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));
// electron-builder logs to stdout, which a test file's process shares with the test runner's own messages: in a
// full run its lines broke a message ("Unable to deserialize cloned data"). Its log is kept here instead: its plain
// lines go through the printer, its info and warnings (e.g. "loaded configuration") straight to the logger's stream.
const builderLog: string[] = [];
setPrinter((message) => builderLog.push(message));
(log as unknown as { stream: { write: (text: string) => boolean } }).stream = {
  write: (text) => {
    builderLog.push(text);
    return true;
  },
};

describe('electron-builder configuration (offline)', () => {
  test('electron-builder.yml passes electron-builder’s own validation', async () => {
    const config = await getConfig(ROOT, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    assert.equal(config.productName, 'Aula');
    assert.match(config.appId ?? '', /^[a-z]+(\.[a-z]+)+$/);
    const targets = (platform: { target?: unknown } | null | undefined) => platform?.target;
    assert.deepEqual(targets(config.linux), ['AppImage', 'deb']);
    assert.deepEqual(targets(config.win), ['nsis']);
    assert.deepEqual(targets(config.mac), [{ target: 'dmg', arch: ['x64', 'arm64'] }], 'Intel Macs too');
    // electron-builder's own list of the libraries an Electron app needs (GTK, NSS…) stays: an empty one let
    // `apt install ./aula.deb` install an app that cannot start on a minimal system.
    assert.equal(config.deb?.depends, undefined);
    assert.deepEqual(config.asarUnpack, ['**/node_modules/better-sqlite3/**']);
    // Rebuilt for Electron when packaging, never at install time (DESIGN.md).
    assert.equal(config.npmRebuild, true);
    const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(packageJson.main, 'dist/main/index.js');
    assert.equal(packageJson.scripts.postinstall, undefined, 'no install-time rebuild');
    assert.equal(packageJson.scripts.dist, 'node scripts/dist.mjs', 'packaging puts the Node build back afterwards');
  });

  test('the validator really checks: an unknown option is refused', async () => {
    const config = await getConfig(ROOT, null, null);
    await assert.rejects(
      validateConfiguration({ ...config, nsis: { ...config.nsis, oneclick: true } as never }, new DebugLogger(false)),
      /configuration\.nsis/,
    );
  });
});

describe('packaged app layout (--dir build with a stub Electron)', () => {
  test('the asar holds the built main process, server and dashboard, and none of the sources', async (t) => {
    const compiled = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-main.mjs')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(compiled.status, 0, compiled.stderr);
    const dashboard = ensureDashboard();
    if (!dashboard) t.diagnostic('renderer/ has no dashboard to build yet: the renderer check is skipped');

    // The real Electron cannot be downloaded here; electron-builder copies whatever electronDist holds.
    const stub = path.join(work, 'electron-stub');
    fs.mkdirSync(stub);
    fs.writeFileSync(path.join(stub, 'electron'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const output = path.join(work, 'release');
    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget('dir'),
      config: { electronDist: stub, npmRebuild: false, directories: { output, buildResources: 'build' } },
    }).catch((error: unknown) => {
      throw new Error(`electron-builder failed: ${String(error)}\n${builderLog.join('\n')}`);
    });

    const unpacked = fs.readdirSync(output).find((entry) => entry.endsWith('-unpacked'));
    assert.ok(unpacked, `no *-unpacked folder in ${fs.readdirSync(output)}`);
    const resources = path.join(output, unpacked, 'resources');
    const files = listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((file) => file.replaceAll('\\', '/'));
    const own = files.filter((file) => !file.includes('/node_modules/'));

    assert.ok(own.includes('/dist/main/index.js'));
    assert.ok(own.includes('/dist/main/preload.cjs'));
    assert.ok(own.includes('/dist/main/worker-entry.js'), "the collector's ingest writer thread");
    assert.ok(own.includes('/dist/main/export-encode-worker.js'), "the export's encoding thread");
    assert.ok(own.includes('/dist/main/backup-worker.js'), 'the dashboard backup thread');
    assert.ok(own.includes('/build/tray.png'));
    const bundled = fs.readFileSync(path.join(ROOT, 'dist', 'main', 'index.js'), 'utf8');
    assert.match(bundled, /\/api\/collector/, 'the collector (server/) is compiled into the main bundle');
    if (dashboard) assert.ok(own.includes('/renderer/dist/index.html'), 'the built dashboard');

    const sources = own.filter((file) => /\.(ts|tsx|map)$/.test(file) || /^\/(server|main|test|renderer\/src|scripts|docs)\//.test(file));
    assert.deepEqual(sources, []);
    const leftovers = files.filter((file) =>
      /\/node_modules\/(better-sqlite3\/(deps|src|build\/Release\/obj)|tsx|esbuild|@esbuild)\//.test(file),
    );
    assert.deepEqual(leftovers, []);
    // Production dependencies are there; the native one outside the archive (it cannot be loaded from inside).
    assert.ok(files.includes('/node_modules/express/package.json'));
    assert.ok(files.includes('/node_modules/i18next/package.json'), "the main process words its menus and dialogs with i18next (main/i18n)");
    const native = path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    assert.ok(fs.existsSync(native));
    assert.ok(!files.some((file) => file.includes('/node_modules/electron/')), 'Electron itself is not an app dependency');
  });
});

/** renderer/dist, built when the dashboard sources exist and it has not been built yet. */
function ensureDashboard(): boolean {
  if (fs.existsSync(path.join(ROOT, 'renderer', 'dist', 'index.html'))) return true;
  if (!fs.existsSync(path.join(ROOT, 'renderer', 'index.html'))) return false;
  const built = spawnSync('npm', ['run', 'build:renderer'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(built.status, 0, `the dashboard does not build:\n${built.stdout}\n${built.stderr}`);
  return true;
}
