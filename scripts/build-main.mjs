#!/usr/bin/env node
// Compiles the Electron main process (with the collector from server/) and the preload script to dist/main/, the
// JavaScript a packaged app runs (package.json "main"). From source, tsx runs the TypeScript; Electron cannot.
// Dependencies stay external: electron-builder packs them from node_modules (better-sqlite3 is native).
// `--outdir <dir>` (inside the project, so node_modules resolve) builds elsewhere, for tests.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = path.resolve(root, outdirFlag > 0 ? process.argv[outdirFlag + 1] : path.join('dist', 'main'));
const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: false, logLevel: 'warning', absWorkingDir: root };

await Promise.all([
  build({
    ...common,
    // The collector's ingest writer thread starts `./worker-entry.js` next to the module that spawns it, which is
    // this bundle.
    entryPoints: { index: 'main/index.ts', 'worker-entry': 'server/store/ingest-worker/worker-entry.ts', 'export-encode-worker': 'server/export/encode-worker/encode-worker-entry.ts', 'backup-worker': 'server/store/backup-thread/backup-entry.ts', 'import-worker': 'server/import/import-thread/import-entry.ts' },
    outdir,
    format: 'esm',
    packages: 'external',
  }),
  // Sandboxed preloads must be CommonJS and may only require 'electron'.
  build({
    ...common,
    entryPoints: { preload: 'main/preload.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    external: ['electron'],
  }),
]);
console.log(`Built ${path.relative(root, outdir)}/index.js, worker-entry.js and preload.cjs`);
