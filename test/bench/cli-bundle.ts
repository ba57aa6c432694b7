import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/serve-process.js';

/** The compiled `aula` command: what `npm start` and the installers run. */
export const CLI_BUNDLE = path.join(ROOT, 'dist', 'cli', 'aula.js');

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Rebuilds the bundle when a source in server/ is newer. Benchmarks start the bundle directly: bin/aula.js falls back
 * to the TypeScript sources through tsx when the bundle is stale, and a benchmark run that way measured tsx's
 * compiling, not Aula (with 1M statements stored: ready after 1.9 s instead of 0.66 s, peak RSS 219 MB instead of
 * 144 MB).
 */
export function ensureCliBundle(): string {
  const built = fs.existsSync(CLI_BUNDLE) ? fs.statSync(CLI_BUNDLE).mtimeMs : 0;
  if (built < newestIn(path.join(ROOT, 'server'))) {
    process.stderr.write('building dist/cli (node scripts/build-cli.mjs)\n');
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (!fs.existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} could not be built: the benchmark measures the compiled command only`);
  return CLI_BUNDLE;
}
