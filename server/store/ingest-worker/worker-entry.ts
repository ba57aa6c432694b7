import { parentPort, workerData } from 'node:worker_threads';
import { ActivityCounters } from '../activity-counters.js';
import { openDatabase } from '../open-database.js';
import { ingestBatch } from '../statements-ingest.js';
import { WriteQueue, WriterClosedError } from '../write-queue.js';
import { unpackBatch } from './batch-wire.js';
import { CoalescingSender, eachMessage, type Many } from './coalescing-sender.js';
import type { FromWorker, SerializedError, ToWorker, WriterData } from './messages.js';
import { type GroupDeferred, workerJobs } from './worker-jobs.js';

/**
 * The ingest writer's thread: owns a write connection and group-commits every batch that arrived while the previous
 * commit ran. SQLite's work (inserts, WAL writes, fsync, checkpoints) happens here, so the event loop that parses
 * requests never waits for the disk.
 */
const port = parentPort;
if (!port) throw new Error('worker-entry runs as a worker thread');

function serialize(error: unknown): SerializedError {
  const { message, code, status } = error as { message?: string; code?: unknown; status?: unknown };
  return {
    message: message ?? String(error),
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof status === 'number' ? { status } : {}),
    ...(error instanceof WriterClosedError ? { closed: true } : {}),
  };
}

const post = (message: FromWorker | Many<FromWorker>) => port.postMessage(message);
const sender = new CoalescingSender<FromWorker>(post, queueMicrotask);
const send = (message: FromWorker) => sender.send(message);

try {
  const { dataDir, maxPages } = workerData as WriterData;
  const db = openDatabase(dataDir);
  if (maxPages) db.pragma(`max_page_count = ${maxPages}`);
  // Checkpoints run from the writer too; a larger page cache keeps the indexes' hot pages in memory.
  db.pragma('cache_size = -32768');
  const activities = new ActivityCounters();
  // Every job here keeps its effects in the database, but for the activity counts that `failed` discards: a group
  // can run again after one of its jobs failed.
  const queue = new WriteQueue(db, {
    beforeCommit: (connection) => activities.write(connection),
    failed: () => activities.discard(),
    replayOnFailure: true,
  });
  port.on('message', (arrived: ToWorker | Many<ToWorker>) => eachMessage(arrived, receive));
  function receive(message: ToWorker): void {
    if (message.type === 'ingest') {
      queue.run((connection) => ingestBatch(connection, unpackBatch(message.batch), message.now, activities, message.stored)).then(
        (result) => send({ type: 'done', id: message.id, result }),
        (error: unknown) => send({ type: 'failed', id: message.id, error: serialize(error) }),
      );
    } else if (message.type === 'job') {
      const job = workerJobs[message.name] as (connection: typeof db, payload: unknown, deferred: GroupDeferred) => unknown;
      queue.run((connection) => job(connection, message.payload, { activities })).then(
        (result) => send({ type: 'done', id: message.id, result }),
        (error: unknown) => send({ type: 'failed', id: message.id, error: serialize(error) }),
      );
    } else if (message.type === 'max-pages') {
      db.pragma(`max_page_count = ${Math.floor(message.pages)}`);
    } else if (message.type === 'close') {
      queue.close().then(() => {
        db.close();
        send({ type: 'closed' });
      });
    }
  }
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'fatal', error: serialize(error) });
}
