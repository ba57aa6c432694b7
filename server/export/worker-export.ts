import { BytePool } from './byte-pool.js';
import type { ChunkedWriter } from './chunked-writer.js';
import { encodeBatch } from './encode-worker/encode-batch.js';
import type { EncodeWorker, WorkerBatch } from './encode-worker/encode-worker.js';
import type { WireRows } from './encode-worker/messages.js';
import type { ExportSettings } from './pseudonymous-agents.js';
import { StatementEncoder } from './statement-encoder.js';

// Rows per message: enough to amortise postMessage, little enough that a few batches in flight stay a few MB.
export const BATCH_ROWS = 250;
// Batches handed to the encoding thread and not yet written: keeps it busy while this thread reads, bounds memory.
const MAX_IN_FLIGHT_PER_WORKER = 6;
// With one encoding thread, this thread encodes one batch in LOCAL_EVERY itself: encoding costs about twice what
// reading and writing do, so this evens out the two threads' work on two cores.
const LOCAL_EVERY = 3;

export interface WorkerExportFormat {
  /** Between two statements (and after the last when `terminated`). */
  separator: string;
  terminated: boolean;
  /** Before the first statement, and before each later batch (json: '\n' then ',\n'). */
  firstPrefix: string;
  laterPrefix: string;
}

/**
 * ndjson/json with the encoding on other threads: this thread reads rows and writes bytes, the encoding threads
 * normalise, validate and serialise them, batch by batch in turn, and the batches are written in the order read.
 * Should a thread fail, the batches still held and the rest are encoded here, so the output is the same either way.
 * Returns the error, if one made it fall back.
 */
export async function exportThroughWorkers(
  workers: EncodeWorker[],
  settings: ExportSettings,
  format: WorkerExportFormat,
  batches: Iterable<WireRows>,
  writer: ChunkedWriter,
  onBatch: (count: number, problems: string[]) => void,
): Promise<Error | undefined> {
  // `worker` undefined: a batch this thread encodes itself, when its turn to be written comes (so its text and bytes
  // live only as long as the write, instead of waiting in the queue).
  const inFlight: Array<{ rows: WireRows; worker?: EncodeWorker; result?: Promise<WorkerBatch> }> = [];
  let local: StatementEncoder | undefined;
  const localBytes = new BytePool(4);
  let failure: Error | undefined;
  let first = true;
  let next = 0;
  const maxInFlight = MAX_IN_FLIGHT_PER_WORKER * workers.length;

  const writePrefix = async (count: number): Promise<void> => {
    if (count === 0) return;
    const prefix = first ? format.firstPrefix : format.laterPrefix;
    first = false;
    if (prefix !== '') await writer.write(prefix);
  };
  // Synchronous, so that the batch's text (a large string) is garbage before the writes below wait: kept across an
  // await it would outlive young-generation collections and pile up until a full one.
  const encodeHere = (wire: WireRows): { bytes: Uint8Array; count: number; problems: string[] } => {
    local ??= new StatementEncoder(settings);
    const { text, count, problems } = encodeBatch(local, wire, format.separator, format.terminated);
    return { bytes: localBytes.encode(text), count, problems };
  };
  const writeHere = async (wire: WireRows): Promise<void> => {
    const { bytes, count, problems } = encodeHere(wire);
    await writePrefix(count);
    if (count === 0) return localBytes.release(bytes.buffer as ArrayBuffer);
    await writer.writeBytes(bytes, () => localBytes.release(bytes.buffer as ArrayBuffer));
    onBatch(count, problems);
  };
  const writeEncoded = async (worker: EncodeWorker, batch: WorkerBatch): Promise<void> => {
    await writePrefix(batch.count);
    if (batch.count === 0) return;
    await writer.writeBytes(batch.bytes, () => worker.recycle(batch.bytes.buffer as ArrayBuffer));
    onBatch(batch.count, batch.problems);
  };
  const settle = async (entry: (typeof inFlight)[number]): Promise<void> => {
    if (failure === undefined && entry.worker && entry.result) {
      try {
        return await writeEncoded(entry.worker, await entry.result);
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
      }
    }
    await writeHere(entry.rows);
  };
  const dispatch = async (wire: WireRows): Promise<void> => {
    if (failure !== undefined) return writeHere(wire);
    const turn = next++;
    const here = workers.length === 1 && turn % LOCAL_EVERY === LOCAL_EVERY - 1;
    if (here) inFlight.push({ rows: wire });
    else {
      const worker = workers[turn % workers.length] as EncodeWorker;
      const result = worker.encode(wire);
      result.catch(() => {}); // settled in order by `settle`; this only keeps an early rejection from being unhandled
      inFlight.push({ rows: wire, worker, result });
    }
    const oldest = inFlight.length >= maxInFlight ? inFlight.shift() : undefined;
    if (oldest) await settle(oldest);
  };

  for (const wire of batches) await dispatch(wire);
  for (let entry = inFlight.shift(); entry; entry = inFlight.shift()) await settle(entry);
  return failure;
}
