#!/usr/bin/env node
// The `aula` command. Runs the compiled bundle (dist/cli, built on npm install) while it is newer than every source
// file in server/; otherwise the TypeScript sources through tsx, so a developer's edits always take effect.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'cli', 'aula.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  if (process.env.AULA_FROM_SOURCE === '1') return false;
  try {
    return fs.statSync(bundle).mtimeMs >= newestSource(path.join(root, 'server'));
  } catch {
    return false;
  }
}

if (bundleIsFresh()) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../server/cli-main.ts');
}
