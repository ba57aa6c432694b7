import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../store/open-database.js';
import { importBundle } from '../import-bundle.js';
import { ImportDiskFullError, ImportRefusedError } from '../import-errors.js';
import { reportNoteWordings } from '../import-report.js';
import type { ImportFailure, ImportRequest, ImportThreadMessage, StoredHereAnswer } from './messages.js';

/**
 * The dashboard's import on a thread of its own, with its own connection (as `aula import` beside `aula serve`): the
 * bundle's verification (SHA-256 of every file), parsing and merging no longer hold the collector's event loop, so
 * games' batches are read and answered meanwhile. Each chunk is one short IMMEDIATE transaction; WAL and busy_timeout
 * let it alternate with the collector's writers.
 */
const port = parentPort;
if (!port) throw new Error('import-entry runs as a worker thread');
const request = workerData as ImportRequest;
const send = (message: ImportThreadMessage) => port.postMessage(message);

function failureOf(error: unknown): ImportFailure {
  if (error instanceof ImportRefusedError) {
    return { kind: 'refused', reason: error.reason, message: error.message, ...(error.wording ? { wording: error.wording } : {}) };
  }
  if (error instanceof ImportDiskFullError) return { kind: 'disk-full', done: error.done, total: error.total };
  const { message, code } = error as { message?: string; code?: unknown };
  return { kind: 'other', message: message ?? String(error), ...(typeof code === 'string' ? { code } : {}) };
}

/**
 * `stored_here` comes from the collector's clock on the main thread, asked for before each write: every `stored` of
 * this installation is read from that one clock (stored-clock.ts), which a second clock here could stamp behind.
 */
const answers: Array<(iso: string) => void> = [];
port.on('message', (message: StoredHereAnswer) => {
  if (message.type === 'stored-here') answers.shift()?.(message.iso);
});
function askStoredHere(): Promise<string> {
  return new Promise((resolve) => {
    answers.push(resolve);
    send({ type: 'stored-here-request' });
  });
}

const db = openDatabase(request.dataDir, { create: false });
if (request.maxPages) db.pragma(`max_page_count = ${Math.floor(request.maxPages)}`);
let storedHere = '';
try {
  const report = await importBundle(request.file, {
    write: async (job) => {
      storedHere = await askStoredHere();
      return db.transaction(job).immediate(db);
    },
    storedHere: () => storedHere,
    ...(request.chunkSize === undefined ? {} : { chunkSize: request.chunkSize }),
    onProgress: (progress) => send({ type: 'progress', progress }),
    onCommitted: (touched) => send({ type: 'committed', touched }),
  });
  send({ type: 'done', report, noteWordings: reportNoteWordings(report) });
} catch (error) {
  send({ type: 'failed', failure: failureOf(error) });
} finally {
  db.close();
  port.unref();
}
