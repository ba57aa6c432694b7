import { nextTurn } from '../util/next-turn.js';
import type { Db } from './open-database.js';
import { prepared } from './prepared.js';

/**
 * Statements one step of a walk reads before the event loop gets a turn: about 2 ms. A filter that matches few rows
 * makes SQLite walk an activity's index, or the whole store, in one call: at a million statements 0.35-0.9 s in
 * which no game was answered, and a classroom's requests waited 1.2-1.8 s while a script asked that back to back.
 * With steps of 20,000 they still waited 60-90 ms, since a request needs a few turns (issue 8; npm run bench, large
 * store). Smaller steps cost more edge lookups: such a query takes about 30 % longer.
 */
export const STEP_ROWS = 2_000;

/** How a walk steps: statements per step, and what runs between steps (the event loop's turn). */
export interface StepOptions {
  stepRows?: number;
  pause?: () => Promise<void>;
}

/** Where the step beyond `after` (exclusive) ends, inclusive; undefined: what is left is the last step. */
export type StepEdge = (after: number, stepRows: number) => number | undefined;

/**
 * A page of at most `take` rows, read a step at a time from `first` (exclusive) on: `readStep(after, end, take)`
 * returns the step's matching rows in the walk's order, `end` undefined for the last step. Stops as soon as the page
 * is full, so a filter that matches often costs one step.
 */
export async function readInSteps<Row>(
  first: number,
  take: number,
  edgeOf: StepEdge,
  readStep: (after: number, end: number | undefined, take: number) => Row[],
  options: StepOptions = {},
): Promise<Row[]> {
  const { stepRows = STEP_ROWS, pause = nextTurn } = options;
  const rows: Row[] = [];
  let after = first;
  for (;;) {
    const edge = edgeOf(after, stepRows);
    rows.push(...readStep(after, edge, take - rows.length));
    if (rows.length >= take || edge === undefined) return rows;
    after = edge;
    await pause();
  }
}


/** Steps over one activity's statements, through its (activity_id, seq) index: each step holds `stepRows` of them. */
export function activityEdge(db: Db, activityId: string, ascending: boolean): StepEdge {
  const sql = ascending
    ? 'SELECT seq FROM statement_rows WHERE activity_id = ? AND seq > ? ORDER BY seq ASC LIMIT 1 OFFSET ?'
    : 'SELECT seq FROM statement_rows WHERE activity_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1 OFFSET ?';
  const edge = prepared<[string, number, number], { seq: number }>(db, sql);
  return (after, stepRows) => edge.get(activityId, after, stepRows - 1)?.seq;
}

/**
 * Steps down the whole store by seq numbers: no lookup, since walking the table to count its rows costs as much as
 * the step (erased statements leave gaps, which only make a step smaller).
 */
export const storeEdgeDownwards: StepEdge = (after, stepRows) => (after - stepRows > 1 ? after - stepRows : undefined);
