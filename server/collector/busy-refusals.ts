/** One address's refusals: how many, and the last one (ms). */
export interface BusyEntry {
  address: string;
  count: number;
  last: number;
}

const WINDOW_MS = 60 * 60_000;
/** Far above a building's game machines; past it the address refused longest ago is forgotten. */
const MAX_ADDRESSES = 1000;

/**
 * Games turned away with "busy, retry shortly" (503 + Retry-After: the in-flight budget or the writer's queue was
 * full), per address, for the teacher's diagnostics. Kept in memory, not stored: such refusals come in bursts, when
 * the writer has the least room for more writes, and the trackers send the same traces again.
 */
export class BusyRefusals {
  /** In order of the last refusal, oldest first: Map keeps insertion order, and each refusal re-inserts its address. */
  private readonly byAddress = new Map<string, BusyEntry>();

  record(address: string | undefined, now: number): void {
    const key = address?.replace(/^::ffff:/, '') ?? 'unknown';
    const entry = this.byAddress.get(key);
    this.byAddress.delete(key);
    const continued = entry && now - entry.last <= WINDOW_MS;
    this.byAddress.set(key, { address: key, count: continued ? entry.count + 1 : 1, last: now });
    if (this.byAddress.size > MAX_ADDRESSES) {
      const oldest = this.byAddress.keys().next().value;
      if (oldest !== undefined) this.byAddress.delete(oldest);
    }
  }

  /** The addresses refused within the last hour, the most recent first. */
  recent(now: number): BusyEntry[] {
    return [...this.byAddress.values()].filter((entry) => now - entry.last <= WINDOW_MS).reverse();
  }

  /** The teacher marked them as handled: only refusals from now on are shown. */
  clear(): void {
    this.byAddress.clear();
  }
}
