/** A list shown up to its limit, and whether rows past it were left out. */
export interface LimitedList<T> {
  rows: T[];
  cut: boolean;
}

/**
 * The rows of a list read one row past `limit` (read `limit + 1`), cut to `limit`, with whether that cut anything: the
 * dashboard's lists show the most recent rows, and a list cut without saying so (a term's sessions, a class of silent
 * games) hid what the teacher was looking for.
 */
export function cutAt<T>(readPastLimit: T[], limit: number): LimitedList<T> {
  return readPastLimit.length > limit ? { rows: readPastLimit.slice(0, limit), cut: true } : { rows: readPastLimit, cut: false };
}

/** `{ [key]: true }` for a cut list, nothing otherwise: an answer that is not cut stays as it always was. */
export function whenCut<K extends string>(list: LimitedList<unknown>, key: K): Partial<Record<K, true>> {
  return (list.cut ? { [key]: true } : {}) as Partial<Record<K, true>>;
}
