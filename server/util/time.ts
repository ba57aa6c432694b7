let lastMs = Number.NaN;
let lastText = '';

/**
 * The one time format of the contract (C-5.7): `Date.prototype.toJSON`, UTC, exactly 3 fractional digits. Under
 * load the same millisecond is asked for several times (every track request asks once): it is written once.
 */
export function isoNow(clock: () => number = Date.now): string {
  return isoAt(clock());
}

/** `isoNow` for a time already read. */
export function isoAt(ms: number): string {
  if (ms !== lastMs) {
    lastText = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastText;
}
