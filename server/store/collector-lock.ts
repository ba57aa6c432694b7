import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './open-database.js';
import { getSetting, setSetting } from './settings-repo.js';

/**
 * Another collector (`aula serve`, the desktop app) already runs on this data folder. Two would share the database
 * but not what each keeps in memory (results and alerts being accumulated, sessions' last activity, the live stream),
 * so each dashboard would show half of the class and the per-student results would be written over by the other; and
 * the desktop app, finding port 3000 taken by `aula serve`, would offer the next port and become the second one.
 */
export class CollectorRunningError extends Error {
  readonly code = 'AULA_IN_USE';
  constructor(
    readonly dataDir: string,
    readonly holder: RunningCollector | undefined,
  ) {
    const where = holder ? ` (process ${holder.pid}, dashboard at ${holder.url}/)` : '';
    super(
      `Another Aula collector is already running on the data folder ${dataDir}${where}: aula serve in another terminal or as a service, or the desktop app. ` +
        'Use that one, or stop it first; a second collector needs another data folder (--data-dir DIR or AULA_DATA_DIR).',
    );
  }
}

/** Who holds the lock, as it wrote itself into the database once listening (for the message above). */
export interface RunningCollector {
  pid: number;
  url: string;
}

const RUNNING_KEY = 'collector_running';
const CLAIM_WAIT_MS = 250;

export interface CollectorLock {
  /** Writes this collector's address where a second one can read it. */
  announce(running: RunningCollector): void;
  release(): void;
}

/**
 * One collector per data folder, across processes and within one. The lock is SQLite's own file lock on a small
 * file beside the database (`collector.lock`), as upload.lock is for uploads: an EXCLUSIVE transaction held while the
 * collector runs, asked for without waiting. The operating system drops it when the process ends, however it ends, so
 * a crash or a power cut leaves nothing stale to clear.
 */
export function claimCollectorLock(db: Db, dataDir: string): CollectorLock {
  // A quarter of a second: a collector that holds the lock holds it for good, while a command looking whether one
  // runs (liveCollector) holds it for microseconds and must not make a collector starting then give up.
  const lock = new Database(path.join(path.dirname(db.name), 'collector.lock'), { timeout: CLAIM_WAIT_MS });
  try {
    // No table, nothing written: the transaction exists only to hold the file's lock; closing it lets go.
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new CollectorRunningError(dataDir, runningCollector(db));
    throw error;
  }
  // Until this one listens, a second one must not quote the address of an earlier run.
  setSetting(db, RUNNING_KEY, '');
  return {
    announce: (running) => setSetting(db, RUNNING_KEY, JSON.stringify(running)),
    release: () => {
      if (lock.open) lock.close();
    },
  };
}

function runningCollector(db: Db): RunningCollector | undefined {
  try {
    const value = JSON.parse(getSetting(db, RUNNING_KEY) ?? 'null') as Partial<RunningCollector> | null;
    return typeof value?.pid === 'number' && typeof value.url === 'string' ? { pid: value.pid, url: value.url } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The collector running on this data folder now, if one is: its lock is held (a crashed one's is not, whatever it
 * last wrote). For commands that print addresses, e.g. the port `aula serve` really listens on. Taking the lock for a
 * moment to look is harmless: a collector starting in that moment waits for it (claimCollectorLock).
 */
export function liveCollector(db: Db): RunningCollector | undefined {
  let probe: Database.Database | undefined;
  try {
    probe = new Database(path.join(path.dirname(db.name), 'collector.lock'), { timeout: 0 });
    probe.exec('BEGIN EXCLUSIVE');
    return undefined;
  } catch (error) {
    // Busy: one runs. Anything else (a folder where the lock file cannot be made): not known, as before.
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return runningCollector(db);
    return undefined;
  } finally {
    probe?.close();
  }
}
