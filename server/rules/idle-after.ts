import type { RuleSettings } from './rule-settings.js';

/** When no Idle alert is on: trackers send every few seconds while a game runs, so minutes of silence mean something. */
export const DEFAULT_IDLE_AFTER_MINUTES = 3;
export const DEFAULT_IDLE_AFTER_MS = DEFAULT_IDLE_AFTER_MINUTES * 60_000;

/**
 * How long a game of the activity may be silent before the dashboard calls it idle (and no longer live): the Idle
 * alert's minutes when that rule is on, else the default 3 minutes. One threshold for Live (its twin in the renderer,
 * live-idle-after.tsx), the header's and Activities' live counts (live-counts.ts), Diagnostics' silent games and the
 * Idle rule itself (evaluate.ts), which all said it differently (2 and 3 minutes whatever the rule said).
 */
export function idleAfterMs(settings: RuleSettings): number {
  return settings.idle.enabled ? settings.idle.minutes * 60_000 : DEFAULT_IDLE_AFTER_MS;
}
