#!/usr/bin/env node
// `npm start`: builds the dashboard when it is missing, then runs the collector headless (`aula serve`).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dashboard = path.join(root, 'renderer', 'dist', 'index.html');
if (!fs.existsSync(dashboard) && fs.existsSync(path.join(root, 'renderer', 'index.html'))) {
  console.log('Building the dashboard (first start)…');
  const built = spawnSync('npm', ['run', 'build:renderer'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) console.log('The dashboard could not be built; the collector runs without it.');
}
const child = spawn(process.execPath, [path.join(root, 'bin', 'aula.js'), 'serve', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
