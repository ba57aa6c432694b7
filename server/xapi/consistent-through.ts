import type { AppContext } from '../context.js';

/**
 * `X-Experience-API-Consistent-Through`: a time before which every statement that has or will have a `stored`
 * value is already retrievable. A client that reads "what is new" with `since` set to it must miss nothing.
 *
 * A statement's `stored` is the time its request handed it to the writer thread (never earlier: stored is taken
 * right before the hand-over, and only ever pushed later), and the writer commits in the order it was handed things.
 * So at any moment when no statement waits for the writer, every statement stored before that moment is committed:
 * "now" is right. While some wait (a write in flight, a backlog), "now" was wrong: a statement stored a few
 * milliseconds ago, not yet committed, was behind the time the header promised, and a client syncing with `since`
 * lost it for good. Then the answer is the last moment known to be safe: the last time the writer was seen with
 * nothing waiting, or the hand-over time of a write seen committed (everything handed over before it is committed too).
 */
const clocks = new WeakMap<AppContext, ConsistencyClock>();

/**
 * The installation's clock, made by the xAPI router as the collector is set up (before it listens, so before any
 * statement can be waiting for the writer).
 */
export function consistencyClock(ctx: AppContext): ConsistencyClock {
  let clock = clocks.get(ctx);
  if (clock === undefined) {
    clock = new ConsistencyClock(ctx);
    clocks.set(ctx, clock);
  }
  return clock;
}

export class ConsistencyClock {
  private safe: number;
  /**
   * The `stored` a write on a connection of its own was stamped with (the dashboard's import thread stamps a chunk,
   * then waits for the database): until it has committed, nothing from that time on is promised.
   */
  private held: number | undefined;

  constructor(private readonly ctx: AppContext) {
    // Nothing handed over before this clock existed is still waiting: the store is opened before the collector listens.
    // Read from the clock `stored` is (stored-clock.ts): the wall clock set back must not promise less than was stored.
    this.safe = ctx.storedClock.now();
    // Each commit of statements may be the one that empties the writer's queue. Called for every game's batch, so it
    // only notes the time; the header is formatted when an answer needs it.
    ctx.bus.on('statements.stored', () => this.noteIfIdle());
  }

  /**
   * The header's value now: a millisecond before the safe time. `since` is exclusive, and a statement handed over in
   * the same millisecond as this answer gets that very time as its `stored`: a client reading with `since` set to it
   * missed that statement for good. A millisecond earlier, it reads the statements of that millisecond once more
   * (the same ids) and misses none.
   */
  through(): string {
    this.noteIfIdle();
    return new Date(this.safe - 1).toISOString();
  }

  /** A write outside the writer thread was stamped `stampMs` and may not have committed yet (replaces an earlier hold). */
  hold(stampMs: number): void {
    this.held = stampMs;
  }

  /** The held write has committed or failed. */
  release(): void {
    this.held = undefined;
  }

  /** A write handed over at `handedOverMs` has committed, and with it everything handed over before it. */
  committed(handedOverMs: number): void {
    this.note(handedOverMs);
  }

  /** Nothing waits for the writer: everything stored until now is committed. */
  private noteIfIdle(): void {
    if (!this.ctx.ingest.statementsWaiting) this.note(this.ctx.storedClock.now());
  }

  private note(time: number): void {
    const safe = this.held === undefined ? time : Math.min(time, this.held);
    if (safe > this.safe) this.safe = safe;
  }
}
