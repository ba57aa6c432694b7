#!/usr/bin/env node
// `npm run dist`: the installers. Builds the dashboard and the main process, then runs electron-builder, which
// rebuilds better-sqlite3 for Electron's ABI in this folder's own node_modules (its npmRebuild). Afterwards, whether
// packaging worked or not, better-sqlite3 is built for this Node again: otherwise `aula`, `npm start` and `npm test`
// fail to load it ("compiled against a different Node.js version") until someone thinks of `npm rebuild`.
// Arguments go to electron-builder (e.g. `npm run dist -- --win`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// npm and npx are .cmd files on Windows, which only a shell runs.
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

let status = run('npm', ['run', 'build:renderer']);
if (status === 0) status = run('npm', ['run', 'build:main']);
if (status === 0) status = run('npx', ['electron-builder', ...process.argv.slice(2)]);
console.log('Building better-sqlite3 for Node again (the development install: aula, npm start, npm test)…');
const restored = run('npm', ['rebuild', 'better-sqlite3']);
if (restored !== 0) console.log('Could not: run "npm rebuild better-sqlite3" before using aula or the tests here.');
process.exit(status === 0 ? restored : status);
