import { EventEmitter } from 'node:events';
import type { StatementFact } from '../rules/rule-facts.js';

/** Small events after commit (DESIGN.md): the dashboard refetches or patches what it shows. */
export interface LiveEvents {
  'session.started': { activityId: string | null; sessionId: number; playerId: string; newPlayer: boolean };
  'session.ended': { activityId: string | null; sessionId: number };
  'statements.stored': { activityId: string | null; sessionId: number; playerId: string; count: number };
  'activity.changed': { activityId: string };
  /** `activityId`: the refused request's session's activity, whose Live list counts its refused batches. */
  'request.rejected': { route: string; status: number; message: string; activityId: string | null };
  /** A roster student logged in after failed logins (marked on them): Live stops saying their login failed. */
  'login.after-failures': { username: string };
  /** The disk (or the configured size cap) is full: ingest answers 503 until space is back. */
  'storage.changed': { full: boolean };
  /**
   * After commit and after the answer left: what rules and results read of one acknowledged batch, in order.
   * `lastSeq`: the seq of the batch's last statement stored (batches arrive here in commit order). `firstSeq`: the seq of
   * the first of `facts`, when they are not the batch's last statements (an xAPI request of several sessions).
   */
  'statements.accepted': {
    activityId: string | null;
    sessionId: number;
    playerId: string;
    facts: readonly StatementFact[];
    lastSeq: number;
    firstSeq?: number;
  };
  /** Alerts of an activity were raised, cleared, acknowledged or erased. */
  'alerts.changed': { activityId: string };
  /** Students' results in an activity were written (the rules engine's flush, after commit). */
  'results.changed': { activityId: string };
  /** A class was created, renamed or deleted, or its members changed (from the dashboard; the CLI: changed.elsewhere). */
  'classes.changed': { classId: string };
  /** Another process (the `aula` CLI) changed the database: anything shown may be stale. */
  'changed.elsewhere': Record<string, never>;
}

export type LiveEventName = keyof LiveEvents;

export class LiveBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every open dashboard tab subscribes; the default limit of 10 would warn with a classroom of them.
    this.emitter.setMaxListeners(0);
  }

  emit<Name extends LiveEventName>(name: Name, payload: LiveEvents[Name]): void {
    this.emitter.emit(name, payload);
  }

  on<Name extends LiveEventName>(name: Name, listener: (payload: LiveEvents[Name]) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}
