import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// The same check as `npm start`'s, which rebuilds such a dashboard before it starts the collector.
import { dashboardBuildNeeded } from '../../scripts/dashboard-freshness.mjs';

/** renderer/dist next to the sources (from source) or next to the bundled server (packaged app). */
export function defaultDashboardDir(): string {
  return process.env.AULA_DASHBOARD_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../renderer/dist');
}

/**
 * Whether the dashboard is a checkout's renderer/dist built before its sources last changed (a `git pull`, an edit):
 * it then shows yesterday's screens against today's collector. An installed Aula has no sources beside its build.
 */
export function dashboardIsStale(dashboardDir: string | undefined): boolean {
  if (!dashboardDir || path.basename(dashboardDir) !== 'dist') return false;
  const renderer = path.dirname(dashboardDir);
  if (!fs.existsSync(path.join(renderer, 'src'))) return false;
  return dashboardBuildNeeded(renderer) === 'stale';
}
