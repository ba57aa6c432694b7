import fs from 'node:fs';
import path from 'node:path';
import { defaultDataDir } from '../config.js';
import { stampIfChanged } from '../store/change-stamp.js';
import { DATABASE_FILE_SUFFIXES, type Db, databaseFile, NoDatabaseError, NotADataFolderError, openDatabase } from '../store/open-database.js';
import { CliError } from './output.js';

export interface DataDirOption {
  dataDir?: string;
}

/**
 * What a command does with its data folder. `existing`: it reads or changes data that must already be there, so a
 * folder without a database (a typo, the wrong AULA_DATA_DIR) is refused instead of becoming an empty database.
 * `set-up`: it prepares a lesson on a new laptop (activity create, class create, student add/import, import), so it
 * creates the folder and the database when there are none — and removes them again if the command then fails.
 */
export type DataFolderUse = 'existing' | 'set-up';

export function resolveDataDir(options: DataDirOption): string {
  return options.dataDir ?? defaultDataDir();
}

/** Where the folder came from, for the message that says where a command looked. */
function sourceOf(options: DataDirOption): string {
  if (options.dataDir !== undefined) return 'given with --data-dir';
  if (process.env.AULA_DATA_DIR) return 'from AULA_DATA_DIR';
  return 'the default data folder';
}

const CHOOSE = 'Choose the data folder with --data-dir DIR or the AULA_DATA_DIR environment variable';

/** One line for a data folder that cannot be used: where the command looked, and how to choose another. */
export function dataFolderProblem(error: NoDatabaseError | NotADataFolderError, options?: DataDirOption): string {
  const source = options ? sourceOf(options) : undefined;
  if (error instanceof NotADataFolderError) return `${error.message}${source ? ` (${source})` : ''}. ${CHOOSE}.`;
  const where = `${source ? `${source}; ` : ''}${error.folderExists ? 'no aula.sqlite in it' : 'the folder does not exist'}`;
  return `No Aula database in ${error.dataDir} (${where}). ${CHOOSE}; aula serve or aula activity create sets up a new one.`;
}

export interface OpenData {
  db: Db;
  dataDir: string;
  /** Set when this command created the database: the folders it made (deepest first), to undo on failure. */
  createdNow: { folders: string[] } | null;
}

/**
 * Opens the data folder's database for a command. Safe while `aula serve` runs on the same folder: WAL lets both
 * connections work, and busy_timeout waits out the server's short write transactions. Close it with closeData.
 */
export function openData(options: DataDirOption, use: DataFolderUse = 'existing'): OpenData {
  const dataDir = resolveDataDir(options);
  const existed = fs.existsSync(databaseFile(dataDir));
  const folders = existed ? [] : missingFolders(dataDir);
  try {
    const db = openDatabase(dataDir, { create: use === 'set-up' });
    return { db, dataDir, createdNow: existed ? null : { folders } };
  } catch (error) {
    if (error instanceof NoDatabaseError || error instanceof NotADataFolderError) throw new CliError(dataFolderProblem(error, options));
    throw error;
  }
}

/**
 * Closes a command's connection. A database this command created is removed again when the command failed (bad
 * input changes nothing: `aula student add` into a class of a mistyped folder leaves no empty database behind), and
 * otherwise announced, so a mistyped folder shows at once.
 */
export function closeData(opened: OpenData, outcome: 'done' | 'failed'): void {
  closeDatabase(opened.db);
  if (!opened.createdNow) return;
  if (outcome === 'done') announceNewDataFolder(opened.dataDir);
  else removeNewDataFolder(opened.dataDir, opened.createdNow.folders);
}

/** Said on standard error once a command has set a new data folder up, so a mistyped folder shows at once. */
export function announceNewDataFolder(dataDir: string): void {
  process.stderr.write(`aula: set up a new data folder in ${path.resolve(dataDir)} (another one: --data-dir DIR or AULA_DATA_DIR)\n`);
}

/**
 * Undoes a data folder set up by a command that then failed: the database files and the `folders` it created (deepest
 * first, see missingFolders). Only files and empty folders this process has just created. (Another process setting up
 * the same new folder in the same instant is not guarded against: both would be commands run on a brand-new folder.)
 */
export function removeNewDataFolder(dataDir: string, folders: string[]): void {
  const file = databaseFile(dataDir);
  try {
    for (const suffix of DATABASE_FILE_SUFFIXES) fs.rmSync(file + suffix, { force: true });
    // The collector's lock file (collector-lock.ts), left by `aula serve` when it could not listen.
    for (const suffix of ['', '-journal']) fs.rmSync(path.join(dataDir, `collector.lock${suffix}`), { force: true });
  } catch {
    // A folder this user may not change: the failure being reported says so; this clean-up must not hide it.
    return;
  }
  for (const folder of folders) {
    try {
      fs.rmdirSync(folder);
    } catch {
      // Not empty (something else was put there meanwhile): it stays.
    }
  }
}

/** The folders `dir` needs that do not exist yet, deepest first. */
export function missingFolders(dir: string): string[] {
  const missing: string[] = [];
  for (let folder = path.resolve(dir); !fs.existsSync(folder) && path.dirname(folder) !== folder; folder = path.dirname(folder)) {
    missing.push(folder);
  }
  return missing;
}

/** Runs a command against the data folder's database (see openData and DataFolderUse). */
export function withDatabase<T>(options: DataDirOption, work: (db: Db) => T, use: DataFolderUse = 'existing'): T {
  const opened = openData(options, use);
  let result: T;
  try {
    result = work(opened.db);
  } catch (error) {
    closeData(opened, 'failed');
    throw whyNothingWasSetUp(opened, error);
  }
  closeData(opened, 'done');
  return result;
}

/** withDatabase for work that awaits (password hashing, an import's chunks) with the connection open. */
export async function withDatabaseAsync<T>(options: DataDirOption, work: (db: Db) => Promise<T>, use: DataFolderUse = 'existing'): Promise<T> {
  const opened = openData(options, use);
  let result: T;
  try {
    result = await work(opened.db);
  } catch (error) {
    closeData(opened, 'failed');
    throw whyNothingWasSetUp(opened, error);
  }
  closeData(opened, 'done');
  return result;
}

/**
 * A set-up command that failed on a folder without a database says so under its own message: "No class named 3B"
 * alone would send the teacher to create the class in what may be a mistyped folder.
 */
export function whyNothingWasSetUp(opened: OpenData, error: unknown): unknown {
  if (!opened.createdNow || !(error instanceof CliError)) return error;
  return new CliError(`${error.message}\n(${path.resolve(opened.dataDir)} held no Aula database; none was set up there.)`, error.exitCode);
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
