import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const created: string[] = [];
process.on('exit', () => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A fresh folder under the OS temp dir, removed when the test process exits. (Not with node:test's `after`:
 * called from inside a `before` hook, that runs as soon as the hook ends.)
 */
export function tempDir(prefix = 'aula-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}
