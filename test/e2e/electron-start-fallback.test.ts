import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { request } from '../support/http.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Started {
  child: ChildProcess;
  firstLine: string;
  dashboard: string;
  output(): string;
}

/** `npm start` (scripts/start.mjs) as a user runs it, with the environment a test chooses. */
async function npmStart(env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs'), '--host', '127.0.0.1', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, AULA_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  // Generous: on a fresh clone the first start also builds the dashboard.
  const dashboard = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no dashboard URL:\n${output}`)), 180_000);
    child.stdout?.on('data', () => {
      const match = /Dashboard: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
  const firstLine =
    output
      .split('\n')
      .find((line) => /headless/.test(line))
      ?.trim() ?? '';
  return { child, firstLine, dashboard, output: () => output };
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('npm start without a usable Electron runtime', () => {
  test('no Electron binary: says so in one line, runs the collector headless, prints the dashboard URL', async () => {
    const dataDir = tempDir();
    const started = await npmStart({
      // Electron's own override, pointed at an empty folder: the binary is "not downloaded".
      ELECTRON_OVERRIDE_DIST_PATH: tempDir(),
      DISPLAY: ':0',
      AULA_DATA_DIR: dataDir,
      AULA_HEADLESS: '',
    });
    assert.match(started.firstLine, /^Electron's runtime is not available .*running the collector headless instead/);
    assert.equal(started.output().match(/headless/g)?.length, 1, 'one line says so');
    const health = await request(`${started.dashboard}health`);
    assert.equal(health.status, 200);
    assert.equal(await stop(started.child), 0, 'SIGTERM stops it cleanly');
    assert.ok(fs.existsSync(path.join(dataDir, 'aula.sqlite')), 'it used the chosen data folder');
  });

  test('an Electron that fails at start (missing libraries, no GPU): says so and runs headless', { skip: process.platform === 'win32' && 'the stand-in runtime is a shell script' }, async () => {
    const broken = tempDir();
    // What a runtime that cannot start looks like from outside: it exits at once with an error.
    fs.writeFileSync(path.join(broken, 'electron'), '#!/bin/sh\necho "error while loading shared libraries" >&2\nexit 127\n', {
      mode: 0o755,
    });
    const started = await npmStart({ ELECTRON_OVERRIDE_DIST_PATH: broken, DISPLAY: ':0', AULA_DATA_DIR: tempDir(), AULA_HEADLESS: '' });
    assert.match(started.firstLine, /^Electron cannot start here \(it exited with code 127\).*headless/);
    assert.equal((await request(`${started.dashboard}health`)).status, 200);
    assert.equal(await stop(started.child), 0);
  });

  test("an Electron whose Node cannot load the better-sqlite3 npm install built (another ABI): says so and runs headless", { skip: process.platform === 'win32' && 'the stand-in runtime is a shell script' }, async () => {
    const runtime = tempDir();
    const launched = path.join(runtime, 'desktop-launched');
    // As Electron 42 answers when its Node (ELECTRON_RUN_AS_NODE) loads a module built for Node 20; run as the app,
    // it would start and then fail on every database: it must not be launched.
    fs.writeFileSync(
      path.join(runtime, 'electron'),
      `#!/bin/sh\nif [ "$ELECTRON_RUN_AS_NODE" = 1 ]; then\n  echo "Error: The module 'better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 140." >&2\n  exit 1\nfi\ntouch '${launched}'\nexit 0\n`,
      { mode: 0o755 },
    );
    const started = await npmStart({ ELECTRON_OVERRIDE_DIST_PATH: runtime, DISPLAY: ':0', AULA_DATA_DIR: tempDir(), AULA_HEADLESS: '' });
    assert.match(started.firstLine, /^The desktop app cannot open the database from this checkout \(npm install built better-sqlite3 for Node, not for Electron; .*running the collector headless instead/);
    assert.equal((await request(`${started.dashboard}health`)).status, 200);
    assert.equal(fs.existsSync(launched), false, 'the desktop app was not started to fail');
    assert.equal(await stop(started.child), 0);
  });

  test('no display: says so and runs headless', { skip: process.platform !== 'linux' && 'displays are a Linux question' }, async () => {
    const started = await npmStart({ DISPLAY: '', WAYLAND_DISPLAY: '', AULA_DATA_DIR: tempDir(), AULA_HEADLESS: '' });
    assert.match(started.firstLine, /^No display .*running the collector headless instead/);
    assert.equal((await request(`${started.dashboard}health`)).status, 200);
    assert.equal(await stop(started.child), 0);
  });
});
