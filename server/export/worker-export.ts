import type { NormalizeSettings } from '../normalize/settings.js';
import type { ChunkedWriter } from './chunked-writer.js';
import { type EncodedBatch, encodeBatch, pushWireRow } from './encode-worker/encode-batch.js';
import type { EncodeWorker, WorkerBatch } from './encode-worker/encode-worker.js';
import { ROW_FIELDS, type WireRows } from './encode-worker/messages.js';
import { StatementEncoder } from './statement-encoder.js';
import type { ExportRow } from './statement-rows.js';

// Rows per message: enough to amortise postMessage, little enough that a few batches in flight stay a few MB.
const BATCH_ROWS = 250;
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
  settings: NormalizeSettings,
  format: WorkerExportFormat,
  rows: Iterable<ExportRow>,
  writer: ChunkedWriter,
  onBatch: (count: number, problems: string[]) => void,
): Promise<Error | undefined> {
  const inFlight: Array<{ rows: WireRows; result: Promise<WorkerBatch | EncodedBatch> }> = [];
  let local: StatementEncoder | undefined;
  let failure: Error | undefined;
  let first = true;
  let next = 0;
  const maxInFlight = MAX_IN_FLIGHT_PER_WORKER * workers.length;

  const encodeHere = (wire: WireRows): EncodedBatch => {
    local ??= new StatementEncoder(settings);
    return encodeBatch(local, wire, format.separator, format.terminated);
  };
  const write = async (batch: WorkerBatch | EncodedBatch): Promise<void> => {
    if (batch.count === 0) return;
    const prefix = first ? format.firstPrefix : format.laterPrefix;
    first = false;
    if (prefix !== '') await writer.write(prefix);
    if ('bytes' in batch) await writer.writeBytes(batch.bytes);
    else await writer.write(batch.text);
    onBatch(batch.count, batch.problems);
  };
  const settle = async (entry: { rows: WireRows; result: Promise<WorkerBatch | EncodedBatch> }): Promise<void> => {
    if (failure === undefined) {
      try {
        return await write(await entry.result);
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
      }
    }
    await write(encodeHere(entry.rows));
  };
  const dispatch = async (wire: WireRows): Promise<void> => {
    if (failure !== undefined) return write(encodeHere(wire));
    const turn = next++;
    const here = workers.length === 1 && turn % LOCAL_EVERY === LOCAL_EVERY - 1;
    const result = here ? Promise.resolve(encodeHere(wire)) : (workers[turn % workers.length] as EncodeWorker).encode(wire);
    result.catch(() => {}); // settled in order by `settle`; this only keeps an early rejection from being unhandled
    inFlight.push({ rows: wire, result });
    const oldest = inFlight.length >= maxInFlight ? inFlight.shift() : undefined;
    if (oldest) await settle(oldest);
  };

  let wire: WireRows = [];
  for (const row of rows) {
    pushWireRow(wire, row);
    if (wire.length >= BATCH_ROWS * ROW_FIELDS) {
      await dispatch(wire);
      wire = [];
    }
  }
  if (wire.length > 0) await dispatch(wire);
  for (let entry = inFlight.shift(); entry; entry = inFlight.shift()) await settle(entry);
  return failure;
}
