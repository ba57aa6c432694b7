import { Worker } from 'node:worker_threads';
import type { BackupReply, BackupRequest } from './messages.js';

/** A backup failure as the thread reported it; `code` is SQLite's (e.g. SQLITE_FULL). */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * `automaticBackup` on a worker thread: the same file, name and rotation, without pausing the collector for the
 * copy (about a second per few hundred MB). Resolves with the backup's path.
 */
export function backupInThread(request: BackupRequest): Promise<string> {
  // Built code runs next to backup-worker.js (a bundle entry); from sources, through the tsx bootstrap.
  const entry = import.meta.url.endsWith('.ts') ? './backup-from-source.mjs' : './backup-worker.js';
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(entry, import.meta.url), { workerData: request });
    let settled = false;
    worker.once('message', (reply: BackupReply) => {
      settled = true;
      if (reply.ok) resolve(reply.file);
      else reject(new BackupError(reply.message, reply.code));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new BackupError(`the backup thread stopped (exit code ${code})`, undefined));
    });
  });
}
