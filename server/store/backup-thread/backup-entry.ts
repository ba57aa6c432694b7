import { parentPort, workerData } from 'node:worker_threads';
import { automaticBackup } from '../backups.js';
import { openDatabase } from '../open-database.js';
import type { BackupReply, BackupRequest } from './messages.js';

/**
 * One backup on a thread of its own, with its own read-only connection: `VACUUM INTO` reads a snapshot while the
 * collector's event loop keeps answering games and the writer keeps committing (WAL).
 */
const port = parentPort;
if (!port) throw new Error('backup-entry runs as a worker thread');
const { dataDir, label, nowMs } = workerData as BackupRequest;
let reply: BackupReply;
try {
  const db = openDatabase(dataDir, { readonly: true });
  try {
    reply = { ok: true, file: automaticBackup(db, dataDir, label, new Date(nowMs)) };
  } finally {
    db.close();
  }
} catch (error) {
  const { message, code } = error as { message?: string; code?: unknown };
  reply = { ok: false, message: message ?? String(error), ...(typeof code === 'string' ? { code } : {}) };
}
port.postMessage(reply);
