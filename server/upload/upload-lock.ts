import path from 'node:path';
import Database from 'better-sqlite3';
import { word, wording } from '../i18n/wording.js';
import type { Db } from '../store/open-database.js';

/** Another upload from the same database is running (another `aula upload`, or the dashboard's). */
export class UploadRunningError extends Error {
  /** The admin API words it in the dashboard's language; `message` is the English the CLI prints. */
  readonly wording = wording('upload.lockHeld');

  constructor() {
    super(word(wording('upload.lockHeld')));
  }
}

export interface UploadLock {
  release(): void;
}

/**
 * One upload per database at a time, across processes: two uploads would both read the same statements as pending and
 * both send them. The lock is SQLite's own file lock, on a small file of its own beside the database (`upload.lock`):
 * an EXCLUSIVE transaction held for the whole upload, asked for without waiting, so a second upload is refused at
 * once. The operating system drops the lock when the process holding it ends, however it ends (kill -9, a power cut
 * before the next start), so there is no pid to check, no stale lock to expire and no clean-up; SQLite also keeps
 * two connections of one process apart, so the dashboard's upload and a CLI upload exclude each other either way.
 * (A row in the database claimed with the holder's pid would need a liveness check that a reused pid can fool, and
 * proper-lockfile's stale timeout would keep refusing for its length after a crash.)
 */
export function claimUploadLock(db: Db): UploadLock {
  if (db.memory) return { release: () => {} };
  const lock = new Database(path.join(path.dirname(db.name), 'upload.lock'), { timeout: 0 });
  try {
    // No table, nothing written: the transaction exists only to hold the file's lock; closing it lets go.
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new UploadRunningError();
    throw error;
  }
  return {
    release: () => {
      if (lock.open) lock.close();
    },
  };
}
