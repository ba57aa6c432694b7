import { defaultDataDir } from '../config.js';
import { stampIfChanged } from '../store/change-stamp.js';
import { type Db, openDatabase } from '../store/open-database.js';

export interface DataDirOption {
  dataDir?: string;
}

export function resolveDataDir(options: DataDirOption): string {
  return options.dataDir ?? defaultDataDir();
}

/**
 * Runs a command against the data folder's database. Safe while `aula serve` runs on the same folder: WAL lets
 * both connections work, and busy_timeout waits out the server's short write transactions.
 */
export function withDatabase<T>(options: DataDirOption, work: (db: Db) => T): T {
  const db = openDatabase(resolveDataDir(options));
  try {
    return work(db);
  } finally {
    closeDatabase(db);
  }
}

/**
 * Every command's connection closes here: when it changed anything, a running `aula serve` is told, through the
 * database, so open dashboards refetch (change-stamp.ts). Also after a failure: what was committed before it counts.
 */
export function closeDatabase(db: Db): void {
  try {
    if (db.open && !db.readonly) stampIfChanged(db);
  } finally {
    db.close();
  }
}
