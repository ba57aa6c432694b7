import type { Db } from './open-database.js';

/**
 * The clock every `stored` of this installation is read from (docs/clock.md): the laptop's clock, except that it never
 * goes back. A classroom laptop's clock moves: a teacher sets it by hand, Windows or NTP corrects it by minutes or
 * hours once a network is there. Set back, the wall clock stamped new statements before ones already stored, and an
 * xAPI client reading with `since` (or the Consistent-Through it was given) never saw them. So when the wall clock is
 * behind the last time this clock gave, it counts on from that time with a monotonic clock, at the speed of real
 * time (so the time between two statements stays true), until the wall clock passes it again; set forward, it
 * follows the wall clock at once.
 *
 * One per running collector, on the main thread: it stamps RAGE batches and xAPI requests as they are handed to the
 * writer (which commits in that order), imports through the dashboard, and the Consistent-Through header, so all
 * four are read from one clock. Per batch, never per statement.
 */
export class StoredClock {
  private lastMs: number;
  private lastMonotonicMs: number;

  constructor(
    private readonly wall: () => number,
    /**
     * Where the clock starts from: the newest time this installation stored (newestStoredHere), if any. Read once at
     * the start, and kept for the rules, which count the time since as Aula off (last-watched.ts).
     */
    readonly startedFrom: number | undefined,
    private readonly monotonic: () => number = () => performance.now(),
  ) {
    this.lastMs = startedFrom ?? Number.NEGATIVE_INFINITY;
    this.lastMonotonicMs = this.monotonic();
  }

  /** The time to stamp now, in ms: never earlier than any time this clock gave before. */
  now(wallMs: number = this.wall()): number {
    const monotonicMs = this.monotonic();
    const carried = this.lastMs + Math.max(0, monotonicMs - this.lastMonotonicMs);
    this.lastMs = Math.max(wallMs, carried);
    this.lastMonotonicMs = monotonicMs;
    return Math.floor(this.lastMs);
  }

  /** `now()` as `stored` is written (C-5.7: UTC, 3 fractional digits). */
  iso(wallMs?: number): string {
    return new Date(this.now(wallMs)).toISOString();
  }
}

/**
 * The newest time this installation stored a statement, in ms: what the clock starts from after a restart, so a
 * clock set back while Aula was closed does not stamp before it either. An imported batch counts with the time it
 * was stored here (stored_here), never with the other laptop's time (a bundle from a laptop whose clock was ahead
 * would pin every later statement here behind it); one imported before migration 17 has no such time, and its
 * session names where it came from (origin_id), so it is passed over. The walk starts at the newest batch and stops
 * at the first that counts.
 */
export function newestStoredHere(db: Db): number | undefined {
  const row = db
    .prepare<[], { stored: string }>(
      `SELECT coalesce(b.stored_here, b.stored) AS stored FROM statement_batches b LEFT JOIN sessions se ON se.id = b.session_id
       WHERE b.stored_here IS NOT NULL OR se.origin_id IS NULL ORDER BY b.id DESC LIMIT 1`,
    )
    .get();
  const ms = row ? Date.parse(row.stored) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

/** When a chunk of imported statements is stored here by a process without the collector's clock (`aula import`). */
export function storedHereNow(db: Db, wallMs: number = Date.now()): string {
  const floor = newestStoredHere(db);
  return new Date(floor !== undefined && floor > wallMs ? floor : wallMs).toISOString();
}
