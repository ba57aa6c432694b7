import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupBeforeUpgrade } from './backups.js';
import { migrations, schemaVersion } from './migrations/index.js';

export type Db = Database.Database;

export class DatabaseTooNewError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
  ) {
    super(
      `The database ${file} was written by a newer version of Aula (schema ${found}, this version knows ${schemaVersion}). ` +
        'Install the newer Aula, or point --data-dir at another folder.',
    );
  }
}

/** The database cannot be read as SQLite: the message says how to get back to work from a backup. */
export class DatabaseDamagedError extends Error {
  constructor(file: string, problem: string, dataDir: string) {
    super(
      `The database ${file} is damaged (${problem}). Stop Aula, keep the damaged file aside, and restore the newest ` +
        `backup from ${path.join(dataDir, 'backups')} with: aula restore <backup file> --data-dir ${dataDir}`,
    );
  }
}

const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/** The database file and SQLite's companions of it: what holds a data folder's data, besides backups/. */
export const DATABASE_FILE_SUFFIXES = ['', '-wal', '-shm', '-journal'] as const;

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'aula.sqlite');
}

/**
 * The data folder's path names a file (or lies inside one): no database can be opened or created there. The code is
 * Node's, so callers that sort start-up failures by code (the desktop app's dialog) see a data folder problem.
 */
export class NotADataFolderError extends Error {
  readonly code = 'ENOTDIR';
  constructor(
    readonly dataDir: string,
    readonly file: string,
  ) {
    super(file === dataDir ? `${dataDir} is a file, not a data folder` : `${dataDir} cannot be a data folder: ${file} is a file`);
  }
}

/** Opened with `create: false` (a command that only uses existing data), and the folder holds no database. */
export class NoDatabaseError extends Error {
  readonly code = 'ENOENT';
  constructor(
    readonly dataDir: string,
    readonly folderExists: boolean,
  ) {
    super(`No Aula database in ${dataDir} (${folderExists ? 'no aula.sqlite in it' : 'the folder does not exist'})`);
  }
}

/**
 * The data folder or its database may not be written (or read) by this user: a folder made by another account (`sudo
 * aula serve` once, then `aula serve`), a read-only disk or share. The code stays the operating system's, so the
 * desktop app's start-up dialog sorts it as a data folder problem and offers another folder.
 */
export class DataFolderAccessError extends Error {
  constructor(
    readonly dataDir: string,
    readonly code: string,
    what: string,
  ) {
    const user = safeUserName();
    super(
      `Aula cannot ${what} (${ACCESS_REASONS[code] ?? code}). ` +
        `Give ${user ? `the user ${user}` : 'this user'} permission to write to that folder and its files, or choose another folder with --data-dir DIR or the AULA_DATA_DIR environment variable.`,
    );
  }
}

const ACCESS_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the disk is read-only',
  SQLITE_READONLY: 'its files are read-only for this user',
  SQLITE_CANTOPEN: 'the database file cannot be opened: permission denied, or the disk is read-only',
};

function safeUserName(): string | undefined {
  try {
    return os.userInfo().username;
  } catch {
    return undefined;
  }
}

/** SQLite reports a read-only file as SQLITE_READONLY (or a subcode such as SQLITE_READONLY_DIRECTORY). */
function accessCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return undefined;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return code;
  if (code.startsWith('SQLITE_READONLY')) return 'SQLITE_READONLY';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'SQLITE_CANTOPEN';
  return undefined;
}

export interface OpenOptions {
  readonly?: boolean;
  /**
   * Create the folder and the database when there is none (default: true, false when read-only). Only what sets a
   * data folder up (the collector, and the commands that prepare a lesson) creates one: a mistyped folder must not
   * turn into an empty database that every other command then reads without a word.
   */
  create?: boolean;
}

/**
 * A data folder Aula makes is its user's alone: the database holds the students' traces and password hashes, the
 * secret that signs their logins, the teacher key and the xAPI secrets, and on a shared school computer another
 * account could otherwise read them all. A folder chosen that already exists keeps its permissions.
 */
export const PRIVATE_FOLDER_MODE = 0o700;

/**
 * Opens the database of a data folder, creating it when allowed (see OpenOptions.create). Durable by default: WAL
 * with synchronous=FULL, so an acknowledged write is on disk; group commit in the ingest writer is what keeps that
 * fast.
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  const create = options.create ?? !options.readonly;
  const folder = path.resolve(dataDir);
  const fileInTheWay = fileAlong(folder);
  if (fileInTheWay) throw new NotADataFolderError(folder, fileInTheWay);
  const file = databaseFile(dataDir);
  if (!create && !fs.existsSync(file)) throw new NoDatabaseError(folder, fs.existsSync(folder));
  if (create) {
    try {
      fs.mkdirSync(dataDir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
    } catch (error) {
      const code = accessCode(error);
      throw code ? new DataFolderAccessError(folder, code, `create the data folder ${folder}`) : error;
    }
  }
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: !create });
  } catch (error) {
    const code = accessCode(error);
    throw code ? new DataFolderAccessError(folder, code, `open the database ${path.resolve(file)}`) : error;
  }
  let found: number;
  try {
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    found = db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code;
    if (code && DAMAGE_CODES.has(code)) throw new DatabaseDamagedError(file, (error as Error).message, dataDir);
    const access = accessCode(error);
    if (access) throw new DataFolderAccessError(folder, access, `write to the database ${path.resolve(file)}`);
    throw error;
  }
  if (found > schemaVersion) {
    db.close();
    throw new DatabaseTooNewError(file, found);
  }
  if (!options.readonly && found > 0 && found < schemaVersion) keepCopyBeforeUpgrade(db, folder, found);
  if (!options.readonly) migrate(db, found);
  return db;
}

/**
 * The first start of a newer Aula (after a `git pull` or an update) keeps a copy of the database as the older version
 * left it, before upgrading it: the older version refuses an upgraded database, so without this copy there is no way
 * back. Without room for it the upgrade does not start, and the message says why.
 */
function keepCopyBeforeUpgrade(db: Db, dataDir: string, found: number): void {
  try {
    backupBeforeUpgrade(db, dataDir, found, schemaVersion);
  } catch (error) {
    db.close();
    throw new DatabaseUpgradeBackupError(dataDir, (error as Error).message);
  }
}

/** The copy before an upgrade could not be written; nothing was upgraded. */
export class DatabaseUpgradeBackupError extends Error {
  constructor(dataDir: string, problem: string) {
    super(
      `Aula must upgrade the database in ${dataDir} and keeps a copy of it first in ${path.join(dataDir, 'backups')}, but could not (${problem}). ` +
        'Nothing was changed. Free some disk space (the copy is about as large as aula.sqlite), then start Aula again.',
    );
  }
}

/** The file that stands where the folder or one of its parents should be, if any. */
function fileAlong(folder: string): string | null {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(dir, { throwIfNoEntry: false });
    } catch (error) {
      // ENOTDIR: a parent is a file; the walk up finds which.
      if ((error as { code?: string }).code !== 'ENOTDIR') throw error;
    }
    if (stat) return stat.isDirectory() ? null : dir;
    if (path.dirname(dir) === dir) return null;
  }
}

function migrate(db: Db, from: number): void {
  if (from === schemaVersion) return;
  // IMMEDIATE: two processes opening a new folder at once must not both run migration 1.
  const run = db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    for (let version = current; version < schemaVersion; version++) {
      const step = migrations[version];
      if (!step) throw new Error(`missing migration ${version + 1}`);
      step(db);
    }
    db.pragma(`user_version = ${schemaVersion}`);
  });
  run.immediate();
}
