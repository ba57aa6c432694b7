import { openDatabase } from '../../server/store/open-database.js';
import { tempDir } from './temp-dir.js';

/**
 * A fresh temp data folder holding a new, empty Aula database, as the first `aula serve` leaves it: what commands that
 * only read or change existing data (stats, list, show, teacher-key…) need, since they refuse a folder without one.
 */
export function tempDataFolder(prefix?: string): string {
  const dir = tempDir(prefix);
  openDatabase(dir, { create: true }).close();
  return dir;
}
