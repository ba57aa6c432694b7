import { InflightBudget } from './inflight-budget.js';

/** A timer that fires once nothing of a body has arrived for a while; `refresh` on every chunk, `stop` at the end. */
export interface StallWatch {
  refresh(): void;
  stop(): void;
}

/**
 * Watches a large body (a game's backlog: over a regular batch by its `declared` length, or of unknown length) for
 * a stall. A game whose tablet leaves the Wi-Fi mid-upload sends nothing more, not even a reset: without this its
 * request held its share of the in-flight budget, and with it other returning games' backlogs (503 to each), until
 * the request timeout two minutes later. A regular batch arrives in a packet or two and holds little: it is not
 * watched, so the batches of games playing pay for no timer.
 */
export function watchForStall(declared: number | undefined, stallAfterMs: number | undefined, onStall: () => void): StallWatch | undefined {
  if (stallAfterMs === undefined) return undefined;
  if (declared !== undefined && declared <= InflightBudget.SMALL_BODY_BYTES) return undefined;
  const timer = setTimeout(onStall, stallAfterMs);
  return {
    refresh: () => timer.refresh(),
    stop: () => clearTimeout(timer),
  };
}
