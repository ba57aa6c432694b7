import type { Worker } from 'node:worker_threads';
import { startWorkerThread, ThreadError } from '../../util/worker-thread.js';
import type { BackupReply, BackupRequest, CheckReply, ThreadRequest } from './messages.js';

function startThread(request: ThreadRequest): Worker {
  return startWorkerThread(import.meta.url, { source: './backup-from-source.mjs', built: './backup-worker.js' }, { workerData: request });
}

/** The thread's one reply; a thread that stops without one is a failure. */
function replyOf<Reply extends { ok: boolean }>(worker: Worker, task: ThreadRequest['task']): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.once('message', (reply: Reply) => {
      settled = true;
      resolve(reply);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new ThreadError(`the ${task} thread stopped (exit code ${code})`, undefined));
    });
  });
}

/**
 * `automaticBackup` on a worker thread: the same file, name and rotation, without pausing the collector for the
 * copy (about a second per few hundred MB). Resolves with the backup's path.
 */
export async function backupInThread(request: Omit<BackupRequest, 'task'>): Promise<string> {
  const reply = await replyOf<BackupReply>(startThread({ task: 'backup', ...request }), 'backup');
  if (!reply.ok) throw new ThreadError(reply.message, reply.code);
  return reply.file;
}

export interface CheckInThread {
  /**
   * quick_check's first finding (or SQLite's error while checking), null when the database is sound or the check
   * was stopped; rejects when the thread itself failed, which says nothing about the database.
   */
  problem: Promise<string | null>;
  /** Ends the thread (when the collector closes first); it does not keep the process alive meanwhile. */
  stop(): void;
}

/** The start-up quick_check on a thread of its own: seconds for a large database, while games are stored. */
export function checkInThread(dataDir: string): CheckInThread {
  const worker = startThread({ task: 'check', dataDir });
  worker.unref();
  let stopped = false;
  // Stopped on purpose, the check found nothing: its end is not damage.
  const problem = replyOf<CheckReply>(worker, 'check').then(
    (reply) => (stopped ? null : reply.ok ? reply.problem : reply.message),
    (error: Error) => {
      if (stopped) return null;
      throw error;
    },
  );
  return {
    problem,
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}
