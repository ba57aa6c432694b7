import { type StatementFact, storedStatementFact } from '../rules/rule-facts.js';
import type { Db } from '../store/open-database.js';
import { newestSeq } from '../store/statement-rows.js';
import { type AnswerDelta, type ResultDelta, ResultsAccumulator } from './results-accumulator.js';
import { readResultsThrough, readUnfolded } from './results-watermark.js';

/** Statements folded per step of catching up: their JSON is parsed, a few milliseconds of the event loop's turn. */
const CATCH_UP_STEP = 500;

export interface ResultsToWrite {
  results: ResultDelta[];
  answers: AnswerDelta[];
  /** Every statement up to this seq is in the results once these are written. */
  through: number;
}

/**
 * What the results still have to be told, and up to which statement they will then be complete. Live batches are
 * folded as they are acknowledged. Statements stored before the collector started that the results never got (the
 * last second before a crash) are read back from the store and folded first, a step at a time; until that is done,
 * the live batches' deltas are held back, so that what is written never claims more than is folded.
 */
export class ResultsFolding {
  private readonly live = new ResultsAccumulator();
  private readonly replayed = new ResultsAccumulator();
  /** Taken for a write that failed: the oldest deltas, written first next time. */
  private readonly unwritten = new ResultsAccumulator();
  private written: number;
  /** `written` before the last take(), for giveBack(). */
  private writtenBefore: number;
  private liveThrough: number;
  /** Statements after `after` up to `end` still to be read back; undefined once caught up. */
  private catchUp: { after: number; end: number } | undefined;

  constructor(db: Db) {
    this.written = readResultsThrough(db);
    this.writtenBefore = this.written;
    const end = newestSeq(db);
    if (end > this.written) this.catchUp = { after: this.written, end };
    this.liveThrough = Math.max(this.written, end);
  }

  get isCatchingUp(): boolean {
    return this.catchUp !== undefined;
  }

  /** A statement of an acknowledged batch; batches arrive in commit order. */
  addLive(activityId: string, playerId: string, fact: StatementFact): void {
    this.live.add(activityId, playerId, fact);
  }

  /** The acknowledged batch whose statements were just added ends at `lastSeq`. */
  liveBatchEnds(lastSeq: number): void {
    this.liveThrough = Math.max(this.liveThrough, lastSeq);
  }

  /** Reads back and folds one step of what the results missed; true once there is nothing left. */
  catchUpStep(db: Db): boolean {
    const range = this.catchUp;
    if (!range) return true;
    const rows = readUnfolded(db, range.after, range.end, CATCH_UP_STEP);
    for (const row of rows) this.replayed.add(row.activityId, row.playerId, storedStatementFact(row.json));
    range.after = rows.length < CATCH_UP_STEP ? range.end : (rows.at(-1)?.seq ?? range.end);
    if (range.after >= range.end) this.catchUp = undefined;
    return this.catchUp === undefined;
  }

  /**
   * What to write now, or null when nothing changed since the last time. One write at a time: the next take() comes
   * after this one was stored, or given back.
   */
  take(): ResultsToWrite | null {
    const through = this.catchUp ? this.catchUp.after : this.liveThrough;
    const parts = [this.unwritten, this.replayed, ...(this.catchUp ? [] : [this.live])].filter((accumulator) => !accumulator.isEmpty);
    if (parts.length === 0 && through === this.written) return null;
    this.writtenBefore = this.written;
    this.written = through;
    // Oldest first (a failed write's, read back, then live): the same student's object written twice adds up in that
    // order (writeDeltas).
    const taken = parts.map((accumulator) => accumulator.take());
    return { results: taken.flatMap((part) => part.results), answers: taken.flatMap((part) => part.answers), through };
  }

  /**
   * The write of what take() gave was not stored (its transaction was rolled back): its deltas go first into the
   * next write, and the watermark is not moved past them. Before, they were dropped and the next write claimed them.
   */
  giveBack(toWrite: ResultsToWrite): void {
    this.unwritten.restore(toWrite.results, toWrite.answers);
    this.written = this.writtenBefore;
  }
}
