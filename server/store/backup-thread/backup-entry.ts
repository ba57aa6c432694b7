import { parentPort, workerData } from 'node:worker_threads';
import { automaticBackup, quickCheckStore } from '../backups.js';
import { openDatabase } from '../open-database.js';
import type { BackupReply, CheckReply, ThreadRequest } from './messages.js';

/**
 * One backup, or the start-up check of a large database, on a thread of its own with its own read-only connection:
 * both read a snapshot of the whole file (WAL) while the collector's event loop keeps answering games and the
 * writer keeps committing.
 */
const port = parentPort;
if (!port) throw new Error('backup-entry runs as a worker thread');
const request = workerData as ThreadRequest;
let reply: BackupReply | CheckReply;
try {
  if (request.task === 'check') {
    reply = { ok: true, problem: quickCheckStore(request.dataDir) };
  } else {
    const db = openDatabase(request.dataDir, { readonly: true });
    try {
      reply = { ok: true, file: automaticBackup(db, request.dataDir, request.label, new Date(request.nowMs)) };
    } finally {
      db.close();
    }
  }
} catch (error) {
  const { message, code } = error as { message?: string; code?: unknown };
  reply = { ok: false, message: message ?? String(error), ...(typeof code === 'string' ? { code } : {}) };
}
port.postMessage(reply);
