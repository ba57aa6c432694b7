import type { Wording, WordingValue } from '../../i18n/wording.js';
import type { ImportProgress } from '../import-bundle.js';
import type { ImportRefusal } from '../import-errors.js';
import type { ImportReport } from '../import-report.js';
import type { Touched } from '../recount.js';

/** What the dashboard's import thread is given: the received bundle and the data folder to merge it into. */
export interface ImportRequest {
  file: string;
  dataDir: string;
  chunkSize?: number;
  /** The collector's cap on the database size (max_page_count, config.maxDatabasePages), held to here too. */
  maxPages?: number;
}

/** Why the import failed, as the thread can tell it across (errors lose their class in postMessage). */
export type ImportFailure =
  | { kind: 'refused'; reason: ImportRefusal; message: string; wording?: Wording }
  | { kind: 'disk-full'; done: number; total: number }
  | { kind: 'other'; message: string; code?: string };

/** From the thread: progress, what a commit touched, the outcome; and before each write, a request for its `stored_here`. */
export type ImportThreadMessage =
  | { type: 'stored-here-request' }
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'committed'; touched: Touched }
  | { type: 'done'; report: ImportReport; noteWordings: WordingValue[] }
  | { type: 'failed'; failure: ImportFailure };

/** To the thread: the time its next write stamps as `stored_here`, read from the collector's one clock (stored-clock.ts). */
export interface StoredHereAnswer {
  type: 'stored-here';
  iso: string;
}
