/**
 * What the dashboard's one SSE stream (`/admin/api/events`) carries. Bus events are merged over a short window
 * into one `changes` event, so a classroom sending 1,000 statements/s still means a few events per second; the
 * dashboard refetches what it shows for the ids named here.
 */
export interface ChangesEvent {
  /** Statements stored in this window, all activities together. */
  statements: number;
  /** Activity id → statements stored in this window (also present with 0 when only sessions or settings changed). */
  activities: Record<string, number>;
  /** Sessions with new statements, started or ended in this window. */
  sessions: number[];
  players: string[];
  sessionsStarted: number;
  sessionsEnded: number;
  /** Requests the collector refused in this window (at most a few are listed). */
  rejected: Array<{ route: string; status: number; message: string }>;
  rejectedCount: number;
  /** Activities whose alerts were raised, cleared, acknowledged or erased in this window. */
  alerts: string[];
  /** Present when the disk became full (or has room again) in this window: the dashboard's red banner. */
  storage?: { full: boolean };
  /** Present when classes or their members changed in this window: their ids (the Classes screen refetches). */
  classes?: string[];
}

export interface SseEvents {
  /** First event of every connection. */
  hello: { serverTime: string };
  changes: ChangesEvent;
  /** Sent every few seconds so the dashboard (and proxies) know the stream is alive. */
  heartbeat: { serverTime: string };
  /** The events since the client's Last-Event-ID are gone (restart, or too long away): refetch everything. */
  reset: { reason: 'unknown-event-id' | 'too-old' };
}

export type SseEventName = keyof SseEvents;
