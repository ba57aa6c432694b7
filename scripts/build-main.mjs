#!/usr/bin/env node
// Compiles the Electron main process (with the collector from server/) and the preload script to dist/main/, the
// JavaScript a packaged app runs (package.json "main"). From source, tsx runs the TypeScript; Electron cannot.
// Dependencies stay external: electron-builder packs them from node_modules (better-sqlite3 is native).
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outdir = path.join(root, 'dist', 'main');
const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: false, logLevel: 'warning', absWorkingDir: root };

await Promise.all([
  build({
    ...common,
    entryPoints: { index: 'main/index.ts' },
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
console.log(`Built ${path.relative(root, outdir)}/index.js and preload.cjs`);
