import type { Writable } from 'node:stream';
import { pseudonym } from '../normalize/index.js';
import type { Db } from '../store/open-database.js';
import { ChunkedWriter } from './chunked-writer.js';
import { csvLine } from './csv-cells.js';
import { CSV_COLUMNS, csvRow } from './csv-format.js';
import { EncodeWorker } from './encode-worker/encode-worker.js';
import type { ExportOptions } from './export-options.js';
import { statementWhere } from './filters.js';
import { outgoingStatement } from './outgoing-statements.js';
import type { ExportSettings } from './pseudonymous-agents.js';
import { StatementEncoder } from './statement-encoder.js';
import { countStatements, type ExportRow, iterateStatements, iterateWireBatches } from './statement-rows.js';
import { TRACE_COLUMNS, traceRow } from './traces-format.js';
import { BATCH_ROWS, exportThroughWorkers, type WorkerExportFormat } from './worker-export.js';
import { writeBundle } from './zip-bundle.js';

export interface ExportProgress {
  done: number;
  total: number;
}

export interface StatementProblem {
  id: string;
  problem: string;
}

export interface ExportReport {
  format: ExportOptions['format'];
  statements: number;
  /** Statements exported although they are still not valid xAPI after normalisation (N-9): reported, not dropped. */
  invalid: number;
  problems: StatementProblem[];
  bytes: number;
  files?: Record<string, { bytes: number; sha256: string; lines?: number }>;
}

const MAX_LISTED_PROBLEMS = 50;
const PROGRESS_EVERY = 2000;
// From this many statements ndjson/json are encoded on a thread of its own (worker-export.ts); below, starting the
// thread (~50 ms, a second copy of the modules) costs more than it saves.
const WORKER_FROM = 20_000;
// One encoding thread: each costs ~30 MB, and with this thread encoding a share of the batches too
// (worker-export.ts) one keeps both cores of a small machine busy.
const WORKERS = 1;

/** For tests and the benchmark: where the worker path starts, and which path an export took. */
export interface ExportTuning {
  workerFrom?: number;
  workers?: number;
  onPath?: (path: 'worker' | 'single', fallbackReason?: string) => void;
}

/** How the export names a player: never a username when pseudonymising. */
export function playerLabel(row: Pick<ExportRow, 'playerPublicId'>, settings: ExportSettings): string | null {
  if (row.playerPublicId === null) return null;
  return settings.pseudonymSalt ? pseudonym(settings.pseudonymSalt, row.playerPublicId) : row.playerPublicId;
}

/**
 * Writes the statements matching the filters to `output` in the chosen format, streaming with backpressure.
 * `db` must be a connection of its own (the rows are iterated). Does not end `output`.
 */
export async function exportData(
  db: Db,
  settings: ExportSettings,
  options: ExportOptions,
  output: Writable,
  onProgress: (progress: ExportProgress) => void = () => {},
  tuning: ExportTuning = {},
): Promise<ExportReport> {
  // The schema refuses the combination; this keeps any other caller from printing players in clear.
  if (options.asReceived && settings.pseudonymSalt !== null) throw new Error('statements as received cannot be pseudonymised');
  const where = statementWhere(db, options.filters);
  const total = countStatements(db, where);
  if (options.format === 'zip') return writeBundle(db, settings, options, output, total, onProgress);
  const writer = new ChunkedWriter(output);
  const report: ExportReport = { format: options.format, statements: 0, invalid: 0, problems: [], bytes: 0 };
  const emit = formatEmitter(options, settings, report);
  if (options.format === 'csv') await writer.write(`\uFEFF${csvLine(CSV_COLUMNS)}`);
  if (options.format === 'traces-csv') await writer.write(csvLine(TRACE_COLUMNS));
  if (options.format === 'json') await writer.write('[');
  onProgress({ done: 0, total });
  const format = workerFormat(options);
  const workers = format && total >= (tuning.workerFrom ?? WORKER_FROM) ? await startWorkers(settings, format, tuning.workers ?? WORKERS) : undefined;
  if (Array.isArray(workers) && format) {
    let failure: Error | undefined;
    try {
      failure = await exportThroughWorkers(workers, settings, format, iterateWireBatches(db, where, BATCH_ROWS), writer, (count, problems) => {
        const before = report.statements;
        report.statements += count;
        for (let i = 0; i + 1 < problems.length; i += 2) recordProblem(report, problems[i] as string, problems[i + 1] as string);
        if (Math.floor(report.statements / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY)) onProgress({ done: report.statements, total });
      });
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
    }
    tuning.onPath?.('worker', failure?.message);
  } else {
    tuning.onPath?.('single', workers instanceof Error ? workers.message : undefined);
    await exportSingleThread(db, where, emit, writer, report, total, onProgress);
  }
  if (options.format === 'json') await writer.write(report.statements === 0 ? ']\n' : '\n]\n');
  await writer.flush();
  onProgress({ done: report.statements, total });
  report.bytes = writer.written;
  return report;
}

