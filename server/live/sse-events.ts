import type { ChangesEvent } from '../admin/api-types.js';

/** The `changes` event's shape is the dashboard's too: server/admin/api-types.ts. */
export type { ChangesEvent };

export interface SseEvents {
  /** First event of every connection. */
  hello: { serverTime: string };
  changes: ChangesEvent;
  /** Sent every few seconds so the dashboard (and proxies) know the stream is alive. */
  heartbeat: { serverTime: string };
  /**
   * Refetch everything: the events since the client's Last-Event-ID are gone (restart, or too long away), or another
   * process (the `aula` CLI) changed the data.
   */
  reset: { reason: 'unknown-event-id' | 'too-old' | 'changed-elsewhere' };
}

export type SseEventName = keyof SseEvents;
