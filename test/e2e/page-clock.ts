import type { Page } from 'playwright-core';

/** The clocks a dashboard page reads, moved by a test as a teacher's tablet's or the laptop's would be. */
export interface PageClock {
  /**
   * Moves the page's wall clock (Date.now) by `wallMs` and its monotonic clock (performance.now) by `monotonicMs`:
   * a clock set by hand moves the wall clock alone, time passing (or a sleep) moves both.
   */
  move(wallMs: number, monotonicMs?: number): Promise<void>;
}

/**
 * Installs movable clocks in every page `page` loads from now on, the wall clock `wallAheadMs` ahead of real time
 * (a tablet whose clock is off). Each load starts from these again, as a reloaded page reads its device's clocks.
 */
export async function movablePageClock(page: Page, { wallAheadMs = 0 } = {}): Promise<PageClock> {
  await page.addInitScript((ahead) => {
    const wall = Date.now.bind(Date);
    const monotonic = performance.now.bind(performance);
    const moved = { wall: ahead, monotonic: 0 };
    (window as unknown as { aulaTestClock: typeof moved }).aulaTestClock = moved;
    Date.now = () => wall() + moved.wall;
    performance.now = () => monotonic() + moved.monotonic;
  }, wallAheadMs);
  return {
    move: (wallMs, monotonicMs = 0) =>
      page.evaluate(
        ([wall, monotonic]) => {
          const moved = (window as unknown as { aulaTestClock: { wall: number; monotonic: number } }).aulaTestClock;
          moved.wall += wall as number;
          moved.monotonic += monotonic as number;
        },
        [wallMs, monotonicMs],
      ),
  };
}
