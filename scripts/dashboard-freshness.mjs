// Whether `npm start` must build the dashboard: when renderer/dist is missing, or when a source is newer than the
// build (after a `git pull` or an edit), so a teacher never runs yesterday's dashboard against today's collector.
import fs from 'node:fs';
import path from 'node:path';

function newestIn(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestIn(path.join(entry, child)));
  return newest;
}

/** 'missing', 'stale' or null (up to date) for the dashboard of the renderer folder `rendererDir`. */
export function dashboardBuildNeeded(rendererDir) {
  const built = path.join(rendererDir, 'dist', 'index.html');
  if (!fs.existsSync(built)) return 'missing';
  const sources = ['src', 'index.html', 'vite.config.ts'].map((name) => newestIn(path.join(rendererDir, name)));
  return Math.max(...sources) > fs.statSync(built).mtimeMs ? 'stale' : null;
}
