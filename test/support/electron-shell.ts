// main/index.ts, the thin Electron shell, compiled as it ships (scripts/build-main.mjs) and run in plain Node against
// a stand-in 'electron' module (test/unit/main-fake-electron.mjs), which records what the app does with Electron.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface FakeWindow {
  url?: string;
  shown: number;
  options: { webPreferences: Record<string, unknown> };
  webContents: {
    emit(event: string, payload: unknown): void;
    openHandler?: (details: { url: string }) => { action: string };
  };
}

export interface FakeElectron {
  fake: {
    windows: FakeWindow[];
    trays: Array<{ image: { file: string }; tooltip: string; menu: { items: Array<{ label?: string; click?: () => void }> } }>;
    ipc: Map<string, (event: { senderFrame: { url: string } }, ...args: unknown[]) => Promise<unknown>>;
    exits: number[];
    dialogs: Array<{ title?: string; message: string; detail?: string; buttons: string[] }>;
    dialogAnswers: number[];
    saveDialogs: Array<{ defaultPath: string; filters: Array<{ name: string; extensions: string[] }> }>;
    externals: string[];
    permissionHandler?: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void;
    permissionCheckHandler?: (contents: unknown, permission: string, requestingOrigin: string) => boolean;
    /** What app.getPreferredSystemLanguages() and app.getLocale() answer (an English system by default). */
    systemLanguages: string[];
    locale: string;
  };
  app: { emit(event: string, ...args: unknown[]): boolean; quit(): void };
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const fakeUrl = pathToFileURL(path.join(ROOT, 'test', 'unit', 'main-fake-electron.mjs')).href;
let registered = false;

/** The stand-in Electron, which `import 'electron'` resolves to from now on in this test process. */
export async function fakeElectron(): Promise<FakeElectron> {
  if (!registered) {
    register(
      `data:text/javascript,${encodeURIComponent(
        `export async function resolve(specifier, context, next) {
          return specifier === 'electron' ? { url: ${JSON.stringify(fakeUrl)}, shortCircuit: true } : next(specifier, context);
        }`,
      )}`,
    );
    registered = true;
  }
  return (await import(fakeUrl)) as FakeElectron;
}

/**
 * Builds main/ as it ships and runs it, as Electron would: set the environment (AULA_DATA_DIR…) and the fake's
 * answers first. The bundle is removed when the test process exits (its worker threads start from it until then).
 */
export async function startShell(): Promise<void> {
  // Inside the project so the bundle finds node_modules; its own folder so parallel builds of dist/main do not race.
  const bundleDir = path.join(ROOT, 'dist', `test-wiring-${process.pid}`);
  process.on('exit', () => fs.rmSync(bundleDir, { recursive: true, force: true }));
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-main.mjs'), '--outdir', bundleDir], {
    encoding: 'utf8',
  });
  assert.equal(built.status, 0, built.stderr);
  await import(pathToFileURL(path.join(bundleDir, 'index.js')).href);
}

export async function until<T>(what: string, probe: () => T | undefined): Promise<T> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}
