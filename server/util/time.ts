/** The one time format of the contract (C-5.7): `Date.prototype.toJSON`, UTC, exactly 3 fractional digits. */
export function isoNow(clock: () => number = Date.now): string {
  return new Date(clock()).toISOString();
}
