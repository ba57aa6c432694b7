// The real desktop app driven by Playwright's Electron support. Electron's binary cannot be downloaded on every
// machine (nor on this project's CI); there these tests are skipped with the reason printed, and the modules
// they exercise are covered by test/unit/main-*.test.ts.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type ElectronApplication, _electron as electron, type Page } from 'playwright-core';
import { databaseFile, openDatabase } from '../../server/store/open-database.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The Electron executable, or why these tests cannot run (never requires 'electron': that would download). */
function electronExecutable(): { executable?: string; reason?: string } {
  const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return { reason: 'Electron binary not downloaded (node_modules/electron/path.txt missing)' };
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const executable = override ? path.join(override, relative) : path.join(dir, 'dist', relative);
  if (!fs.existsSync(executable)) return { reason: `Electron binary missing at ${executable}` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'no display (DISPLAY is not set; try xvfb-run)' };
  }
  return { executable };
}

const runtime = electronExecutable();
const skip = runtime.reason ? `skipped: ${runtime.reason}` : false;
if (skip) console.log(`electron-app tests ${skip}`);

describe('the desktop app', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;
  let dashboard: URL;
  const env = (): NodeJS.ProcessEnv => ({
    ...process.env,
    AULA_DATA_DIR: dataDir,
    AULA_HOST: '127.0.0.1',
    AULA_PORT: '0',
    AULA_LOG_LEVEL: 'warn',
  });

  before(async () => {
    if (skip) return;
    const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-main.mjs')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
    dataDir = tempDir();
    app = await electron.launch({ executablePath: runtime.executable!, args: [ROOT], env: env() as Record<string, string> });
    page = await app.firstWindow();
    await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\//);
    dashboard = new URL(page.url());
  });
  after(async () => {
    if (app) await app.close().catch(() => {});
  });

  test('opens the dashboard served by the collector it started', { skip }, async () => {
    assert.equal(dashboard.pathname, '/');
    assert.equal((await fetch(new URL('/health', dashboard))).status, 200);
  });

  test('the page has the preload API and nothing of Node', { skip }, async () => {
    const seen = await page.evaluate(async () => {
      const api = (window as unknown as { aula?: { isDesktop: boolean; appVersion(): Promise<string> } }).aula;
      return {
        isDesktop: api?.isDesktop,
        version: await api?.appVersion(),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      };
    });
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    assert.deepEqual(seen, { isDesktop: true, version, require: 'undefined', process: 'undefined' });
  });

  test('window.open and navigation away from the dashboard do not open Electron windows', { skip }, async () => {
    await page.evaluate(() => window.open('https://example.org/', '_blank'));
    await page.evaluate(() => window.open('file:///etc/passwd', '_blank'));
    assert.equal(app.windows().length, 1);
    await page.evaluate(() => {
      window.location.href = 'file:///etc/passwd';
    });
    await page.waitForTimeout(200);
    assert.equal(new URL(page.url()).origin, dashboard.origin);
  });

  test('closing the window keeps collecting; a second launch brings the window back', { skip }, async () => {
    await app.evaluate(({ BrowserWindow }) => {
      for (const window of BrowserWindow.getAllWindows()) window.close();
    });
    await page.waitForEvent('close');
    assert.equal((await fetch(new URL('/health', dashboard))).status, 200);
    const reopened = app.waitForEvent('window');
    const second = spawn(runtime.executable!, [ROOT], { env: env(), stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    assert.equal(code, 0, 'the second instance quits');
    page = await reopened;
    await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\//);
    assert.equal(new URL(page.url()).origin, dashboard.origin);
  });

  test('Quit stops the collector and closes the database', { skip }, async () => {
    const closed = app.waitForEvent('close');
    await app.evaluate(({ app: electronApp }) => electronApp.quit());
    await closed;
    await assert.rejects(fetch(new URL('/health', dashboard)));
    // SQLite removes the write-ahead log when the last connection closes cleanly.
    assert.equal(fs.existsSync(`${databaseFile(dataDir)}-wal`), false);
    const db = openDatabase(dataDir, { readonly: true });
    db.close();
  });
});
