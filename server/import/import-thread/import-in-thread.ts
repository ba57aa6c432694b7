import type { Worker } from 'node:worker_threads';
import { startWorkerThread, ThreadError } from '../../util/worker-thread.js';
import type { ImportProgress } from '../import-bundle.js';
import { ImportDiskFullError, ImportRefusedError } from '../import-errors.js';
import { type ImportReport, keepNoteWordings } from '../import-report.js';
import type { Touched } from '../recount.js';
import type { ImportRequest, ImportThreadMessage, StoredHereAnswer } from './messages.js';

export interface ImportInThreadOptions {
  /** The `stored_here` of the thread's next write: the collector's clock (ctx.storedClock). */
  storedHere: () => string;
  onProgress?: (progress: ImportProgress) => void;
  onCommitted?: (touched: Touched) => void;
  /** Called with a function that ends the thread (the collector closing mid-import); what it committed stays. */
  onStart?: (stop: () => Promise<void>) => void;
}

function startThread(request: ImportRequest): Worker {
  return startWorkerThread(import.meta.url, { source: './import-from-source.mjs', built: './import-worker.js' }, { workerData: request });
}

/**
 * `importBundle` on a worker thread, with the same report and the same errors (ImportRefusedError,
 * ImportDiskFullError) as when it runs on the event loop: a bundle of a term takes tens of seconds to verify and
 * merge, which the collector's games must not wait through.
 */
export function importInThread(request: ImportRequest, options: ImportInThreadOptions): Promise<ImportReport> {
  const worker = startThread(request);
  options.onStart?.(async () => {
    await worker.terminate();
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      done();
    };
    worker.on('message', (message: ImportThreadMessage) => {
      switch (message.type) {
        case 'stored-here-request':
          worker.postMessage({ type: 'stored-here', iso: options.storedHere() } satisfies StoredHereAnswer);
          return;
        case 'progress':
          options.onProgress?.(message.progress);
          return;
        case 'committed':
          options.onCommitted?.(message.touched);
          return;
        case 'done':
          keepNoteWordings(message.report, message.noteWordings);
          settle(() => resolve(message.report));
          return;
        case 'failed': {
          const { failure } = message;
          if (failure.kind === 'refused') settle(() => reject(new ImportRefusedError(failure.reason, failure.wording ?? failure.message)));
          else if (failure.kind === 'disk-full') settle(() => reject(new ImportDiskFullError(failure.done, failure.total)));
          else settle(() => reject(new ThreadError(failure.message, failure.code)));
          return;
        }
      }
    });
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new ThreadError(`the import thread stopped (exit code ${code})`, undefined))));
  });
}
