import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type Db, openDatabase, PRIVATE_FOLDER_MODE } from './open-database.js';
import { overwriteAndRemoveSync } from './overwrite-file.js';

/** How many automatic backups a data folder keeps (the oldest go first). */
export const AUTOMATIC_BACKUPS_KEPT = 5;

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/**
 * A consistent copy of the live database, safe while games are sending: `VACUUM INTO` reads one snapshot in a single
 * read transaction (WAL lets the writer go on meanwhile) and writes a compact, complete database file. SQLite's
 * page-by-page backup API would restart on every write by the collector and never finish under load.
 */
export function backupDatabase(db: Db, file: string): { file: string; bytes: number } {
  const target = path.resolve(file);
  const folder = path.dirname(target);
  // A typo in the folder would otherwise leave the copy somewhere no one looks for it.
  if (!fs.existsSync(folder)) throw new Error(`There is no folder ${folder}; create it first or choose another file name`);
  if (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
    const example = path.join(target, `aula-${new Date().toISOString().slice(0, 10)}.sqlite`);
    throw new Error(`${target} is a folder; give a file name in it, such as ${example}`);
  }
  if (fs.existsSync(target)) throw new Error(`${target} already exists; choose another file name`);
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } catch (error) {
    // A half-written copy must not be taken for a backup later (the target did not exist before: checked above).
    fs.rmSync(target, { force: true });
    throw new Error(backupWriteProblem(error, target));
  }
  return { file: target, bytes: fs.statSync(target).size };
}

/** Why the copy could not be written, with what to do: SQLite's own words ("unable to open database file") say neither. */
function backupWriteProblem(error: unknown, target: string): string {
  const code = String((error as { code?: unknown }).code ?? '');
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM')) {
    return `Cannot write ${target} (no permission to write in ${path.dirname(target)}, or a read-only disk); choose a folder you can write to`;
  }
  if (code.startsWith('SQLITE_FULL')) return `The disk of ${path.dirname(target)} is full; nothing was written. Choose another disk, or free some space`;
  return `The backup could not be written to ${target}: ${(error as Error).message}`;
}

function safeLabel(label: string): string {
  return label.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 40) || 'backup';
}

/** A timestamped backup in the data folder's backups/ (e.g. when an activity is closed), keeping the newest few. */
export function automaticBackup(db: Db, dataDir: string, label: string, now = new Date()): string {
  const dir = backupsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const { file } = backupDatabase(db, path.join(dir, `aula-${stamp}-${safeLabel(label)}.sqlite`));
  // The oldest go by name, which is the wall clock's time: the copy just written is never among them. After the
  // laptop's clock was set back (by hand, or by NTP), its name sorted first and the rotation removed it at once,
  // keeping the older copies stamped by the clock that was ahead (docs/clock.md).
  const written = path.basename(file);
  const automatic = fs
    .readdirSync(dir)
    .filter((name) => name.startsWith('aula-') && name.endsWith('.sqlite') && !name.includes(BEFORE_UPGRADE) && name !== written)
    .sort();
  // Overwritten before removed, as `aula backup delete` does: an old backup still holds the students erased since.
  // This runs on the backup thread (or in `aula activity close`), off the collector's event loop.
  for (const old of automatic.slice(0, Math.max(0, automatic.length + 1 - AUTOMATIC_BACKUPS_KEPT))) {
    overwriteAndRemoveSync(path.join(dir, old));
  }
  return file;
}

/** In the name of the copy kept before a schema upgrade, which the rotation above never removes. */
const BEFORE_UPGRADE = '-before-upgrade-';

/**
 * The copy of a database written by an older Aula, kept in backups/ before this version upgrades it: an upgraded
 * database is refused by the older version, so this copy is the way back to it (`aula restore` with that version).
 */
export function backupBeforeUpgrade(db: Db, dataDir: string, from: number, to: number, now = new Date()): string {
  const dir = backupsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return backupDatabase(db, path.join(dir, `aula-${stamp}${BEFORE_UPGRADE}schema-${from}-to-${to}.sqlite`)).file;
}

/** SQLite's quick_check (structure, not every index entry): cheap enough to run at every start. */
export function quickCheck(db: Db): string | null {
  try {
    const rows = db.pragma('quick_check(1)') as Array<{ quick_check: string }>;
    const first = rows[0]?.quick_check ?? 'ok';
    return first === 'ok' ? null : first;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * quick_check of the data folder's database on a read-only connection of its own, whose small page cache goes when
 * it closes: the check reads every page once, and a long-lived connection would keep the last of them cached.
 */
export function quickCheckStore(dataDir: string): string | null {
  let db: Db | undefined;
  try {
    db = openDatabase(dataDir, { readonly: true });
    db.pragma(`cache_size = -${CHECK_CACHE_KB}`);
    return quickCheck(db);
  } catch (error) {
    return (error as Error).message;
  } finally {
    db?.close();
  }
}

const CHECK_CACHE_KB = 2048;

/** quick_check of a backup file before it replaces anything; null when it is a sound database. */
export function checkBackupFile(file: string): string | null {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return quickCheck(db);
  } catch (error) {
    return (error as Error).message;
  } finally {
    db?.close();
  }
}
