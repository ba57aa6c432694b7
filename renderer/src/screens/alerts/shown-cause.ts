import type { AlertItem } from './types';

/**
 * The cause a collapsed row shows: the most severe of the student's active items (an alert before any warning), the
 * newest of those. The items come newest first, so a warning raised after an alert would otherwise hide it.
 */
export function shownCause(items: readonly AlertItem[]): AlertItem | undefined {
  return items.find((item) => item.severity === 'alert') ?? items[0];
}
