import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { startServe } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

/** A checkout's renderer/: a screen's source and a build, each at the given time (seconds since 1970). */
function checkout(sourceAt: number, builtAt: number): string {
  const renderer = path.join(tempDir(), 'renderer');
  fs.mkdirSync(path.join(renderer, 'src', 'screens'), { recursive: true });
  fs.mkdirSync(path.join(renderer, 'dist'));
  const source = path.join(renderer, 'src', 'screens', 'live.tsx');
  const built = path.join(renderer, 'dist', 'index.html');
  fs.writeFileSync(source, 'export {};');
  fs.writeFileSync(built, '<html><body>Aula</body></html>');
  fs.utimesSync(source, sourceAt, sourceAt);
  fs.utimesSync(built, builtAt, builtAt);
  return path.join(renderer, 'dist');
}

async function bannerWith(dashboardDir: string): Promise<string> {
  process.env.AULA_DASHBOARD_DIR = dashboardDir;
  try {
    const serve = await startServe(tempDir(), ['--no-mdns']);
    try {
      // Served all the same: the teacher may still use it, knowing why a screen looks wrong.
      assert.equal((await fetch(`${serve.url}/`)).status, 200);
      return serve.output();
    } finally {
      await serve.stop();
    }
  } finally {
    delete process.env.AULA_DASHBOARD_DIR;
  }
}

test('aula serve from a checkout whose dashboard was built before a git pull says so and how to rebuild it', async () => {
  const now = Date.now() / 1000;
  const stale = await bannerWith(checkout(now, now - 3600));
  assert.match(
    stale,
    /Dashboard: http:\/\/127\.0\.0\.1:\d+\/ {2}\(built before its sources last changed, e.g\. by a git pull: it may not match this collector\)\n {2}rebuild it with: npm run build:renderer \(npm start does it\), then reload the dashboard\n/,
  );
  const fresh = await bannerWith(checkout(now - 3600, now));
  assert.match(fresh, /Dashboard: http:\/\/127\.0\.0\.1:\d+\/\n/);
  assert.doesNotMatch(fresh, /built before its sources/);
});
