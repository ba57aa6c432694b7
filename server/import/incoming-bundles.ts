import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** A bundle the dashboard is receiving into the data folder, claimed by this process until `release()`. */
export interface IncomingBundle {
  /** Where the received zip is written: `imports/incoming-<uuid>.zip`. */
  file: string;
  /** Deletes the zip and lets go of the claim; safe to call twice. */
  release(): void;
}

const INCOMING = /^incoming-[0-9a-f-]+\.(zip|lock)$/;

/**
 * Claims a new file name for a bundle being received. Beside the zip lies `incoming-<uuid>.lock`, held with SQLite's
 * own file lock (as upload-lock.ts holds `upload.lock`) for as long as the import runs: the operating system drops it
 * when this process ends however it ends, so a server killed mid-import leaves a zip whose lock nobody holds, which
 * the next start removes, while a zip another running Aula is still importing from (a second server on the same
 * folder) keeps its lock and is left alone. The lock is taken before the zip exists, so there is no moment when a
 * zip in use lies there unclaimed.
 */
export function claimIncomingBundle(folder: string): IncomingBundle {
  fs.mkdirSync(folder, { recursive: true });
  const name = `incoming-${randomUUID()}`;
  const file = path.join(folder, `${name}.zip`);
  const lockFile = path.join(folder, `${name}.lock`);
  const lock = new Database(lockFile, { timeout: 0 });
  lock.exec('BEGIN EXCLUSIVE');
  return {
    file,
    release: () => {
      fs.rmSync(file, { force: true });
      if (lock.open) lock.close();
      fs.rmSync(lockFile, { force: true });
    },
  };
}

/**
 * Removes what imports that were stopped midway (a killed server, a power cut) left in `folder`: every
 * `incoming-*.zip` and `incoming-*.lock` no running import holds. A zip without a lock beside it was left by an Aula
 * from before these locks. Returns the names removed. Run at start-up.
 */
export function removeAbandonedBundles(folder: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((name) => INCOMING.test(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  const stems = new Set(names.map((name) => name.replace(/\.(zip|lock)$/, '')));
  for (const stem of stems) {
    const zip = path.join(folder, `${stem}.zip`);
    const lockFile = path.join(folder, `${stem}.lock`);
    const lock = claimIfFree(lockFile);
    if (lock === 'held') continue;
    // The zip while the lock is held; the lock file once closed (Windows cannot delete a file that is open).
    try {
      if (removeFile(zip)) removed.push(path.basename(zip));
    } finally {
      lock?.close();
    }
    if (removeFile(lockFile)) removed.push(path.basename(lockFile));
  }
  return removed;
}

function removeFile(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  fs.rmSync(file, { force: true });
  return true;
}

/** The lock's connection once claimed, null when there is no lock file, 'held' while an import holds it. */
function claimIfFree(lockFile: string): Database.Database | null | 'held' {
  if (!fs.existsSync(lockFile)) return null;
  let lock: Database.Database;
  try {
    lock = new Database(lockFile, { timeout: 0, fileMustExist: true });
  } catch {
    // Gone meanwhile: its import has just finished and removed it.
    return null;
  }
  try {
    lock.exec('BEGIN EXCLUSIVE');
    return lock;
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return 'held';
    throw error;
  }
}
