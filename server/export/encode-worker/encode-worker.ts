import type { Worker } from 'node:worker_threads';
import { startWorkerThread } from '../../util/worker-thread.js';
import type { EncodeWorkerData, FromEncodeWorker, ToEncodeWorker, WireRows } from './messages.js';

// The encoder allocates short-lived strings only; a smaller young generation than the default keeps each thread's
// memory small (the export's peak RSS target is 200 MB) at a small cost in scavenges.
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 };

export interface WorkerBatch {
  bytes: Uint8Array;
  count: number;
  problems: string[];
}

/**
 * The main thread's handle on one encoding thread. Batches are answered in the order they were sent (one thread,
 * one queue). If the thread fails or stops, every pending batch is rejected with the reason, so the caller can
 * encode those rows itself.
 */
export class EncodeWorker {
  private readonly pending = new Map<number, { resolve: (batch: WorkerBatch) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private stopped: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromEncodeWorker) => this.receive(message));
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => this.failAll(new Error(`the export's encoding thread stopped (exit code ${code})`)));
  }

  static async start(data: EncodeWorkerData): Promise<EncodeWorker> {
    const worker = startWorkerThread(
      import.meta.url,
      { source: './encode-worker-from-source.mjs', built: './export-encode-worker.js' },
      { workerData: data, resourceLimits: RESOURCE_LIMITS, execArgv: [] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        worker.once('message', (message: FromEncodeWorker) =>
          message.type === 'ready' ? resolve() : reject(new Error('the encoding thread did not start')),
        );
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`the encoding thread stopped at start (exit code ${code})`)));
      });
    } catch (error) {
      await worker.terminate();
      throw error;
    }
    return new EncodeWorker(worker);
  }

  encode(rows: WireRows): Promise<WorkerBatch> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'encode', id, rows } satisfies ToEncodeWorker);
    });
  }

  /** Hands a written batch's buffer back to the thread, which encodes later batches into it. */
  recycle(buffer: ArrayBuffer): void {
    if (this.stopped || buffer.byteLength === 0) return;
    this.worker.postMessage({ type: 'recycle', buffer } satisfies ToEncodeWorker, [buffer]);
  }

  async close(): Promise<void> {
    this.stopped ??= new Error('the encoding thread was closed');
    await this.worker.terminate();
  }

  private receive(message: FromEncodeWorker): void {
    if (message.type === 'ready') return;
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.type === 'encoded') waiting.resolve({ bytes: message.bytes, count: message.count, problems: message.problems });
    else this.failAll(new Error(`the encoding thread failed: ${message.message}`), waiting.reject);
  }

  private failAll(error: Error, first?: (error: Error) => void): void {
    this.stopped ??= error;
    first?.(error);
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
