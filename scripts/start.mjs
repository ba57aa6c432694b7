#!/usr/bin/env node
// `npm start`: the desktop app from source. Builds the dashboard when it is missing or older than its sources, and
// the main process, then runs Electron. Where Electron cannot run (its binary is not downloaded and cannot be, or there is no display),
// it says so in one line and runs the same collector headless (`aula serve`), which prints the dashboard URL.
// Arguments after `--` go to `aula serve` in the headless case (e.g. `npm start -- --port 3001`).
// AULA_HEADLESS=1 skips Electron on purpose (a server, a CI machine).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dashboardBuildNeeded } from './dashboard-freshness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
/** Electron that exits with an error this soon did not start (no GPU, missing libraries…), rather than ran. */
const EARLY_EXIT_MS = 10_000;

function ensureDashboard() {
  if (!fs.existsSync(path.join(root, 'renderer', 'index.html'))) return;
  const needed = dashboardBuildNeeded(path.join(root, 'renderer'));
  if (!needed) return;
  console.log(needed === 'missing' ? 'Building the dashboard (first start)…' : 'Building the dashboard (its sources changed)…');
  // npm is npm.cmd on Windows, which only a shell runs.
  const built = spawnSync('npm', ['run', 'build:renderer'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) console.log('The dashboard could not be built; the collector runs without it.');
}

/** The Electron executable, or why there is none. Never requires 'electron' (that would try to download). */
function findElectron() {
  if (process.env.AULA_HEADLESS === '1') return { reason: 'Headless run requested (AULA_HEADLESS=1)' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'No display to open the desktop app on (DISPLAY is not set)' };
  }
  let dir;
  try {
    dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { reason: 'Electron is not installed (npm install)' };
  }
  const binary = () => {
    const pathFile = path.join(dir, 'path.txt');
    const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    if (override) return path.join(override, relative || 'electron');
    return relative ? path.join(dir, 'dist', relative) : undefined;
  };
  let executable = binary();
  if ((!executable || !fs.existsSync(executable)) && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    // Electron 42 fetches its binary on first run rather than at install time.
    console.log('Downloading the Electron runtime (first start)…');
    spawnSync(process.execPath, [path.join(dir, 'install.js')], { cwd: root, stdio: 'ignore', timeout: 10 * 60_000 });
    executable = binary();
  }
  if (!executable || !fs.existsSync(executable)) {
    return { reason: "Electron's runtime is not available (its binary is not downloaded and could not be)" };
  }
  return { executable };
}

function runHeadless(reason) {
  console.log(`${reason}: running the collector headless instead (aula serve).`);
  const child = spawn(process.execPath, [path.join(root, 'bin', 'aula.js'), 'serve', ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  forward(child);
}

function forward(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  stopWhenOrphaned(child);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/**
 * `npm start` runs this script through `sh -c`, and npm sends its SIGTERM (`kill <npm's pid>`, a service manager that
 * signals only the main process) to that shell, which ends without passing it on: the collector then ran on, orphaned,
 * holding the port and the data folder. When this process's parent is gone, the child gets the clean stop instead.
 */
function stopWhenOrphaned(child, beforeStop = () => {}) {
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    beforeStop();
    child.kill('SIGTERM');
  }, 500);
  watch.unref();
  child.once('exit', () => clearInterval(watch));
}

/**
 * Why Electron's own Node cannot open the database, if that is so. `npm install` builds better-sqlite3 for this Node
 * (the tests and `aula` run on it; DESIGN.md: no rebuild for Electron outside packaging), and Electron's Node has
 * another ABI: the app would start, fail to open any database and offer only "Try again". The installers from
 * `npm run dist` carry the module built for Electron.
 */
function nativeModuleProblem(executable) {
  const probe = spawnSync(executable, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: root,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (probe.status === 0) return undefined;
  if (/NODE_MODULE_VERSION|compiled against a different Node\.js version|ERR_DLOPEN_FAILED/.test(`${probe.stderr}${probe.stdout}`)) {
    return 'The desktop app cannot open the database from this checkout (npm install built better-sqlite3 for Node, not for Electron; the installers from npm run dist carry the Electron build)';
  }
  // Anything else (a runtime that cannot start at all): Electron's own start says what, below.
  return undefined;
}

function runDesktop(executable) {
  const problem = nativeModuleProblem(executable);
  if (problem) return runHeadless(problem);
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-main.mjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) return runHeadless('The desktop app could not be built');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const startedAt = Date.now();
  let signalled = false;
  const child = spawn(executable, [root], { cwd: root, stdio: 'inherit', env });
  child.once('error', (error) => runHeadless(`Electron cannot start (${error.message})`));
  stopWhenOrphaned(child, () => {
    signalled = true;
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      signalled = true;
      child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => {
    if (!signalled && code !== 0 && code !== null && Date.now() - startedAt < EARLY_EXIT_MS) {
      runHeadless(`Electron cannot start here (it exited with code ${code})`);
      return;
    }
    process.exit(code ?? (signal ? 1 : 0));
  });
}

ensureDashboard();
const electron = findElectron();
if (electron.executable) runDesktop(electron.executable);
else runHeadless(electron.reason);
