#!/usr/bin/env node
// Compiles the `aula` command (server/) to dist/cli/: plain JavaScript starts in a fraction of the time and memory
// tsx needs to compile the sources at every start. Runs on `npm install` (prepare); bin/aula.js uses the bundle
// while it is newer than every source file, and the sources through tsx otherwise (so edits take effect at once).
// Dependencies stay external (better-sqlite3 is native).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
try {
  const { build } = await import('esbuild');
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    absWorkingDir: root,
    // The ingest writer thread starts `./worker-entry.js` next to the module that spawns it: this bundle (and the
    // export's encoding thread `./export-encode-worker.js`, the dashboard's backup thread `./backup-worker.js`, its import thread `./import-worker.js`).
    entryPoints: { aula: 'server/cli-main.ts', 'worker-entry': 'server/store/ingest-worker/worker-entry.ts', 'export-encode-worker': 'server/export/encode-worker/encode-worker-entry.ts', 'backup-worker': 'server/store/backup-thread/backup-entry.ts', 'import-worker': 'server/import/import-thread/import-entry.ts' },
    outdir: path.join(root, 'dist', 'cli'),
  });
  console.log('Built dist/cli/aula.js');
} catch (error) {
  // Never fail an install for this: the command still runs from the sources through tsx.
  console.warn(`Could not build dist/cli (${error.message}); aula will run from the TypeScript sources.`);
}
