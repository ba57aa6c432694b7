import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** renderer/dist next to the sources (from source) or next to the bundled server (packaged app). */
export function defaultDashboardDir(): string {
  return process.env.AULA_DASHBOARD_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../renderer/dist');
}
