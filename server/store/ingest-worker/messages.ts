import type { IngestResult } from '../statements-ingest.js';
import type { PackedBatch } from './batch-wire.js';
import type { WorkerJobName } from './worker-jobs.js';

export type ToWorker =
  | { type: 'ingest'; id: number; batch: PackedBatch; now: string; stored?: string }
  | { type: 'job'; id: number; name: WorkerJobName; payload: unknown }
  | { type: 'max-pages'; pages: number }
  | { type: 'close' };

export interface SerializedError {
  message: string;
  code?: string;
  /** An HTTP status the job chose for its failure (e.g. 409 for a conflicting xAPI re-send). */
  status?: number;
  closed?: boolean;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: IngestResult | unknown }
  | { type: 'failed'; id: number; error: SerializedError }
  | { type: 'closed' }
  | { type: 'fatal'; error: SerializedError };

/** What the writer thread is started with (worker-entry.ts). */
export interface WriterData {
  dataDir: string;
  maxPages: number | undefined;
}
