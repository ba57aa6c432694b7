import type { IngestBatch, IngestResult } from '../statements-ingest.js';

export type ToWorker =
  | { type: 'ingest'; id: number; batch: IngestBatch; now: string }
  | { type: 'max-pages'; pages: number }
  | { type: 'close' };

export interface SerializedError {
  message: string;
  code?: string;
  closed?: boolean;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: IngestResult }
  | { type: 'failed'; id: number; error: SerializedError }
  | { type: 'closed' }
  | { type: 'fatal'; error: SerializedError };
