import type { AppContext } from '../context.js';
import { type ClockGap, GapWatch, LESSON_BREAK_MS, type RuleClocks, shiftPast } from './clock-gaps.js';
import { readLastWatched, readUnwatched, writeUnwatched } from './last-watched.js';
import { FORGET_SILENT_MS } from './session-state.js';

/** A session as Live and Diagnostics list it: its id and its stored last-seen. */
export interface SilentSession {
  id: number;
  lastSeen: string;
}

/**
 * The time Aula was not watching the games (the laptop asleep, Aula off, the clock set), in the hours before the start
 * and since: noticed between two looks of the rules' timer (clock-gaps.ts), kept across a restart (last-watched.ts),
 * and left out of the students' silence. What a pause does to the sessions in memory is the rules engine's (onPause).
 */
export class UnwatchedTime {
  /** Times Aula was not watching (off or asleep, in the hours before, and since): not counted as silence. */
  private gaps: ClockGap[];
  private gapWatch: GapWatch;
  /** ctx.now() of the timer's last look, the last moment before a gap it then notices. */
  private lastLook: number;
  /**
   * How long Aula was off before this start (last-watched.ts): 0 for a store that never ran it, below 0 when the
   * clock was set back meanwhile.
   */
  readonly offBeforeStart: number;
  /** The last moment Aula is known to have been running before this start (the start, for a store that never ran it). */
  readonly lastRunning: number;

  constructor(
    private readonly ctx: AppContext,
    /** The timer's interval: a look later than it by more than GAP_MS is a pause too (clock-gaps.ts). */
    private readonly tickMs: number,
    clocks: RuleClocks,
    /** Called for each pause noticed after the start, once it is noted. */
    private readonly onPause: (gap: ClockGap) => void,
  ) {
    this.lastLook = ctx.now();
    this.gapWatch = new GapWatch(clocks);
    const lastWatched = readLastWatched(ctx.db, ctx.storedClock.startedFrom);
    const off = lastWatched === null ? 0 : this.lastLook - lastWatched;
    this.gaps = readUnwatched(ctx.db);
    if (off > 0) this.noteGap({ before: lastWatched as number, ms: off });
    this.offBeforeStart = off;
    this.lastRunning = lastWatched ?? this.lastLook;
  }

  /** The clocks a pause is noticed on (a test's own, to put the laptop to sleep); from the next look on. */
  watchClocks(clocks: RuleClocks): void {
    this.gapWatch = new GapWatch(clocks);
  }

  /** Notices a pause since the last look (the timer's, or an answer's given the moment the laptop woke, before it). */
  look(now: number): void {
    const gap = this.gapWatch.look(this.tickMs);
    if (gap !== 0) {
      const pause = { before: this.lastLook, ms: gap };
      this.noteGap(pause);
      this.ctx.log.info({ seconds: Math.round(gap / 1000) }, 'Aula was not running for a while (the computer asleep, or its clock set); rules do not count that time as students being idle');
      this.onPause(pause);
    }
    this.lastLook = now;
  }

  /** A time as it would be had the pauses after it not happened (read back from the store, see shiftSessionTimes). */
  shiftPast(time: number): number {
    return shiftPast(this.gaps, time);
  }

  /**
   * How long each session has been silent as the Idle rule counts it, at `now` (ctx.now()): the time the laptop slept,
   * Aula was off or the clock was set is left out, as the rule leaves it out (Live's badge says what the rule thinks).
   * A session the rules watch (`watchedLastSeen`) has its times moved past each pause already; any other (silent for
   * hours, or Aula started without rules) counts from its stored last-seen moved past the pauses noted since. A session
   * silent since before a pause as long as a lesson break counts that break: it belongs to an earlier lesson. A pause
   * not yet noticed by the timer (the laptop woke a moment ago) is noticed first.
   */
  silentMs(sessions: ReadonlyArray<SilentSession>, now: number, watchedLastSeen: (sessionId: number) => number | undefined): Map<number, number> {
    this.look(now);
    const silences = new Map<number, number>();
    const shortGaps = this.gaps.filter((gap) => gap.ms < LESSON_BREAK_MS);
    for (const session of sessions) {
      const watched = watchedLastSeen(session.id);
      const stored = shiftPast(shortGaps, Date.parse(session.lastSeen));
      // The later of the two: a game is also seen by what the rules never read (a batch re-sent whole, a refused one).
      const since = watched !== undefined ? Math.max(watched, stored) : stored;
      if (Number.isFinite(since)) silences.set(session.id, Math.max(0, Math.round(now - since)));
    }
    return silences;
  }

  /** Kept (and stored, for after a restart) while it can still matter: for the silences of the hours before. */
  private noteGap(gap: ClockGap): void {
    const since = gap.before - FORGET_SILENT_MS;
    this.gaps = [...this.gaps.filter((earlier) => earlier.before >= since), gap];
    const gaps = this.gaps;
    this.ctx.writer.run((db) => writeUnwatched(db, gaps)).catch((error: unknown) => this.ctx.log.warn({ err: error }, 'could not note the time Aula was not running'));
  }
}
