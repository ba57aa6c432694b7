import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkBackupFile } from './backups.js';
import { schemaVersion } from './migrations/index.js';
import { databaseFile, PRIVATE_FOLDER_MODE } from './open-database.js';

/** A restore refused before anything in the data folder changed; the message says why and what to do. */
export class RestoreRefusedError extends Error {}

export interface RestoreResult {
  restored: string;
  dataDir: string;
  /** Where the database it replaced now is (with its WAL beside it), or null when there was none. */
  keptAside: string | null;
}

/**
 * Replaces the data folder's database with a backup. Everything is checked first, so a refusal changes nothing:
 * the backup must be a sound Aula database this version can open, and no other process may have the database open
 * (a running `aula serve` or desktop app would go on writing into a file that is no longer there, and whatever it
 * acknowledged would be lost). The database it replaces is kept aside complete, its WAL moved along with it.
 */
export function restoreDatabase(dataDir: string, backup: string): RestoreResult {
  const source = path.resolve(backup);
  const target = databaseFile(path.resolve(dataDir));
  refuseUnsuitableBackup(source, target);
  if (fs.existsSync(dataDir) && !fs.statSync(dataDir).isDirectory()) {
    throw new RestoreRefusedError(`${path.resolve(dataDir)} is a file, not a data folder; choose the folder with --data-dir`);
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  const keptAside = fs.existsSync(target) ? keepAside(target) : null;
  fs.copyFileSync(source, target);
  return { restored: source, dataDir: path.resolve(dataDir), keptAside };
}

function refuseUnsuitableBackup(source: string, target: string): void {
  if (!fs.existsSync(source)) throw new RestoreRefusedError(`No backup file at ${source}`);
  if (!fs.statSync(source).isFile()) throw new RestoreRefusedError(`${source} is not a file; give the backup file itself`);
  if (fs.existsSync(target) && fs.realpathSync(source) === fs.realpathSync(target)) {
    throw new RestoreRefusedError(`${source} is the data folder's database itself; give a backup file (aula backup FILE, or one in backups/)`);
  }
  const problem = checkBackupFile(source);
  if (problem) throw new RestoreRefusedError(`${source} is damaged or not a database (${problem}); choose another backup`);
  const version = schemaVersionOf(source);
  if (version === 0) throw new RestoreRefusedError(`${source} is not an Aula database (made by aula backup); choose another backup`);
  if (version > schemaVersion) {
    throw new RestoreRefusedError(
      `${source} was written by a newer version of Aula (schema ${version}, this version knows ${schemaVersion}); install the newer Aula to restore it`,
    );
  }
}

/** The schema version Aula's migrations wrote (user_version), 0 for a database without Aula's tables. */
function schemaVersionOf(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasAulaTables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('activities', 'settings')").get() as {
      n: number;
    };
    return hasAulaTables.n === 2 ? (db.pragma('user_version', { simple: true }) as number) : 0;
  } finally {
    db.close();
  }
}

/**
 * Moves the current database aside, after making sure no other process has it open: an exclusive lock with no wait
 * fails at once while a server holds a connection, even an idle one. The probe's own connection also folds a WAL
 * left by a crash into the file as it closes; a WAL still there (the database too damaged to open) moves along.
 */
function keepAside(target: string): string {
  refuseWhileInUse(target);
  const aside = `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  fs.renameSync(target, aside);
  const wal = `${target}-wal`;
  if (fs.existsSync(wal)) fs.renameSync(wal, `${aside}-wal`);
  fs.rmSync(`${target}-shm`, { force: true });
  return aside;
}

function refuseWhileInUse(target: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(target, { fileMustExist: true, timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new RestoreRefusedError(
        `${target} is in use (aula serve or the desktop app is running on this data folder); stop it, then restore again`,
      );
    }
    // A database too damaged to open is what restore is for: it is moved aside as it is.
  } finally {
    db?.close();
  }
}
