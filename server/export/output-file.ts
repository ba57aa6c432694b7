import fs from 'node:fs';
import path from 'node:path';
import { backupsDir } from '../store/backups.js';
import { DATABASE_FILE_SUFFIXES, databaseFile } from '../store/open-database.js';

/** The file an export was asked to write cannot be written, or must not be: said before anything is exported. */
export class ExportFileError extends Error {}


/**
 * Checks the file an export writes (`-o FILE`) before anything is read or written: its folder exists and takes
 * files, it is not a folder, it is none of the data folder's database files or backups (not even with `force`), and
 * it does not exist yet unless `force`. Returns the absolute path.
 */
export function checkExportFile(dataDir: string, file: string, force: boolean): string {
  const target = path.resolve(file);
  const folder = path.dirname(target);
  const folderStat = fs.statSync(folder, { throwIfNoEntry: false });
  if (!folderStat) throw new ExportFileError(`There is no folder ${folder}; create it first or choose another file name`);
  if (!folderStat.isDirectory()) throw new ExportFileError(`${folder} is a file, not a folder; choose another file name`);
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new ExportFileError(`${target} is a folder; give the name of the file to write, e.g. ${path.join(target, 'export.ndjson')}`);
  // The export is renamed over its target when complete: over /dev/null, a pipe or a socket that would replace the
  // device or pipe itself with a plain file (with the rights to do so, /dev/null for the whole system).
  if (existing && !existing.isFile()) {
    throw new ExportFileError(`${target} is not a regular file (a device, pipe or socket) and is never replaced; leave out -o to write to standard output, or choose another file name`);
  }
  if (isDataFile(dataDir, target, existing)) {
    throw new ExportFileError(`${target} is part of Aula's data (its database or a backup) and is never written over; choose another file name`);
  }
  if (existing && !force) throw new ExportFileError(`${target} already exists; choose another file name, or add --force to replace it`);
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    throw new ExportFileError(`Cannot write in ${folder} (no permission); choose another folder`);
  }
  return target;
}

/** Whether `target` is the data folder's database (or its WAL, shared memory, journal) or lies in its backups. */
function isDataFile(dataDir: string, target: string, existing: fs.Stats | undefined): boolean {
  const real = realPath(target);
  const database = databaseFile(dataDir);
  // An export over the database or one of SQLite's companions of it corrupts or loses the data.
  for (const suffix of DATABASE_FILE_SUFFIXES) {
    const protectedFile = database + suffix;
    if (samePath(real, realPath(protectedFile))) return true;
    // The same file under another name (a hard link, a case-insensitive file system).
    const stat = existing && fs.statSync(protectedFile, { throwIfNoEntry: false });
    if (stat && existing && stat.ino === existing.ino && stat.dev === existing.dev) return true;
  }
  const backups = realPath(backupsDir(dataDir));
  return samePath(real, backups) || startsWith(real, backups + path.sep);
}

/** The path with its folder's symbolic links resolved (the file itself need not exist). */
function realPath(file: string): string {
  const absolute = path.resolve(file);
  try {
    return fs.realpathSync(absolute);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(absolute)), path.basename(absolute));
    } catch {
      return absolute;
    }
  }
}

// Windows' and macOS's usual file systems ignore case: compare as they would.
const CASELESS = process.platform === 'win32' || process.platform === 'darwin';
const samePath = (a: string, b: string): boolean => (CASELESS ? a.toLowerCase() === b.toLowerCase() : a === b);
const startsWith = (a: string, prefix: string): boolean => (CASELESS ? a.toLowerCase().startsWith(prefix.toLowerCase()) : a.startsWith(prefix));
