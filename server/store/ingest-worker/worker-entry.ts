import { parentPort, workerData } from 'node:worker_threads';
import { quickCheckStore } from '../backups.js';
import { openDatabase } from '../open-database.js';
import { ingestBatch } from '../statements-ingest.js';
import { WriteQueue, WriterClosedError } from '../write-queue.js';
import { unpackBatch } from './batch-wire.js';
import { CoalescingSender, eachMessage, type Many } from './coalescing-sender.js';
import type { FromWorker, SerializedError, ToWorker, WriterData } from './messages.js';
import { workerJobs } from './worker-jobs.js';

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
  const { dataDir, maxPages, checkAtStart } = workerData as WriterData;
  const db = openDatabase(dataDir);
  if (maxPages) db.pragma(`max_page_count = ${maxPages}`);
  // Checkpoints run from the writer too; a larger page cache keeps the indexes' hot pages in memory.
  db.pragma('cache_size = -32768');
  const queue = new WriteQueue(db);
  port.on('message', (arrived: ToWorker | Many<ToWorker>) => eachMessage(arrived, receive));
  function receive(message: ToWorker): void {
    if (message.type === 'ingest') {
      queue.run((connection) => ingestBatch(connection, unpackBatch(message.batch), message.now)).then(
        (result) => send({ type: 'done', id: message.id, result }),
        (error: unknown) => send({ type: 'failed', id: message.id, error: serialize(error) }),
      );
    } else if (message.type === 'job') {
      const job = workerJobs[message.name] as (connection: typeof db, payload: unknown) => unknown;
      queue.run((connection) => job(connection, message.payload)).then(
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
  // The structural check of a small database runs here, after the collector is ready; batches that arrive meanwhile
  // wait in the queue for its few milliseconds (a large database is checked on a thread of its own). On a
  // connection of its own with a small page cache: on the writer's, it filled all 32 MB with pages ingest never
  // reads again.
  if (checkAtStart) {
    setImmediate(() => {
      const problem = quickCheckStore(dataDir);
      if (problem) send({ type: 'damaged', problem });
    });
  }
} catch (error) {
  post({ type: 'fatal', error: serialize(error) });
}
