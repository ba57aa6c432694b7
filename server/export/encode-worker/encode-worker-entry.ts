import { parentPort, workerData } from 'node:worker_threads';
import { BytePool } from '../byte-pool.js';
import { StatementEncoder } from '../statement-encoder.js';
import { encodeBatch } from './encode-batch.js';
import type { EncodeWorkerData, FromEncodeWorker, ToEncodeWorker } from './messages.js';

/**
 * The export's encoding thread: normalises, validates and serialises batches of rows with the same StatementEncoder
 * the single-thread path uses, and answers each batch, in the order they came, with its UTF-8 bytes and problems.
 */
const port = parentPort;
if (!port) throw new Error('encode-worker-entry runs as a worker thread');
const { settings, separator, terminated } = workerData as EncodeWorkerData;
const encoder = new StatementEncoder(settings);
const pool = new BytePool();

port.on('message', (message: ToEncodeWorker) => {
  if (message.type === 'recycle') {
    pool.release(message.buffer);
    return;
  }
  let reply: FromEncodeWorker;
  try {
    const { text, count, problems } = encodeBatch(encoder, message.rows, separator, terminated);
    reply = { type: 'encoded', id: message.id, bytes: pool.encode(text), count, problems };
  } catch (error) {
    reply = { type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply, reply.type === 'encoded' ? [reply.bytes.buffer as ArrayBuffer] : []);
});
port.postMessage({ type: 'ready' } satisfies FromEncodeWorker);
