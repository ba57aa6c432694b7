/** The computer's clocks as the rules' timer reads them to notice a pause; a test gives its own. */
export interface RuleClocks {
  wall: () => number;
  monotonic: () => number;
}

export const systemClocks: RuleClocks = { wall: Date.now, monotonic: () => performance.now() };

/** Less than this between two looks is the timer's ordinary lateness under load, not a pause. */
export const GAP_MS = 10_000;

/**
 * A pause this long (the laptop asleep, Aula off) ends the lesson for the sessions silent since before it: the next
 * morning, yesterday's games that were closed without ending their sessions are not reported idle. They are watched
 * again as soon as their game sends.
 */
export const LESSON_BREAK_MS = 2 * 3600_000;

/** A time when Aula was not watching: `ms` of wall-clock time that passed after `before` (a wall-clock ms). */
export interface ClockGap {
  before: number;
  ms: number;
}

/**
 * Notices, between two looks of the rules' one-second timer, the time the computer did not run Aula: asleep (Linux and
 * macOS stop the monotonic clock, so the wall clock ran ahead of it; Windows may keep it running, so the timer came that
 * much late), the process stopped, or the event loop held. A wall clock set by hand or by NTP moves the wall clock alone
 * and is a gap too, forwards or backwards: either way it is not the students' silence.
 */
export class GapWatch {
  private wall: number;
  private monotonic: number;

  constructor(private readonly clocks: RuleClocks) {
    this.wall = clocks.wall();
    this.monotonic = clocks.monotonic();
  }

  /** The gap since the last look, in ms (0 when there was none worth counting); `expectedMs` is the timer's interval. */
  look(expectedMs: number): number {
    const wall = this.clocks.wall();
    const monotonic = this.clocks.monotonic();
    const wallDelta = wall - this.wall;
    const monotonicDelta = monotonic - this.monotonic;
    this.wall = wall;
    this.monotonic = monotonic;
    const gap = wallDelta - monotonicDelta + Math.max(0, monotonicDelta - expectedMs);
    return Math.abs(gap) >= GAP_MS ? gap : 0;
  }
}

/** A time as it would be had the gaps after it not happened (see shiftSessionTimes). */
export function shiftPast(gaps: readonly ClockGap[], time: number): number {
  let shifted = time;
  for (const gap of gaps) if (time <= gap.before) shifted += gap.ms;
  return shifted;
}