/** The worker path's framing for ndjson/json, or null for the formats (and as-received) it does not take. */
function workerFormat(options: ExportOptions): WorkerExportFormat | null {
  if (options.asReceived) return null;
  if (options.format === 'ndjson') return { separator: '\n', terminated: true, firstPrefix: '', laterPrefix: '' };
  if (options.format === 'json') return { separator: ',\n', terminated: false, firstPrefix: '\n', laterPrefix: ',\n' };
  return null;
}

/** The encoding threads, or the reason they could not start (the export then runs on this thread, same bytes). */
async function startWorkers(settings: ExportSettings, format: WorkerExportFormat, count: number): Promise<EncodeWorker[] | Error> {
  const data = { settings, separator: format.separator, terminated: format.terminated };
  const started = await Promise.allSettled(Array.from({ length: count }, () => EncodeWorker.start(data)));
  const workers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (workers.length > 0) return workers;
  const reason: unknown = failed?.reason;
  return reason instanceof Error ? reason : new Error(String(reason));
}

async function exportSingleThread(
  db: Db,
  where: ReturnType<typeof statementWhere>,
  emit: (row: ExportRow) => string,
  writer: ChunkedWriter,
  report: ExportReport,
  total: number,
  onProgress: (progress: ExportProgress) => void,
): Promise<void> {
  for (const row of iterateStatements(db, where)) {
    await writer.write(emit(row));
    report.statements++;
    if (report.statements % PROGRESS_EVERY === 0) onProgress({ done: report.statements, total });
  }
}

export function recordProblem(report: Pick<ExportReport, 'invalid' | 'problems'>, id: string, problem: string | null): void {
  if (problem === null) return;
  report.invalid++;
  if (report.problems.length < MAX_LISTED_PROBLEMS) report.problems.push({ id, problem });
}

/** One function per format, row → text. */
function formatEmitter(options: ExportOptions, settings: ExportSettings, report: ExportReport): (row: ExportRow) => string {
  const xapi = (row: ExportRow): Record<string, unknown> => {
    const { statement, problem } = outgoingStatement(row, settings);
    recordProblem(report, row.id, problem);
    return statement;
  };
  // ndjson/json: the encoder produces the same bytes as JSON.stringify(xapi(row)), memoising repeated members.
  const encoder = new StatementEncoder(settings);
  const statementText = (row: ExportRow): string => {
    if (options.asReceived) return row.json;
    const { text, problem } = encoder.encode(row);
    recordProblem(report, row.id, problem);
    return text;
  };
  switch (options.format) {
    case 'json': {
      let first = true;
      return (row) => {
        const prefix = first ? '\n' : ',\n';
        first = false;
        return prefix + statementText(row);
      };
    }
    case 'csv':
      return (row) => csvLine(csvRow(row, xapi(row), playerLabel(row, settings), [settings.homePage, row.originHomePage]));
    case 'traces-csv':
      return (row) => {
        const received = JSON.parse(row.json) as Record<string, unknown>;
        const actor = received.actor as { name?: unknown } | undefined;
        const name =
          settings.actors === 'per-player' || settings.pseudonymSalt
            ? playerLabel(row, settings)
            : typeof actor?.name === 'string'
              ? actor.name
              : null;
        return csvLine(traceRow(row, received, name));
      };
    default:
      return (row) => `${statementText(row)}\n`;
  }
}
